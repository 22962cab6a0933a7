"""BuildKit check parity (DG1xx): the checks `docker build --check` runs, under their BuildKit names as aliases.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    consistent_instruction_casing,
    copy_ignored_file,
    duplicate_stage_name,
    expose_invalid_format,
    expose_proto_casing,
    from_as_casing,
    from_platform_flag_const_disallowed,
    invalid_default_arg_in_from,
    json_args_recommended,
    legacy_key_value_format,
    maintainer_deprecated,
    multiple_instructions_disallowed,
    no_empty_continuation,
    redundant_target_platform,
    reserved_stage_name,
    secrets_used_in_arg_or_env,
    stage_name_casing,
    undefined_arg_in_from,
    undefined_variable,
    workdir_relative_path,
)

RULES = (
    duplicate_stage_name.duplicate_stage_name,  # DG105
    json_args_recommended.json_args_recommended,  # DG107
    workdir_relative_path.workdir_relative_path,  # DG110
    no_empty_continuation.no_empty_continuation,  # DG103
    consistent_instruction_casing.consistent_instruction_casing,  # DG104
    legacy_key_value_format.legacy_key_value_format,  # DG113
    maintainer_deprecated.maintainer_deprecated,  # DG108
    stage_name_casing.stage_name_casing,  # DG101
    from_as_casing.from_as_casing,  # DG102
    reserved_stage_name.reserved_stage_name,  # DG106
    undefined_arg_in_from.undefined_arg_in_from,  # DG109
    invalid_default_arg_in_from.invalid_default_arg_in_from,  # DG116
    redundant_target_platform.redundant_target_platform,  # DG114
    from_platform_flag_const_disallowed.from_platform_flag_const_disallowed,  # DG117
    undefined_variable.undefined_variable,  # DG111
    secrets_used_in_arg_or_env.secrets_used_in_arg_or_env,  # DG115
    copy_ignored_file.copy_ignored_file,  # DG118
    multiple_instructions_disallowed.multiple_instructions_disallowed,  # DG112
    expose_proto_casing.expose_proto_casing,  # DG119
    expose_invalid_format.expose_invalid_format,  # DG120
)
