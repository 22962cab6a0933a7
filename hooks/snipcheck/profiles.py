"""Severity profiles: named sets of default severities a team can choose with `profile:`.

`default` is snipcheck's own: each rule's severity follows harm (what happens to a reader who
copies the snippet), with the reason in the rule's `why`. `hadolint` gives every rule that has a
hadolint ID hadolint's own level (measured with hadolint 2.15.1) and judges every snippet with a
FROM as a whole Dockerfile, as hadolint does: for teams that want parity.
"""

from __future__ import annotations

from .severity import Severity

PROFILES = ("default", "hadolint")

# hadolint 2.15.1's level for each DL code snipcheck claims (read from `hadolint -f json` output).
HADOLINT_SEVERITY: dict[str, Severity] = {
    **{code: Severity.ERROR for code in (
        "DL1000", "DL3000", "DL3004", "DL3011", "DL3012", "DL3020", "DL3021", "DL3023", "DL3024", "DL3044",
        "DL4000", "DL4004")},
    **{code: Severity.WARNING for code in (
        "DL3002", "DL3003", "DL3006", "DL3007", "DL3008", "DL3013", "DL3014", "DL3016", "DL3018", "DL3022",
        "DL3025", "DL3027", "DL3042", "DL3045", "DL3046", "DL3062", "DL3063", "DL3065", "DL3067", "DL4001",
        "DL4003", "DL4005", "DL4006")},
    **{code: Severity.INFO for code in ("DL3001", "DL3009", "DL3015", "DL3019", "DL3047", "DL3059", "DL3066")},
}


def profile_severity(profile: str, rule) -> Severity | None:
    """The severity `profile` gives `rule`, or None when the profile leaves it at the rule's own."""
    if profile != "hadolint":
        return None
    levels = [HADOLINT_SEVERITY[a] for a in rule.aliases if a in HADOLINT_SEVERITY]
    return max(levels) if levels else None


def judges_every_snippet_whole(profile: str) -> bool:
    """Does this profile run whole-image rules on excerpts and short illustrations too?"""
    return profile == "hadolint"
