"""The explicit, ordered list of every rule. Adding a rule: one module, one line here."""

from . import (
    group_buildkit,
    group_flow,
    group_hadolint,
    group_hygiene,
    apk_add_no_cache,
    apt_install_recommends,
    build_failed,
    cgo_enabled_static_final,
    copy_from_undefined_stage,
    duplicate_stage_name,
    expectation_not_met,
    final_stage_runs_as_root,
    image_latest_tag,
    image_untagged,
    include_error,
    invalid_fence_option,
    json_args_recommended,
    not_a_dockerfile,
    last_user_root,
    parse_error,
    removal_in_later_layer,
    run_failed,
    undeclared_fragment,
    undefined_variable_in_run,
    unterminated_fence,
    unused_suppression,
    workdir_relative_path,
)

ALL_RULES = (
    # Parse errors and how snippets are written
    parse_error.parse_error,
    invalid_fence_option.invalid_fence_option,
    unused_suppression.unused_suppression,
    expectation_not_met.expectation_not_met,
    include_error.include_error,
    unterminated_fence.unterminated_fence,
    undeclared_fragment.undeclared_fragment,
    not_a_dockerfile.not_a_dockerfile,
    # Real builds (reported by the builder, not by a check over instructions)
    build_failed.build_failed,
    run_failed.run_failed,
    # Instructions (BuildKit checks)
    duplicate_stage_name.duplicate_stage_name,
    json_args_recommended.json_args_recommended,
    workdir_relative_path.workdir_relative_path,
    # Base images and packages
    image_latest_tag.image_latest_tag,
    image_untagged.image_untagged,
    apk_add_no_cache.apk_add_no_cache,
    apt_install_recommends.apt_install_recommends,
    # Multi-stage data flow
    copy_from_undefined_stage.copy_from_undefined_stage,
    undefined_variable_in_run.undefined_variable_in_run,
    # Go static binaries
    cgo_enabled_static_final.cgo_enabled_static_final,
    # Layers and size
    removal_in_later_layer.removal_in_later_layer,
    # Users
    final_stage_runs_as_root.final_stage_runs_as_root,
    last_user_root.last_user_root,
    # Groups, each kept in its own ordered list
    *group_buildkit.RULES,  # BuildKit check parity (DG1xx)
    *group_hadolint.RULES,  # hadolint DL parity (DG2xx)
    *group_flow.RULES,  # stages, Go, scratch/distroless, libc (DG3xx-DG60x)
    *group_hygiene.RULES,  # layers, users, supply chain, BuildKit features, shell (DG61x-DG9xx)
)
