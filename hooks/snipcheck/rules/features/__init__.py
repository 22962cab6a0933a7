"""BuildKit features, build context and shell (DG9xx): syntax directives, cache mounts, .dockerignore, SHELL.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "buildkit_feature_without_syntax",  # DG901
    "misplaced_parser_directive",  # DG902
    "cache_mount_contradiction",  # DG903
    "copy_context_without_dockerignore",  # DG904
    "shell_without_bash",  # DG905
    "comment_after_instruction",  # DG906
)
