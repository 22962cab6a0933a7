"""Is a `dockerfile` fence a Dockerfile at all? Docs put Earthfiles, shell sessions and command
output under Dockerfile highlighting; each deserves one clear note, not one parse error per line.
Pure: judged from the text and the parse result.
"""

from __future__ import annotations

from .patterns import LazyPattern

# Earthly's own commands and `target:` headers (https://docs.earthly.dev/docs/earthfile).
_EARTHLY_LINE = LazyPattern(
    r"^[ \t]*([a-z][\w.-]*:\s*$|SAVE[ \t]+(ARTIFACT|IMAGE)\b|VERSION([ \t]+--\S+)*[ \t]+\d+\.\d+\s*$|IMPORT[ \t]|"
    r"LOCALLY\s*$|WITH[ \t]+DOCKER\b|DO[ \t]+\S*\+|FUNCTION\s*$|LET[ \t]|WAIT\s*$|TRY\s*$|FINALLY\s*$|"
    r"PROJECT[ \t]|BUILD[ \t]|GIT[ \t]+CLONE\b|IF[ \t]|ELSE\s*$|END\s*$|FOR[ \t]+\w+[ \t]+IN[ \t])")
_EARTHLY_ARTIFACT = LazyPattern(r"^\(?[\w./-]*\+[a-z][\w-]*")  # FROM +deps, COPY +build/bin, (+target/file
_PROMPT = LazyPattern(r"^[ \t]*(\$|>|PS>|%)[ \t]+\S")


def foreign_kind(df, text: str) -> str | None:
    """'an Earthfile', 'a shell session' or 'not Dockerfile instructions' when the snippet is not a
    Dockerfile; None when it is one (a Dockerfile with a typo in one instruction still is)."""
    unknown = [e for e in df.errors if e.kind == "unknown-instruction"]
    lines = text.split("\n") if unknown else []
    shown = [lines[e.line - 1] if 0 < e.line <= len(lines) else "" for e in unknown]
    if any(_EARTHLY_LINE.match(line) for line in shown) or any(
            i.keyword in ("FROM", "COPY") and "+" in i.args and _EARTHLY_ARTIFACT.match(i.args.strip())
            for i in df.instructions):
        return "an Earthfile"
    if unknown and _PROMPT.match(shown[0]) and unknown[0].line == _first_instruction_line(df):
        return "a shell session"  # it starts at a prompt (`$ cat << EOF > Dockerfile`, the file after it)
    if not unknown or len(unknown) < len(df.instructions):
        return None
    if _PROMPT.match(shown[0]):
        return "a shell session"
    return "not Dockerfile instructions"


def _first_instruction_line(df) -> int:
    lines = [i.line for i in df.instructions] + [e.line for e in df.errors]
    return min(lines) if lines else 0


def advice(kind: str) -> str:
    if kind == "an Earthfile":
        return "this is an Earthfile, not a Dockerfile: it is not checked (fence it as `earthfile`)"
    if kind == "a shell session":
        return "this is a shell session, not a Dockerfile: it is not checked (fence it as `console`)"
    return ("this is not a Dockerfile (most lines are not Dockerfile instructions): it is not checked "
            "(fence commands as `shell`, output as `text`)")
