"""Multi-stage data flow (DG3xx): stages, files and variables passed between them.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    copy_from_missing_path,
    copy_from_undefined_stage,
    global_arg_not_redeclared,
    undefined_variable_in_run,
    unused_stage,
)

RULES = (
    copy_from_undefined_stage.copy_from_undefined_stage,  # DG301
    undefined_variable_in_run.undefined_variable_in_run,  # DG305
    copy_from_missing_path.copy_from_missing_path,  # DG302
    unused_stage.unused_stage,  # DG303
    global_arg_not_redeclared.global_arg_not_redeclared,  # DG304
)
