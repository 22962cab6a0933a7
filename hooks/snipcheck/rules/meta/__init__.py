"""Snippet and build meta rules (DG0xx): parse errors, fence options, suppressions, expectations, includes, fragments, real-build results.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    build_failed,
    build_limit_exceeded,
    build_refused,
    expectation_not_met,
    include_error,
    input_refused,
    invalid_fence_option,
    networked_build,
    not_a_dockerfile,
    measured_claim_differs,
    parse_error,
    path_outside_allowed_folders,
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
    path_outside_allowed_folders.path_outside_allowed_folders,  # DG008
    input_refused.input_refused,  # DG009
    build_failed.build_failed,  # DG010
    run_failed.run_failed,  # DG011
    build_refused.build_refused,  # DG012
    build_limit_exceeded.build_limit_exceeded,  # DG013
    networked_build.networked_build,  # DG014
    not_a_dockerfile.not_a_dockerfile,  # DG015
    measured_claim_differs.measured_claim_differs,  # DG016
)
