"""Rewriting a shell-form command as exec form, only when the meaning stays the same.

A shell-form CMD runs `/bin/sh -c "<text>"`. Exec form runs the words directly: no variable
expansion, no operators, no globbing. So a rewrite is offered only for text whose words are
plain; anything else needs the shell, and then the honest advice is `exec` inside it.
"""

from __future__ import annotations

import json
import shlex

from .patterns import LazyPattern

_SHELL_SYNTAX = (
    (LazyPattern(r"\$"), "it expands a variable at run time"),
    (LazyPattern(r"&&|\|\||;|(?<![<>&])\|(?!\|)"), "it chains commands"),
    (LazyPattern(r"[<>]"), "it redirects output"),
    (LazyPattern(r"`"), "it substitutes a command"),
    (LazyPattern(r"[*?]|\[[^\]]*\]|~"), "it uses a glob or ~"),
    (LazyPattern(r"^\s*\w+=\S*\s"), "it sets a variable for the command"),
)


def needs_shell(command: str) -> str | None:
    """Why `command` needs /bin/sh (None when its words are plain)."""
    for pattern, reason in _SHELL_SYNTAX:
        if pattern.search(command):
            return reason
    return None


def starts_with_exec(command: str) -> bool:
    """`exec prog ...`: the program replaces the shell and receives signals itself."""
    return command.lstrip().startswith("exec ")


def exec_form(command: str) -> str | None:
    """The exec-form JSON array with the same meaning, or None when there is none."""
    words = _plain_words(command)
    return json.dumps(words) if words else None


def quoted_program(command: str) -> tuple[str, str] | None:
    """(the program word, the exec form meant) when quotes make the program name hold a space
    (`CMD "npm start"`: the shell looks for a program called `npm start`); None otherwise."""
    words = _plain_words(command)
    if not words or len(words[0].split()) < 2:
        return None
    return words[0], json.dumps(words[0].split() + words[1:])


def _plain_words(command: str) -> list[str] | None:
    """The words the shell would pass, for a command that needs no shell feature (else None)."""
    if needs_shell(command) is not None:
        return None
    try:
        return shlex.split(command)
    except ValueError:
        return None
