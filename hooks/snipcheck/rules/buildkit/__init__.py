"""BuildKit check parity (DG1xx): the checks `docker build --check` runs, under their BuildKit names as aliases.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "duplicate_stage_name",  # DG105
    "json_args_recommended",  # DG107
    "workdir_relative_path",  # DG110
    "no_empty_continuation",  # DG103
    "consistent_instruction_casing",  # DG104
    "legacy_key_value_format",  # DG113
    "maintainer_deprecated",  # DG108
    "stage_name_casing",  # DG101
    "from_as_casing",  # DG102
    "reserved_stage_name",  # DG106
    "undefined_arg_in_from",  # DG109
    "invalid_default_arg_in_from",  # DG116
    "redundant_target_platform",  # DG114
    "from_platform_flag_const_disallowed",  # DG117
    "undefined_variable",  # DG111
    "secrets_used_in_arg_or_env",  # DG115
    "copy_ignored_file",  # DG118
    "multiple_instructions_disallowed",  # DG112
    "expose_proto_casing",  # DG119
    "expose_invalid_format",  # DG120
)
