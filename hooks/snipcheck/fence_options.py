"""The options a Dockerfile fence accepts, parsed and validated.

    ```dockerfile expect="DG110 DG301" title="Dockerfile"
    ```dockerfile fragment
    ```dockerfile skip="shows BuildKit syntax newer than our parser"
    ```dockerfile no_tls dockerignore="app/.dockerignore"

Highlighting options (title, hl_lines, linenums) pass through to SuperFences.
"""

from __future__ import annotations

import re
from .records import replace

from .snippets import FenceOptions

HIGHLIGHT_KEYS = frozenset({"title", "hl_lines", "linenums", "title_mode"})
OUR_KEYS = frozenset({"expect", "fragment", "skip", "no_tls", "dockerignore", "network"})
FLAG_KEYS = frozenset({"fragment", "no_tls"})
_OPTION = re.compile(r"""([a-zA-Z][a-zA-Z0-9_]*)(?:=(["'])(.*?)\2)?""")


def parse_values(values: dict[str, str], known_rules: frozenset[str] | None) -> tuple[FenceOptions, list[str]]:
    """Validate option values as SuperFences hands them over (bare keys map to themselves)."""
    opts = FenceOptions()
    errors: list[str] = []
    for key, value in values.items():
        bare = value == key or value is True
        if key in HIGHLIGHT_KEYS:
            continue
        if key not in OUR_KEYS:
            # Other engines' attributes (Hugo `filename=`, Quarto `.dockerfile`) are not ours to judge;
            # only a near miss of one of our own options is reported, since that is a typo.
            import difflib  # only for a misspelt option

            near = difflib.get_close_matches(key.lower(), sorted(OUR_KEYS), n=1, cutoff=0.75)
            if near:
                errors.append(f"unknown fence option {key!r}: did you mean {near[0]!r}?")
        elif key in FLAG_KEYS:
            if not bare:
                errors.append(f"fence option {key!r} takes no value")
            opts = replace(opts, **{key: True})
        elif bare or not str(value).strip():
            errors.append(f"fence option {key!r} needs a value, e.g. {key}=\"...\"")
        elif key == "expect":
            ids = tuple(i for i in re.split(r"[\s,]+", value.strip()) if i)
            unknown = [i for i in ids if known_rules is not None and i.upper() not in known_rules]
            if unknown:
                errors.append(f"expect= names unknown rule(s): {', '.join(unknown)}")
            opts = replace(opts, expect=tuple(i.upper() for i in ids))
        elif key == "skip":
            opts = replace(opts, skip=value.strip())
        elif key == "dockerignore":
            opts = replace(opts, dockerignore=value.strip())
        elif key == "network":
            if value.strip() != "build":
                errors.append(f"fence option network={value!r}: only network=\"build\" exists (the network for the "
                              "build; a run never has one)")
            else:
                opts = replace(opts, network="build")
    if opts.skip and opts.expect:
        errors.append("a fence cannot both skip the check and expect rules")
    return opts, errors


def parse_option_string(text: str, known_rules: frozenset[str] | None) -> tuple[FenceOptions, list[str]]:
    """Parse the text after the language on a fence line, as SuperFences would see it."""
    values: dict[str, str] = {}
    leftover = _OPTION.sub("", text).strip()
    if leftover.startswith("{") and leftover.endswith("}"):  # `dockerfile {filename="Dockerfile"}` (Hugo)
        return parse_attr_string(leftover[1:-1], known_rules)
    unquoted = set(re.findall(r"([A-Za-z][\w-]*)=(?![\"'])", text))
    ours = OUR_KEYS | HIGHLIGHT_KEYS
    if leftover and not (unquoted & ours or (not unquoted and any(re.search(rf"\b{k}\b", text) for k in OUR_KEYS))):
        return FenceOptions(), []  # another engine's syntax (`del={1}`, `{filename=...}`): not ours to judge
    if leftover:
        return FenceOptions(), [f"malformed fence options {text.strip()!r}: SuperFences would drop them silently "
                                f"(write key=\"value\")"]
    for m in _OPTION.finditer(text):
        values[m.group(1)] = m.group(3) if m.group(2) else m.group(1)
    return parse_values(values, known_rules)


def parse_attr_string(text: str, known_rules: frozenset[str] | None) -> tuple[FenceOptions, list[str]]:
    """Parse brace attributes `{.dockerfile expect="DG101"}` (classes and ids are ignored)."""
    values: dict[str, str] = {}
    for m in re.finditer(r"""([a-zA-Z][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))|([.#][\w-]+)|(\S+)""", text):
        if m.group(1):
            values[m.group(1)] = next(g for g in (m.group(2), m.group(3), m.group(4)) if g is not None)
        elif m.group(6):
            values[m.group(6)] = m.group(6)
    return parse_values(values, known_rules)
