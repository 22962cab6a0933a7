"""Small questions rules ask of a parsed Dockerfile, answered in one place."""

from __future__ import annotations

from collections.abc import Iterator

from .. import images
from ..model import Dockerfile, Instruction
from .shell import Command, run_commands
from ..stages import Stage


def effective(ins: Instruction) -> Instruction:
    """The instruction that runs: the inner one for ONBUILD."""
    return ins.inner if ins.inner is not None else ins


def instructions(df: Dockerfile, keyword: str) -> tuple[Instruction, ...]:
    """Instructions with `keyword`, looking through ONBUILD (indexed once per Dockerfile)."""
    index = df.derived.get(instructions)
    if index is None:
        index = df.derived[instructions] = {}
        for ins in df.instructions:
            target = effective(ins)
            index.setdefault(target.keyword, []).append(target)
        for key, found in index.items():
            index[key] = tuple(found)
    return index.get(keyword, ())


def run_command_lines(df: Dockerfile) -> Iterator[tuple[Instruction, Command]]:
    """Every simple command of every RUN, with its instruction."""
    for ins in instructions(df, "RUN"):
        for cmd in run_commands(ins):
            yield ins, cmd


def final_stage(df: Dockerfile) -> Stage | None:
    return df.stages[-1] if df.stages else None


def base_info(df: Dockerfile, stage: Stage) -> images.ImageInfo | None:
    """Image facts for a stage, following FROM <stage> chains to the real base."""
    seen = set()
    while stage.parent is not None and stage.index not in seen:
        seen.add(stage.index)
        stage = df.stages[stage.parent]
    return images.lookup(stage.base_resolved)


def stage_at(df: Dockerfile, line: int) -> Stage | None:
    """The stage containing snippet line `line`."""
    found = None
    for st in df.stages:
        if st.from_instruction.line <= line:
            found = st
    return found


def copy_words(ins: Instruction) -> tuple[str, ...]:
    """A COPY's or ADD's sources and destination as its author meant them: a trailing `# comment`
    (to BuildKit more arguments, which DG906 reports) is left out, so no other rule reads its words
    as paths and reports the same mistake again under another name."""
    if ins.json_args is not None or "#" not in ins.args:
        return ins.words
    at = trailing_comment_at(ins.args)
    return ins.words if at < 0 else tuple(ins.args[:at].split())


def is_remote_source(word: str) -> bool:
    """A source of ADD that it downloads (a URL, a Git address), not a path of the build context."""
    return "://" in word or word.startswith("git@")


def trailing_comment_at(text: str) -> int:
    """Index in an instruction's argument text of a `#` that starts a word outside quotes, or -1.
    Written as a comment, it is an argument to the instruction (DG906 reports it)."""
    if "#" not in text:
        return -1
    quote = ""
    for n, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and n > 0 and text[n - 1] in " \t":
            return n
    return -1
