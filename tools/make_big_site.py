"""Make a big MkDocs site for benchmarks: N pages with M Dockerfile blocks each (default 500 x 5).

The Dockerfiles are this guide's own snippets (the site's pages, with includes expanded, and the
rule docs' examples) that check as declared, each made unique by a trailing comment, with their
fence options (expect=, fragment, dockerignore=). Prose between blocks keeps pages page-sized.
The site uses this project's hook, theme and Markdown extensions:

    python tools/make_big_site.py "$(mktemp -d)" --pages 500 --blocks 5
    mkdocs build -f OUT/mkdocs.yml
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROSE = ("A multi-stage build compiles the program in a stage with the toolchain and copies only the "
         "binary into a small final image. The final stage runs as an unprivileged user, carries CA "
         "certificates when the program talks TLS, and pins its base image so that a rebuild gives the "
         "same result. Each block below is checked when the site is built.")


def fence_line(options) -> str:
    parts = ["```dockerfile"]
    if options.expect:
        parts.append(f'expect="{" ".join(options.expect)}"')
    if options.fragment:
        parts.append("fragment")
    if options.no_tls:
        parts.append("no_tls")
    if options.dockerignore:
        parts.append(f'dockerignore="{options.dockerignore}"')
    return " ".join(parts)


def source_blocks() -> list[tuple[str, str]]:
    """(fence line, Dockerfile text) of every snippet of the guide and the rule docs that checks as
    declared once made unique, so the generated site builds with --strict."""
    from snipcheck.checker import check_snippet
    from snipcheck.collect import collect, make_reader
    from snipcheck.markdown import extract
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config, snippet_bases
    from snipcheck.snippets import snippet_from_dockerfile
    from snipcheck.records import replace

    config = project_config(ROOT)
    ruleset = RuleSet(config)
    bases = snippet_bases(ROOT, config)
    found = list(collect([str(ROOT / "docs")], ROOT, bases, ruleset.ids).snippets)
    reader = make_reader(bases, ROOT)
    for rule in ruleset.all:
        code = rule.doc_code("Use instead")
        if code and rule.doc_language("Use instead") == "markdown":
            found += extract(f"rule {rule.id}", code, reader, ruleset.ids)[0]
        elif code:
            found.append(snippet_from_dockerfile(f"rule {rule.id}", code))
    blocks, seen = [], set()
    for snippet in found:
        if snippet.options.skip or snippet.problems or snippet.text in seen or "```" in snippet.text:
            continue
        seen.add(snippet.text)
        text = snippet.text.rstrip("\n") + "\n# example 0.0\n"
        if check_snippet(replace(snippet, text=text), ruleset, config).status in ("pass", "expected"):
            blocks.append((fence_line(snippet.options), snippet.text.rstrip("\n")))
    return blocks


def page(number: int, blocks_per_page: int, blocks: list[tuple[str, str]]) -> str:
    lines = [f"# Example page {number}", "", PROSE, ""]
    for b in range(blocks_per_page):
        fence, text = blocks[(number * blocks_per_page + b) % len(blocks)]
        lines += [f"## Example {number}.{b + 1}", "", PROSE, "", fence, text, f"# example {number}.{b + 1}", "```",
                  ""]
    return "\n".join(lines)


def site_config(out: Path) -> str:
    """The guide's mkdocs.yml for the generated pages: same theme, extensions and hook, no nav."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^nav:\n(?:[ \t]+.*\n?)*", "", text, flags=re.M)
    text = re.sub(r"^watch:\n(?:[ \t]+-.*\n)*", "", text, flags=re.M)
    text = re.sub(r"^site_name:.*$", "site_name: Generated benchmark site", text, flags=re.M)
    # the generated rule pages link to the guide's pages, which this site does not have
    text = re.sub(r"^(validation:\n(?:[ \t]+.*\n)*)", lambda m: m.group(1).replace(": warn", ": info"), text,
                  flags=re.M)
    text = text.replace("hooks/snipcheck_hook.py", str(ROOT / "hooks" / "snipcheck_hook.py"))
    text = text.replace("!relative $config_dir/snippets", str(ROOT / "snippets"))
    text = re.sub(r"^  snipcheck:\n", f"  snipcheck:\n    snippets_base: [{ROOT / 'snippets'}]\n", text, flags=re.M)
    return text


def make_site(out: Path, pages: int = 500, blocks_per_page: int = 5) -> Path:
    """Write mkdocs.yml and docs/ into `out` (an empty folder); return the mkdocs.yml path."""
    docs = out / "docs"
    if (ROOT / "docs" / "assets").is_dir():  # the plugin serves its own style sheet; other assets, if any
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    docs.mkdir(parents=True, exist_ok=True)
    blocks = source_blocks()
    (docs / "index.md").write_text(f"# Generated site\n\n{pages} pages, {blocks_per_page} Dockerfiles each.\n",
                                   encoding="utf-8")
    for n in range(1, pages + 1):
        section = docs / f"part-{(n - 1) // 50 + 1:02d}"
        section.mkdir(exist_ok=True)
        (section / f"page-{n:03d}.md").write_text(page(n, blocks_per_page, blocks), encoding="utf-8")
    config = out / "mkdocs.yml"
    config.write_text(site_config(out), encoding="utf-8")
    return config


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="an empty folder (e.g. from mktemp -d)")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--blocks", type=int, default=5, help="Dockerfile blocks per page")
    args = parser.parse_args()
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        print(f"make_big_site: {out} is not empty", file=sys.stderr)
        return 2
    config = make_site(out, args.pages, args.blocks)
    print(config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
