"""The SuperFences custom fence for Dockerfiles: highlight as usual, then show the check result.

Engine-neutral: it needs only Python-Markdown and pymdownx. The MkDocs plugin registers it with
precomputed results; any other engine that runs SuperFences custom fences can name
`standalone_format` in its config, which checks each fence's text on its own.
"""

from __future__ import annotations

import html
import logging
import os
from typing import Callable

from pymdownx.superfences import SuperFencesException, highlight_validator

from .results import SnippetResult
from .fence_options import HIGHLIGHT_KEYS, OUR_KEYS
from .fencenames import FENCE_NAMES
from .escape import terminal
from .internal_errors import failure_message
from .highlighting import highlight
from .report.html import render_result

log = logging.getLogger("snipcheck")
ResultFor = Callable[[str, dict], SnippetResult]  # (fence text, fence options) -> result
SHOWN = {"all": ("pass", "notes", "expected", "fail", "skipped"), "failures": ("fail",), "none": ()}


def validator(language, inputs, options, attrs, md) -> bool:
    """Accept our options (checked and reported by the scanner) and pass highlighting ones on."""
    highlight = {k: v for k, v in inputs.items() if k in HIGHLIGHT_KEYS or k.startswith("data-")}
    highlight_validator(language, highlight, options, attrs, md)
    for key in OUR_KEYS:
        if key in inputs:
            options["snipcheck_" + key] = inputs[key]
    for key in list(attrs):
        if not key.startswith("data-"):
            del attrs[key]
    return True


def make_formatter(result_for: ResultFor, show: str = "all", highlight_failing_lines: bool = False,
                   link_rules: bool = True, place: Callable[[str], str] | None = None,
                   logger: logging.Logger | logging.LoggerAdapter = log):
    """A formatter that renders the highlighted block plus, when `show` asks for it, the result.
    `place(box)` returns what goes in the box's place in the page content (a placeholder the site fills
    in later; None: the box itself). A failure of our code on a block is an error on `logger`."""

    def formatter(src, language, class_name, options, md, **kwargs):
        found: list[SnippetResult] = []

        def render() -> str:
            found.append(result_for(src, options))
            return render_fence(found[0], src, options, md, kwargs, show, highlight_failing_lines, link_rules, place)

        def where() -> str:
            fence = found[0].snippet.fence if found else None
            return terminal(f"on the Dockerfile block at {fence.file}:{fence.line}" if fence else
                            f"on the Dockerfile block `{first_line(src)}`")

        return guarded(render, src, options, md, kwargs, where, logger)

    return formatter


def guarded(render: Callable[[], str], src: str, options: dict, md, kwargs: dict, where: Callable[[], str],
            logger, stop: bool = False) -> str:
    """`render()`; when our code fails on the block, one error on `logger` (MkDocs' `--strict` fails on
    it) and the block highlighted without its result, or with `stop` the error raised as a
    SuperFencesException (the engine ends the build with it). Never the exception itself passed on:
    SuperFences swallows a formatter's exception and shows the whole fence as inline text, silently."""
    try:
        return render()
    except SuperFencesException:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of our code on one block, told with its place
        message = "snipcheck: " + failure_message(f"{where()} while showing its result", exc,
                                                  "the block is shown highlighted, without its result")
        logger.error(message)
        if stop:
            raise SuperFencesException(message) from None
        return plain_block(src, options, md, kwargs)


def plain_block(src: str, options: dict, md, kwargs: dict) -> str:
    """The block as SuperFences highlights any other, or escaped text if even that fails."""
    try:
        return md.preprocessors["fenced_code_block"].highlight(
            src=src, language="dockerfile", options={k: v for k, v in options.items() if not k.startswith("snipcheck_")},
            md=md, classes=kwargs.get("classes", []), id_value=kwargs.get("id_value", ""), attrs=kwargs.get("attrs", {}))
    except Exception:  # noqa: BLE001 - the error is logged already; show the text
        return f'<pre class="highlight"><code>{html.escape(src)}</code></pre>'


def render_fence(result: SnippetResult, src: str, options: dict, md, kwargs: dict, show: str,
                 highlight_failing_lines: bool, link_rules: bool, place: Callable[[str], str] | None = None) -> str:
    opts = {k: v for k, v in options.items() if not k.startswith("snipcheck_")}
    if highlight_failing_lines and "hl_lines" not in opts and result.status in ("expected", "fail"):
        lines = sorted({f.snippet_line for f in result.findings if f.snippet_line})
        if lines:
            opts["hl_lines"] = " ".join(str(n) for n in lines)
    code = highlight(src, md, language="dockerfile", options=opts, classes=kwargs.get("classes", []),
                     id_value=kwargs.get("id_value", ""), attrs=kwargs.get("attrs", {}))
    if status_shown(result) not in SHOWN[show]:
        return code
    box = render_result(result, link_rules=link_rules)
    return with_result(code, box if place is None else place(box))


def status_shown(result: SnippetResult) -> str:
    return "notes" if result.status == "pass" and result.findings else result.status


def with_result(code: str, box: str) -> str:
    """Put the result box inside the highlight wrapper, after the code.

    Material binds a code annotation list (`# (1)!` + the list after the block) to the element
    right after `.highlight`; a box between the two would break every annotated block.
    """
    if code.endswith("</div>"):
        return code[: -len("</div>")] + box + "</div>"
    return f'<div class="snipcheck-block">{code}{box}</div>'  # highlighting without Pygments: no wrapper


def custom_fences(result_for: ResultFor, **display) -> list[dict]:
    """Entries for `pymdownx.superfences` `custom_fences`, one per Dockerfile language name."""
    formatter = make_formatter(result_for, **display)
    return [{"name": name, "class": "highlight", "format": formatter, "validator": validator}
            for name in FENCE_NAMES]


def _check_alone(src: str, options: dict) -> SnippetResult:
    """The fence's text checked on its own, with the configuration of the environment."""
    from .config import Config, from_environment
    from .registry import RuleSet

    config = from_environment(Config())
    return check_fence_text(src, options, RuleSet(config), config, "(fence)")


def check_fence_text(src: str, options: dict, ruleset, config, path: str) -> SnippetResult:
    """A fence's text as SuperFences passes it, checked on its own with the fence's own options
    (`expect=`, `fragment`, ...): no page, no line numbers, no includes to map."""
    from .checker import check_text
    from .fence_options import parse_values

    ours = {k[len("snipcheck_"):]: v for k, v in options.items() if k.startswith("snipcheck_")}
    fence_options, _ = parse_values(ours, ruleset.ids)
    return check_text(src, ruleset, config, options=fence_options, path=path)


def standalone_format(src, language, class_name, options, md, **kwargs):
    """For engines without MkDocs plugins: `format: !!python/name:snipcheck.fence.standalone_format`.

    A plain module-level function, so engines that pickle their configuration (Zensical) can.
    Unexpected failures are logged as warnings; with SNIPCHECK_STRICT=1 the first failing block
    stops the build (SuperFences passes SuperFencesException on to the engine)."""
    def render() -> str:
        result = _check_alone(src, options)
        failures = failure_lines(result, src)
        for line in failures:
            log.warning(line)
        if failures and os.environ.get("SNIPCHECK_STRICT") == "1":
            raise SuperFencesException(f"snipcheck: a dockerfile block failed its checks ({len(failures)} finding(s)): "
                                       + "; ".join(failures))
        show = os.environ.get("SNIPCHECK_SHOW", "all")
        return render_fence(result, src, options, md, kwargs, show if show in SHOWN else "all", False, False)

    def where() -> str:
        return f"on the Dockerfile block `{terminal(first_line(src))}`"

    return guarded(render, src, options, md, kwargs, where, log, stop=os.environ.get("SNIPCHECK_STRICT") == "1")


def failure_lines(result: SnippetResult, src: str) -> list[str]:
    """One line per unexpected failing finding, naming the block by its first line (no page is known)."""
    if result.status != "fail":
        return []
    block = terminal(first_line(src))
    return [f"snipcheck: block `{block}` line {f.snippet_line}: {f.rule} {f.severity.name.lower()}: "
            f"{terminal(f.message)}" for f in result.failing]


def first_line(src: str) -> str:
    """A block's first line with text, cut to 60 characters: how a message names a block that has
    no page line."""
    return next((line.strip() for line in src.splitlines() if line.strip()), "")[:60]
