"""Our parser agrees with BuildKit's own (PyPI `dockerfile` wraps its Go parser) on real texts:
the same instructions on the same lines, for every case where both accept the input."""

import json
from pathlib import Path

import dockerfile
from spec import RULES

from snipcheck.parser import parse

CASES = Path(__file__).resolve().parents[2] / "shared" / "conformance"


def corpus():
    texts = [r.doc_code(h) for r in RULES.all for h in ("Example", "Use instead") if r.doc_language(h) == "dockerfile"]
    for name in ("hadolint-cases.jsonl", "buildkit-cases.jsonl"):
        path = CASES / name
        if path.is_file():
            texts += [json.loads(line)["dockerfile"] for line in path.read_text().splitlines() if line.strip()]
    return texts


def test_same_instructions_and_lines_as_buildkit():
    texts = corpus()
    compared, disagreements = 0, []
    for text in texts:
        ours = parse(text)
        if ours.errors:
            continue
        try:
            theirs = dockerfile.parse_string(text)
        except dockerfile.GoParseError:
            continue
        compared += 1
        a = [(i.keyword, i.line, i.end_line) for i in ours.instructions]
        b = [(c.cmd.upper(), c.start_line, c.end_line) for c in theirs]
        if a != b:
            disagreements.append((text, a, b))
    assert compared >= 30
    assert not disagreements, f"{len(disagreements)} of {compared} differ, first: {disagreements[0]}"
