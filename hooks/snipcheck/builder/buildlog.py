"""Read BuildKit's plain progress log: which step failed, with what output, and why.

Pure text in, facts out, so the Docker builder stays a thin layer of subprocess calls. Also maps
a failed step ("[build 3/6] COPY go.mod go.sum ./") back to the snippet line that wrote it.
"""

from __future__ import annotations

import difflib
import re
from ..records import dataclass

from ..model import Dockerfile, Instruction

_VERTEX = re.compile(r"^#(\d+) (.*)$")
_OUTPUT = re.compile(r"^\d+\.\d+ (.*)$")
_STEP = re.compile(r"^\[(?:(?P<stage>\S+) )?(?P<index>\d+)/(?P<total>\d+)\] (?P<text>.*)$")
_IMAGE_STEP = re.compile(r"^(?:\[internal\] load metadata for |resolve image config for )(?P<ref>\S+)$")
_UNKNOWN_FLAG = re.compile(r"Unknown flag: (\S+)")


@dataclass(frozen=True)
class FailedStep:
    name: str  # BuildKit's vertex name; "" when the log names none
    error: str  # the last error line of the build
    tail: str  # the failing step's last output lines


def failed_step(log: str, tail_lines: int = 20) -> FailedStep:
    """The step whose vertex reports ERROR (the last one, if several), its output and the error."""
    names: dict[str, str] = {}
    output: dict[str, list[str]] = {}
    errored: list[str] = []
    for line in log.splitlines():
        m = _VERTEX.match(line)
        if not m:
            continue
        vid, rest = m.groups()
        if rest.startswith("ERROR"):
            errored.append(vid)
            output.setdefault(vid, []).append(rest)
        elif (out := _OUTPUT.match(rest)) is not None:
            output.setdefault(vid, []).append(out.group(1))
        elif vid not in names and not rest.startswith(("sha256:", "DONE", "CACHED", "CANCELED")):
            names[vid] = rest
    error = next((line.strip() for line in reversed(log.splitlines())
                  if line.strip() and not line.startswith(("#", "------", " >"))), "")
    if not errored:
        return FailedStep("", error, "\n".join(log.splitlines()[-tail_lines:]))
    vid = errored[-1]
    return FailedStep(names.get(vid, ""), error, "\n".join(output.get(vid, [])[-tail_lines:]))


def missing_image(step: FailedStep) -> str | None:
    """The image reference when the build failed because an image could not be fetched."""
    m = _IMAGE_STEP.match(step.name)
    if m:
        return m.group("ref").removeprefix("docker.io/library/").removeprefix("docker.io/")
    return None


def frontend_too_old(step: FailedStep) -> str | None:
    """'Unknown flag: link' and the like: the built-in frontend predates the feature."""
    m = _UNKNOWN_FLAG.search(step.error)
    return f"needs a newer dockerfile frontend than the engine's built-in one (unknown flag --{m.group(1)})" \
        if m else None


def needs_buildx(log: str) -> bool:
    """The 23+ client without the buildx plugin refuses DOCKER_BUILDKIT=1."""
    return "buildx component is missing" in log or "BuildKit is enabled but the buildx component" in log


def step_line(df: Dockerfile, step_name: str) -> int:
    """Snippet line of the instruction behind a step name; 0 when it cannot be told."""
    m = _STEP.match(step_name)
    if not m:
        return 0
    words = m.group("text").split(None, 1)
    if not words:
        return 0
    keyword, text = words[0].upper(), _normal(m.group("text"))
    stages = df.stages
    label = (m.group("stage") or "").lower()
    if label:
        chosen = [s for s in stages if s.name == label or f"stage-{s.index}" == label]
    else:
        chosen = list(stages)
    candidates: list[Instruction] = [i for s in chosen for i in (s.from_instruction, *s.instructions)
                                     if i.keyword == keyword]
    if not candidates:
        return 0
    best = max(candidates, key=lambda i: difflib.SequenceMatcher(None, _normal(_one_line(i)), text).ratio())
    return best.line


def _one_line(ins: Instruction) -> str:
    return re.sub(r"\\\s*\n", " ", ins.original)


def _normal(text: str) -> str:
    return " ".join(text.split())


# Failures of the engine or the machine, not of the Dockerfile: such an outcome is not cached.
_ENGINE_TROUBLE = ("failed to create endpoint", "could not find bridge", "no space left on device",
                   "cannot connect to the docker daemon", "error during connect", "connection reset by peer",
                   "unexpected eof", "context canceled", "error reading from server")


def engine_trouble(text: str) -> bool:
    """Does this error say more about the engine or the machine than about the example?"""
    low = text.lower()
    return any(marker in low for marker in _ENGINE_TROUBLE)

