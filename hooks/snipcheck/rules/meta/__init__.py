"""Snippet and build meta rules (DG0xx): parse errors, fence options, suppressions, expectations, includes, fragments, real-build results.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "parse_error",  # DG001
    "invalid_fence_option",  # DG002
    "unused_suppression",  # DG003
    "expectation_not_met",  # DG004
    "include_error",  # DG005
    "unterminated_fence",  # DG006
    "undeclared_fragment",  # DG007
    "path_outside_allowed_folders",  # DG008
    "input_refused",  # DG009
    "build_failed",  # DG010
    "run_failed",  # DG011
    "build_refused",  # DG012
    "build_limit_exceeded",  # DG013
    "networked_build",  # DG014
    "not_a_dockerfile",  # DG015
    "measured_claim_differs",  # DG016
    "internal_error",  # DG017
)
