"""Users (DG7xx): the user the final image runs as.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "final_stage_runs_as_root",  # DG701
    "last_user_root",  # DG702
    "user_not_numeric",  # DG703
)
