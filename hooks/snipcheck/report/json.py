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


def build_dict(build) -> dict:
    """What the real build did with one snippet: status, where, from cache or not, measured facts."""
    o = build.outcome
    return {
        "status": str(o.status), "reason": o.reason, "cached": o.cached, "engine": o.engine,
        "world": o.world, "notes": list(o.notes),  # what it was built on ("built on golang:…@sha256:…")
        "example": build.job.example, "failed_step": o.failed_step, "build_seconds": o.build_seconds,
        "run_seconds": o.run_seconds, "log_excerpt": o.log_tail[-2000:],
        "facts": o.facts.to_dict() if o.facts is not None else None,
    }


def real_build_dict(report: Report) -> dict:
    """The run as a whole, and every rule prediction checked against it (agrees: false = contradicted)."""
    verdicts = [v.to_dict() for b in report.builds for v in b.verdicts()]
    return {
        "engine": report.build_engine,
        "tried": len(report.builds),
        "cached": sum(1 for b in report.builds if b.outcome.cached),
        "predictions": verdicts,
        "disagreements": [v for v in verdicts if v["agrees"] is False],
    }


def as_dict(report: Report) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "snippets": [
            {
                "file": r.snippet.fence.file, "line": r.snippet.fence.line, "page": r.snippet.page,
                "status": r.status, "expect": list(r.snippet.options.expect),
                "fragment": r.snippet.options.fragment, "skip": r.snippet.skip_reason,
                "findings": [finding_dict(f) for f in r.findings],
                **({"build": build_dict(r.build)} if r.build is not None else {}),
            }
            for r in report.results
        ],
        **({"real_build": real_build_dict(report)} if report.builds else {}),
        "problems": [finding_dict(f) for f in report.problems],
        "summary": report.summary(),
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2) + "\n"
