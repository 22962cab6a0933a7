"""Rules of the 'hygiene' group, in order. Each entry is one rule module's function."""

from . import (
    add_url_without_checksum,
    base_image_end_of_life,
    base_image_not_pinned_by_digest,
    build_tools_in_final_stage,
    buildkit_feature_without_syntax,
    cache_mount_contradiction,
    chown_after_copy,
    copy_context_without_dockerignore,
    copy_secret_file,
    final_stage_sdk_image,
    misplaced_parser_directive,
    package_cache_in_final_image,
    pipe_to_shell,
    shell_without_bash,
    single_stage_build,
    user_not_numeric,
)

RULES = (
    # Layers and size (DG61x)
    chown_after_copy.chown_after_copy,
    build_tools_in_final_stage.build_tools_in_final_stage,
    final_stage_sdk_image.final_stage_sdk_image,
    single_stage_build.single_stage_build,
    package_cache_in_final_image.package_cache_in_final_image,
    # Users (DG70x)
    user_not_numeric.user_not_numeric,
    # Supply chain (DG80x)
    pipe_to_shell.pipe_to_shell,
    add_url_without_checksum.add_url_without_checksum,
    copy_secret_file.copy_secret_file,
    base_image_not_pinned_by_digest.base_image_not_pinned_by_digest,
    base_image_end_of_life.base_image_end_of_life,
    # BuildKit features, context and shell (DG90x)
    buildkit_feature_without_syntax.buildkit_feature_without_syntax,
    misplaced_parser_directive.misplaced_parser_directive,
    cache_mount_contradiction.cache_mount_contradiction,
    copy_context_without_dockerignore.copy_context_without_dockerignore,
    shell_without_bash.shell_without_bash,
)
