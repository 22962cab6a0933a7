"""Rules of the 'buildkit' group, in order. Each entry is one rule module's function."""

from . import (
    consistent_instruction_casing,
    copy_ignored_file,
    expose_invalid_format,
    expose_proto_casing,
    from_as_casing,
    from_platform_flag_const_disallowed,
    invalid_default_arg_in_from,
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
)

RULES = (
    # How the file is written
    no_empty_continuation.no_empty_continuation,  # DG103 NoEmptyContinuation
    consistent_instruction_casing.consistent_instruction_casing,  # DG104 ConsistentInstructionCasing
    legacy_key_value_format.legacy_key_value_format,  # DG113 LegacyKeyValueFormat
    maintainer_deprecated.maintainer_deprecated,  # DG108 MaintainerDeprecated DL4000
    # Stages and FROM
    stage_name_casing.stage_name_casing,  # DG101 StageNameCasing
    from_as_casing.from_as_casing,  # DG102 FromAsCasing
    reserved_stage_name.reserved_stage_name,  # DG106 ReservedStageName
    undefined_arg_in_from.undefined_arg_in_from,  # DG109 UndefinedArgInFrom
    invalid_default_arg_in_from.invalid_default_arg_in_from,  # DG116 InvalidDefaultArgInFrom
    redundant_target_platform.redundant_target_platform,  # DG114 RedundantTargetPlatform
    from_platform_flag_const_disallowed.from_platform_flag_const_disallowed,  # DG117 FromPlatformFlagConstDisallowed
    # Variables and secrets
    undefined_variable.undefined_variable,  # DG111 UndefinedVar (non-RUN instructions)
    secrets_used_in_arg_or_env.secrets_used_in_arg_or_env,  # DG115 SecretsUsedInArgOrEnv
    # Build context, CMD/ENTRYPOINT, EXPOSE
    copy_ignored_file.copy_ignored_file,  # DG118 CopyIgnoredFile
    multiple_instructions_disallowed.multiple_instructions_disallowed,  # DG112 MultipleInstructionsDisallowed
    expose_proto_casing.expose_proto_casing,  # DG119 ExposeProtoCasing
    expose_invalid_format.expose_invalid_format,  # DG120 ExposeInvalidFormat
)
