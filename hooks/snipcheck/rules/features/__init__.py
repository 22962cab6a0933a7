"""BuildKit features, build context and shell (DG9xx): syntax directives, cache mounts, .dockerignore, SHELL.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    buildkit_feature_without_syntax,
    cache_mount_contradiction,
    comment_after_instruction,
    copy_context_without_dockerignore,
    misplaced_parser_directive,
    shell_without_bash,
)

RULES = (
    buildkit_feature_without_syntax.buildkit_feature_without_syntax,  # DG901
    misplaced_parser_directive.misplaced_parser_directive,  # DG902
    cache_mount_contradiction.cache_mount_contradiction,  # DG903
    copy_context_without_dockerignore.copy_context_without_dockerignore,  # DG904
    shell_without_bash.shell_without_bash,  # DG905
    comment_after_instruction.comment_after_instruction,  # DG906
)
