"""Multi-stage data flow (DG3xx): stages, files and variables passed between them.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "copy_from_undefined_stage",  # DG301
    "undefined_variable_in_run",  # DG305
    "copy_from_missing_path",  # DG302
    "unused_stage",  # DG303
    "global_arg_not_redeclared",  # DG304
)
