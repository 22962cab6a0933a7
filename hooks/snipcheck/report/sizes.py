"""The size page's table and chart, rendered from the measurements (snippets/measured/images.json).

Used as a SuperFences custom fence, one example per line, optionally with a label:

    ```measured-sizes
    static-scratch: scratch + CA bundle + zoneinfo
    distroless-nonroot: distroless static, nonroot
    ```

The chart is inline SVG (no script, no download): one bar per example, the label above its bar so
it stays readable at 390 px, sizes to scale, each bar labelled with its number.
"""

from __future__ import annotations

import html

from ..claims import format_quantity

BAR_HEIGHT = 14
ROW = 40  # label line + bar + gap
WIDTH = 360  # viewBox units; the SVG scales to the column, at most 640 px wide


def parse_lines(source: str) -> list[tuple[str, str]]:
    """'example: label' lines -> [(example, label)]; blank lines and # comments skipped."""
    rows = []
    for line in source.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        example, _, label = line.partition(":")
        rows.append((example.strip(), label.strip() or example.strip()))
    return rows


def render_sizes(source: str, data: dict) -> str:
    """Table + chart + where and when it was measured. Examples without a measurement are listed
    as such (the claims check reports a missing one that the text relies on)."""
    rows = parse_lines(source)
    images = data.get("images", {})
    measured = [(ex, label, images[ex]) for ex, label in rows if ex in images]
    missing = [ex for ex, _ in rows if ex not in images]
    parts = ['<div class="snipcheck-sizes" data-search-exclude>', _table(measured), _chart(measured)]
    if missing:
        parts.append(f'<p class="snipcheck-sizes-missing">Not measured yet: '
                     f'{", ".join(f"<code>{html.escape(m)}</code>" for m in missing)}.</p>')
    when = data.get("measured_at") or "never"
    engine = data.get("engine") or "no engine recorded"
    parts.append(f'<p class="snipcheck-sizes-source">Measured by the real build ({html.escape(engine)}), '
                 f'last on {html.escape(when)}; kept in <code>snippets/measured/images.json</code>.</p></div>')
    return "".join(parts)


def _table(rows) -> str:
    head = ("<thead><tr><th>Example</th><th>Image size</th><th>Compressed</th><th>Layers</th>"
            "<th>Wasted</th><th>Runs as</th></tr></thead>")
    body = "".join(
        f"<tr><td><code>{html.escape(ex)}</code><br>{html.escape(label)}</td>"
        f'<td data-bytes="{f["size"]}">{format_quantity(f["size"], "size")}</td>'
        f"<td>{format_quantity(f['compressed_size'], 'size')}</td><td>{int(f['layers'])}</td>"
        f"<td>{format_quantity(f['wasted_bytes'], 'size')}</td>"
        f"<td><code>{html.escape(str(f['user']) or 'root')}</code></td></tr>"
        for ex, label, f in rows)
    return f'<div class="md-typeset__scrollwrap"><table>{head}<tbody>{body}</tbody></table></div>'


def _chart(rows) -> str:
    if not rows:
        return ""
    largest = max(f["size"] for _, _, f in rows) or 1
    height = ROW * len(rows) + 4
    bars = []
    for n, (ex, label, f) in enumerate(rows):
        y = n * ROW
        width = max(2.0, (WIDTH - 70) * f["size"] / largest)
        value = format_quantity(f["size"], "size")
        bars.append(
            f'<g><title>{html.escape(ex)}: {value} ({f["size"]:,} bytes)</title>'
            f'<text x="0" y="{y + 12}" font-size="12">{html.escape(label)}</text>'
            f'<rect x="0" y="{y + 17}" width="{width:.1f}" height="{BAR_HEIGHT}" rx="2" class="snipcheck-bar"/>'
            f'<text x="{width + 4:.1f}" y="{y + 28}" font-size="12">{value}</text></g>')
    return (f'<figure class="snipcheck-chart"><svg role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'style="max-width:640px" aria-label="Final image size per example">'
            f'{"".join(bars)}</svg><figcaption>Final image size (unpacked, as <code>docker image ls</code> '
            f'shows it), to scale.</figcaption></figure>')
