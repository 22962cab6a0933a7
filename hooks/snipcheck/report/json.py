"""JSON: every snippet with its status and findings, plus a summary. Same schema as report.json."""

from __future__ import annotations

import json

from . import Report

SCHEMA_VERSION = 1


def finding_dict(f) -> dict:
    return {
        "rule": f.rule, "name": f.name, "aliases": list(f.aliases), "severity": str(f.severity),
        "file": f.file, "line": f.line, "snippet_line": f.snippet_line, "message": f.message,
        "expected": f.expected,
    }


def as_dict(report: Report) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "snippets": [
            {
                "file": r.snippet.fence.file, "line": r.snippet.fence.line, "page": r.snippet.page,
                "status": r.status, "expect": list(r.snippet.options.expect),
                "fragment": r.snippet.options.fragment, "skip": r.snippet.options.skip,
                "findings": [finding_dict(f) for f in r.findings],
                **({"build": r.built} if r.built else {}),
            }
            for r in report.results
        ],
        "problems": [finding_dict(f) for f in report.problems],
        "summary": report.summary(),
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2) + "\n"
