"""Static rules checked against reality. Some rules predict what a real build will show: the build
fails, the image does not pass its selfcheck (a named check fails), a later layer wastes bytes, a
toolchain ships in the final image. For every bad example that was really built, each prediction
of a rule that fired on it is compared with what happened; a contradicted one is a disagreement,
listed in the report so the rule set can learn. Pure: outcomes in, verdicts out.
"""

from __future__ import annotations

import re
from ..records import dataclass
from typing import Callable, Iterable

from .model import BuildOutcome, Status

BUILD_FAILS, RUN_FAILS, WASTES, TOOLCHAIN = "the build fails", "the image fails its selfcheck", \
    "a later layer wastes bytes", "a toolchain ships in the final image"


@dataclass(frozen=True)
class Prediction:
    what: str  # one of the constants above
    check: str = ""  # for RUN_FAILS: the selfcheck check expected to FAIL ("ca-certificates"), "" any


# What each rule says will happen for real. Rules not listed make no prediction a build can test.
PREDICTIONS: dict[str, Prediction] = {
    "DG301": Prediction(BUILD_FAILS),  # COPY --from an undefined stage
    "DG302": Prediction(BUILD_FAILS),  # COPY --from a path the stage never produced
    "DG404": Prediction(BUILD_FAILS),  # -ldflags=-w -s: go build gets a stray flag
    "DG503": Prediction(BUILD_FAILS),  # shell-form RUN where there is no /bin/sh
    "DG401": Prediction(RUN_FAILS),  # cgo binary on scratch: cannot start
    "DG501": Prediction(RUN_FAILS, "ca-certificates"),
    "DG502": Prediction(RUN_FAILS, "time-zone"),
    "DG504": Prediction(RUN_FAILS),  # shell-form CMD/ENTRYPOINT without a shell
    "DG505": Prediction(RUN_FAILS),  # USER name without /etc/passwd
    "DG601": Prediction(RUN_FAILS),  # glibc binary in Alpine
    "DG602": Prediction(RUN_FAILS),  # musl binary in glibc
    "DG304": Prediction(RUN_FAILS, "version"),  # global ARG not redeclared: empty -X main.version
    "DG305": Prediction(RUN_FAILS, "version"),  # undeclared $VERSION in RUN
    "DG701": Prediction(RUN_FAILS, "non-root"),
    "DG702": Prediction(RUN_FAILS, "non-root"),
    "DG610": Prediction(WASTES),
    "DG611": Prediction(WASTES),
    "DG612": Prediction(TOOLCHAIN),
    "DG613": Prediction(TOOLCHAIN),
    "DG614": Prediction(TOOLCHAIN),
}


@dataclass(frozen=True)
class Verdict:
    example: str  # the job's name (page or file and line)
    rule: str
    predicted: str
    happened: str
    agrees: bool | None  # None: the build cannot tell (e.g. predicted a failing run, but the build failed)

    def to_dict(self) -> dict:
        return {"example": self.example, "rule": self.rule, "predicted": self.predicted,
                "happened": self.happened, "agrees": self.agrees}


def verdicts(example: str, rules: Iterable[str], outcome: BuildOutcome) -> list[Verdict]:
    """One verdict per predicting rule among `rules` (the rules that fired on a built bad example)."""
    if outcome.status is Status.NOT_BUILT:
        return []
    out = []
    for rule in sorted(set(rules)):
        prediction = PREDICTIONS.get(rule)
        if prediction is None:
            continue
        agrees, happened = JUDGES[prediction.what](prediction, outcome)
        what = prediction.what + (f" ({prediction.check})" if prediction.check else "")
        out.append(Verdict(example, rule, what, happened, agrees))
    return out


def _build_fails(p: Prediction, o: BuildOutcome) -> tuple[bool | None, str]:
    if o.status is Status.BUILD_FAILED:
        return True, f"the build failed: {o.reason}"
    return False, "the build succeeded"


def _run_fails(p: Prediction, o: BuildOutcome) -> tuple[bool | None, str]:
    if o.status is Status.BUILD_FAILED:
        return None, "not run: the build failed"
    if o.status is Status.OK:
        return False, "the selfcheck passed"
    if not p.check:
        return True, o.reason
    failed = re.search(rf"^FAIL\s+{re.escape(p.check)}\b", o.log_tail, re.M)
    if failed:
        return True, f"selfcheck: FAIL {p.check}"
    return False, f"the selfcheck failed, but not on {p.check}: {o.reason}"


def _facts_say(test: Callable, yes: Callable, no: str):
    def judge(p: Prediction, o: BuildOutcome) -> tuple[bool | None, str]:
        if o.facts is None:
            return None, "not measured" if o.built else "not built: the build failed"
        return (True, yes(o.facts)) if test(o.facts) else (False, no)
    return judge


JUDGES = {
    BUILD_FAILS: _build_fails,
    RUN_FAILS: _run_fails,
    WASTES: _facts_say(lambda f: f.wasted_bytes > 0, lambda f: f"{f.wasted_bytes:,} bytes wasted "
                       f"({', '.join(f.wasted_paths[:3])})", "no byte of a lower layer is deleted or overwritten"),
    TOOLCHAIN: _facts_say(lambda f: bool(f.toolchain), lambda f: "found " + ", ".join(f.toolchain),
                          "no compiler or build tool in the final image"),
}
