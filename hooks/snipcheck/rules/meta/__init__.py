"""Snippet and build meta rules (DG0xx): parse errors, fence options, suppressions, expectations, includes, fragments, real-build results.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    build_failed,
    expectation_not_met,
    include_error,
    invalid_fence_option,
    not_a_dockerfile,
    parse_error,
    run_failed,
    undeclared_fragment,
    unterminated_fence,
    unused_suppression,
)

RULES = (
    parse_error.parse_error,  # DG001
    invalid_fence_option.invalid_fence_option,  # DG002
    unused_suppression.unused_suppression,  # DG003
    expectation_not_met.expectation_not_met,  # DG004
    include_error.include_error,  # DG005
    unterminated_fence.unterminated_fence,  # DG006
    undeclared_fragment.undeclared_fragment,  # DG007
    not_a_dockerfile.not_a_dockerfile,  # DG008
    build_failed.build_failed,  # DG010
    run_failed.run_failed,  # DG011
)
