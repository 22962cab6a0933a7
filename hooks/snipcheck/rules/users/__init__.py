"""Users (DG7xx): the user the final image runs as.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    final_stage_runs_as_root,
    last_user_root,
    user_not_numeric,
)

RULES = (
    final_stage_runs_as_root.final_stage_runs_as_root,  # DG701
    last_user_root.last_user_root,  # DG702
    user_not_numeric.user_not_numeric,  # DG703
)
