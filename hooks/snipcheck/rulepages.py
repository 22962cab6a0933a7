"""The rule reference, generated from the rules themselves (never kept by hand).

`rule_pages()` returns {path under docs: Markdown}: an index and one page per rule. Each page's
Example fence is declared as a bad example of that rule, so the site build re-checks every doc.
"""

from __future__ import annotations

import re
import importlib

from .profiles import profile_severity
from .rulekit import Rule

FOLDER = "rules"


def page_path(rule_id: str) -> str:
    return f"{FOLDER}/{rule_id.lower()}.md"


def family(rule: Rule) -> str:
    """The rule's family, as its family package's docstring names it ("Go builds (DG4xx)")."""
    package = importlib.import_module(rule.module.rsplit(".", 1)[0])  # the family only: rules stay unloaded
    first = (package.__doc__ or "").strip().split("\n")[0]
    return first.split("):")[0] + ")" if "):" in first else package.__name__.rsplit(".", 1)[-1]


def nav_sections(rules: tuple[Rule, ...]) -> list[dict]:
    """The rule pages grouped by family, as MkDocs nav entries (titles come from the pages)."""
    groups: dict[str, list[str]] = {}
    for rule in rules:
        groups.setdefault(family(rule), []).append(page_path(rule.id))
    return [{title: paths} for title, paths in groups.items()]


def rule_page(rule: Rule, has_page=lambda path: True) -> str:
    """One rule's page; the "Explained in" link only when `has_page` says the site has that page."""
    linked = rule.guide and has_page(rule.guide.partition("#")[0])
    guide = f"[{_guide_title(rule.guide)}](../{rule.guide})" if linked else "—"
    aliases = ", ".join(f"`{a}`" for a in rule.aliases) or "none"
    state = "on" if rule.default_enabled else "off (enable it with `enable: [" + rule.id + "]`)"
    # Shown include lines must not be expanded by pymdownx.snippets: escape them with ';'.
    body = re.sub(r"^(\s*)(-{1,}8<-{1,})", r"\1;\2", _declare_example(rule.doc, rule.id), flags=re.M)
    return (
        f"# {rule.id} {rule.name}\n\n"
        f"{rule.summary}\n\n"
        f"| Severity | Aliases at other linters | Default | Explained in |\n| --- | --- | --- | --- |\n"
        f"| {rule.severity} | {aliases} | {state} | {guide} |\n\n"
        f"{body}\n"
    )


def _declare_example(doc: str, rule_id: str) -> str:
    """Add `expect="<id>"` to the first Dockerfile fence under '## Example'."""
    parts = re.split(r"(^## .+$)", doc, flags=re.M)
    for i, part in enumerate(parts):
        if part.strip() == "## Example" and i + 1 < len(parts):
            parts[i + 1] = re.sub(r"^```dockerfile( fragment)?\s*$",
                                  lambda m: f'```dockerfile{m.group(1) or ""} expect="{rule_id}" title="Example"',
                                  parts[i + 1], count=1, flags=re.M)
        if part.strip() == "## Use instead" and i + 1 < len(parts):
            parts[i + 1] = re.sub(r"^```dockerfile( fragment)?\s*$",
                                  lambda m: f'```dockerfile{m.group(1) or ""} title="Use instead"',
                                  parts[i + 1], count=1, flags=re.M)
    return "".join(parts)


def index_page(rules: tuple[Rule, ...]) -> str:
    rows = [
        f"| [{r.id}]({r.id.lower()}.md) | {r.name} | {r.severity} | {', '.join(r.aliases) or '—'} | "
        f"{r.summary.replace('|', '/')}{'' if r.default_enabled else ' *(off by default)*'} |"
        for r in rules
    ]
    return (
        "# Rule reference\n\n"
        f"All {len(rules)} rules, generated from their source. Each page says what the rule does, why it "
        "matters, and shows an example that triggers it and one that does not; both are checked on every "
        "build of this site. Peer IDs (hadolint `DL`, BuildKit check names) work in suppressions too.\n\n"
        "| ID | Name | Severity | Aliases | Summary |\n| --- | --- | --- | --- | --- |\n" + "\n".join(rows) + "\n"
        + severity_table(rules)
    )


def severity_table(rules: tuple[Rule, ...]) -> str:
    """Each rule's default severity and why: set by what happens to a reader who copies the snippet."""
    rows = [f"| [{r.id}]({r.id.lower()}.md) {r.name} | {r.severity} | "
            f"{(profile_severity('hadolint', r) or '—')} | {r.severity_reason.replace('|', '/')} |" for r in rules]
    return (
        "\n## Default severities, and why\n\n"
        "A default severity says what happens to a reader who copies the snippet: **error**, it does not "
        "build or does not run; **warning**, it builds and runs but is insecure, much larger than it needs "
        "to be, or breaks later; **info**, it works and the advice is a refinement. Rules about the whole "
        "image (root user, untagged base, missing `.dockerignore`, ...) skip excerpts: snippets without "
        "FROM, with `...` elisions or placeholders such as `<base>`, or of three instructions or fewer. "
        "Teams that want hadolint's levels (and every snippet judged whole) set `profile: hadolint`.\n\n"
        "| Rule | Default | `profile: hadolint` | Why this severity |\n| --- | --- | --- | --- |\n"
        + "\n".join(rows) + "\n"
    )


def rule_pages(rules: tuple[Rule, ...], has_page=lambda path: True) -> dict[str, str]:
    pages = {f"{FOLDER}/index.md": index_page(rules)}
    pages.update({page_path(r.id): rule_page(r, has_page) for r in rules})
    return pages


def _guide_title(guide: str) -> str:
    page, _, anchor = guide.partition("#")
    name = page.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ")
    return name.capitalize() + (f" › {anchor.replace('-', ' ')}" if anchor else "")
