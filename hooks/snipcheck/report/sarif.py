"""SARIF 2.1.0: one run whose `rules[]` is built from every rule's docs, for GitHub code scanning.

Expected findings of deliberate bad examples are kept, but carry an in-source suppression, so
code scanning and other SARIF viewers do not raise them as alerts.
"""

from __future__ import annotations

import json
import re
from importlib import metadata

from ..escape import url_path
from ..severity import Severity
from ..rules import ALL_RULES
from . import Listed, Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
ROOT_DESCRIPTION = "The project root: the folder of mkdocs.yml (else the working folder)."
_DESCRIPTION_LIMIT = 1024  # GitHub cuts fullDescription.text there


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2) + "\n"


def as_dict(report: Report) -> dict:
    index = {rule.id: n for n, rule in enumerate(_rules())}
    run = {
        "tool": {"driver": _driver()},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": ROOT_DESCRIPTION}}},
        "results": [_result(item, index) for item in report.listed_findings()],
        "columnKind": "unicodeCodePoints",
    }
    built = [r for r in report.results if r.built]
    if built:  # what each real build ran on, as notes of the run (they are not findings)
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [
            _build_note(r) for r in sorted(built, key=lambda r: (r.snippet.fence.file, r.snippet.fence.line))]}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _driver() -> dict:
    driver = {"name": "snipcheck", "version": _version()}
    home = _home_page()
    if home:
        driver["informationUri"] = home
    driver["rules"] = [_descriptor(rule) for rule in _rules()]
    return driver


def _rules() -> list:
    """Every rule of the registry, once each (SARIF wants unique descriptors)."""
    unique: dict[str, object] = {}
    for rule in ALL_RULES:
        unique.setdefault(rule.id, rule)
    return list(unique.values())


def _descriptor(rule) -> dict:
    # helpUri is left out: the schema wants an absolute URI and the site's address is not known
    # here; help.markdown carries the whole rule page instead, which GitHub shows with the alert.
    what = " ".join(rule.doc_section("What it does").split()) or rule.summary
    if len(what) > _DESCRIPTION_LIMIT:
        what = what[: _DESCRIPTION_LIMIT - 1] + "…"
    tags = list(dict.fromkeys(("dockerfile", *rule.aliases)))
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "defaultConfiguration": {"enabled": rule.default_enabled, "level": LEVELS[rule.severity]},
        "properties": {"tags": tags, **({"guide": rule.guide} if rule.guide else {})},
    }


def _result(item: Listed, index: dict[str, int]) -> dict:
    f = item.finding
    result = {
        "ruleId": f.rule,
        **({"ruleIndex": index[f.rule]} if f.rule in index else {}),
        "level": LEVELS[f.severity],
        "message": {"text": item.text},
        "locations": [{"physicalLocation": _physical(f.location)}],
        # Every result says whether it is suppressed (SARIF 3.27.23: once one result in a run
        # has suppressions, an absent array would read as "unknown").
        "suppressions": [],
    }
    if item.shown_at:  # an example file included in several code blocks: one result, each block related
        result["relatedLocations"] = [{
            "id": n,
            "physicalLocation": _physical(fence),
            "message": {"text": "a code block that includes this file"},
        } for n, fence in enumerate(item.shown_at)]
    if f.expected:
        # A deliberate bad example: the fence that declares it is an in-source suppression with a
        # reason. Code scanning ignores `kind` ("pass" results still become open alerts), while
        # suppressed results are not raised as open alerts, so this is the form it understands.
        result["suppressions"] = [{
            "kind": "inSource", "status": "accepted",
            "justification": f"deliberate bad example: its fence expects {f.rule}",
        }]
    return result


def _build_note(result) -> dict:
    """A real build's result for one snippet ('built and run on alpine:3.24@sha256:…: …')."""
    return {"level": "note", "message": {"text": result.built},
            "locations": [{"physicalLocation": _physical(result.snippet.fence)}]}


def _physical(where) -> dict:
    """A SARIF physical location for a Location (a finding's, or a code block's fence)."""
    return {"artifactLocation": {"uri": _uri(where.file), "uriBaseId": SRCROOT},
            # A finding about a whole snippet can have line 0; SARIF lines start at 1.
            "region": {"startLine": max(1, where.line)}}


def _uri(path: str) -> str:
    """A relative URI reference for a path as the reports show it (POSIX separators, escaped)."""
    return url_path(path)


def _version() -> str:
    try:
        return metadata.version("snipcheck")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def _home_page() -> str | None:
    """The project's home page from the package metadata, when pyproject names one."""
    try:
        meta = metadata.metadata("snipcheck")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if re.fullmatch(r"\s*(home-?page|homepage|documentation|source)\s*", label, re.I) and url.strip():
            return url.strip()
    return meta.get("Home-page") or None
