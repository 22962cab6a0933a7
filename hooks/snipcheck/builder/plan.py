"""Which snippets the real build tries, and what each one asks of the engine. Pure: no I/O.

A snippet is built when it is a complete Dockerfile (a FROM, not a fragment, not skipped, no
parse error) that takes something from the build context, i.e. from the sample app. The engine
questions answered here from the text alone: the `# syntax=` line, features the engine's
built-in Dockerfile frontend lacks, and which external images the build needs.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from ..checker import SnippetResult
from ..excerpts import as_copied
from ..model import Dockerfile, Instruction
from ..parser import parse
from ..snippets import Snippet
from .model import BuildJob
from .sandbox import wants_network

APP_CONTEXT = Path("snippets") / "app"
DockerignoreReader = Callable[[str], "str | None"]  # fence option value -> file text (None: missing)

# Flags the built-in frontend of Docker 20.10 (Dockerfile syntax 1.2) rejects as "Unknown flag",
# with the first frontend that has them in its stable syntax (the "Minimum Dockerfile version"
# tables of the Dockerfile reference; "labs" for flags only the labs channel has).
_NEWER_FLAGS = {
    ("COPY", "link"): "1.4", ("ADD", "link"): "1.4",
    ("RUN", "network"): "1.3", ("RUN", "security"): "1.20", ("RUN", "device"): "1.14-labs",
    ("ADD", "checksum"): "1.6", ("ADD", "keep-git-dir"): "1.6", ("ADD", "unpack"): "1.17",
    ("COPY", "exclude"): "1.19", ("ADD", "exclude"): "1.19", ("COPY", "parents"): "1.20",
    ("ADD", "parents"): "1.20",
}
_URL = re.compile(r"^(https?://|git@|git://)", re.I)


def plan_jobs(snippets: Iterable[Snippet], results: Iterable[SnippetResult], context: Path,
              read_dockerignore: DockerignoreReader = lambda ref: None) -> list[tuple[Snippet, BuildJob]]:
    """Build jobs for the buildable snippets, in page order. VERSION is derived from the text, so a
    job's cache key does not change when another example is added before it."""
    status = {r.snippet: r.status for r in results}
    planned: list[tuple[Snippet, BuildJob]] = []
    for snippet in snippets:
        if not is_buildable(snippet, status.get(snippet, "pass")):
            continue
        not_buildable, ignore = "", None
        ref = snippet.options.dockerignore
        if ref:
            ignore = snippet.dockerignore_text if snippet.dockerignore_text is not None else read_dockerignore(ref)
            if ignore is None:
                not_buildable = f"the fence's dockerignore file {ref!r} was not found"
        text = as_copied(snippet)  # what the reader copies: without Material's annotation markers
        planned.append((snippet, BuildJob(
            name=str(snippet.fence), dockerfile=text, context=context,
            build_args=(("VERSION", stable_version(text)),),
            expect_run_ok=not snippet.options.is_bad_example, dockerignore=ignore, not_buildable=not_buildable,
            network=wants_network(snippet.options.network, snippet.text),
            example=example_name(snippet),
        )))
    return planned


def stable_version(text: str) -> str:
    """'test-1a2b3c4d': a version string per Dockerfile text, for the app's version check."""
    return "test-" + hashlib.sha256(text.encode()).hexdigest()[:8]


def example_name(snippet: Snippet) -> str:
    """'static-scratch' for a snippet that is one whole file (snippets/examples/static-scratch.Dockerfile
    included whole, or given to the CLI); "" for an inline fence. Names measured facts."""
    files = {loc.file for loc in snippet.lines}
    if len(files) != 1 or (snippet.fence.file in files and snippet.fence != snippet.lines[0]):
        return ""
    name = PurePosixPath(files.pop().replace("\\", "/")).name
    return name.removesuffix(".Dockerfile").removesuffix(".dockerfile") if name != "Dockerfile" else ""


def is_buildable(snippet: Snippet, status: str = "pass") -> bool:
    """Complete (FROM, not a fragment, not skipped, parses) and built from the app's folder."""
    if status == "skipped" or snippet.skip_reason or snippet.options.fragment:
        return False
    df = parse(as_copied(snippet))
    return not df.is_fragment and not df.errors and uses_context(df)


def uses_context(df: Dockerfile) -> bool:
    """Does any instruction read the build context (COPY/ADD of local paths, a bind mount)?"""
    for ins in df.instructions:
        if ins.keyword in ("COPY", "ADD") and ins.flag("from") is None and not ins.heredocs:
            if any(not _URL.match(src) for src in ins.words[:-1]):
                return True
        if ins.keyword == "RUN":
            for mount in ins.flag_values("mount"):
                options = _mount_options(mount)
                if options.get("type", "bind") == "bind" and "from" not in options:
                    return True
    return False


def newer_frontend_needed(df: Dockerfile) -> str | None:
    """'needs dockerfile frontend 1.4 (heredoc, line 5)' when the built-in frontend cannot parse it."""
    for ins in _all_instructions(df):
        if ins.heredocs:
            return f"needs dockerfile frontend 1.4 (heredoc, line {ins.line})"
        for flag in ins.flags:
            since = _NEWER_FLAGS.get((ins.keyword, flag.name))
            if since:
                return f"needs dockerfile frontend {since} ({ins.keyword} --{flag.name}, line {ins.line})"
    return None


def external_images(df: Dockerfile) -> list[str]:
    """Images the build pulls in (FROM, COPY --from, RUN --mount from=), global ARGs resolved.
    References that still hold a variable are left out: the build itself will tell."""
    stage_names = {s.name for s in df.stages if s.name}
    refs: list[str] = [s.base_resolved for s in df.stages if s.parent is None]
    for stage in df.stages:
        for ins in stage.instructions:
            if ins.keyword in ("COPY", "ADD") and ins.flag("from"):
                refs.append(ins.flag("from"))
            for mount in ins.flag_values("mount") if ins.keyword == "RUN" else ():
                if "from" in _mount_options(mount):
                    refs.append(_mount_options(mount)["from"])
    out: list[str] = []
    for ref in refs:
        if (not ref or "$" in ref or ref.lower() == "scratch" or ref.lower() in stage_names
                or ref.isdigit() or ref in out):
            continue
        out.append(ref)
    return out


def drop_syntax_line(text: str) -> tuple[str, str | None]:
    """Remove a leading `# syntax=` directive (offline, BuildKit would fetch that frontend image).

    The line is blanked so line numbers stay the same, unless another directive follows it
    (a blank line would end the directives; then the line is removed)."""
    df = parse(text)
    syntax = df.directive("syntax")
    if syntax is None:
        return text, None
    lines = text.split("\n")
    others = [d for d in df.directives if d.name != "syntax"]
    if others:
        del lines[syntax.line - 1]
    else:
        lines[syntax.line - 1] = ""
    return "\n".join(lines), syntax.value


def _mount_options(mount: str) -> dict[str, str]:
    options = {}
    for part in mount.split(","):
        key, _, value = part.partition("=")
        options[key.strip().lower()] = value.strip()
    return options


def _all_instructions(df: Dockerfile) -> Iterable[Instruction]:
    for ins in df.instructions:
        yield ins
        if ins.inner is not None:
            yield ins.inner
