"""The checker's own failure on one snippet, told without the snippet: which part failed, the kind
of error and the place in snipcheck's source. Never the exception's text: it may quote the snippet
or an included file, which a report (a CI log, a published page) must not show."""

from __future__ import annotations

import os

RULE_ID = "DG017"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def source_place(exc: BaseException) -> str:
    """`snipcheck/<module>.py:<line>` of the innermost frame of snipcheck's own code ('' if none)."""
    place, frame = "", exc.__traceback__
    while frame is not None:
        name = frame.tb_frame.f_code.co_filename
        if name.startswith(_PACKAGE + os.sep):
            place = "snipcheck/" + os.path.relpath(name, _PACKAGE).replace(os.sep, "/") + f":{frame.tb_lineno}"
        frame = frame.tb_next
    return place


def failure_message(where: str, exc: BaseException, consequence: str) -> str:
    """The finding's message: `where` says what failed ("on this snippet in rule DG123"),
    `consequence` what was still done ("the other rules ran")."""
    place = source_place(exc)
    return (f"the checker failed {where}: {type(exc).__name__}" + (f" at {place}" if place else "")
            + f"; {consequence}. Please report it")
