"""DG408: UPX in the shipped image, or UPX without a word on what it costs."""

import re

from ...analysis.flow import Flow, installed_packages
from ...analysis.queries import effective, stage_at
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_TRADE_OFF = re.compile(r"start-?up|start up|memory|\bram\b|\brss\b|trade-?off|decompress|page cache", re.I)


@rule(id="DG408", name="upx-compression", severity="info", guide="upx.md",
      summary="Run UPX in the builder stage and say what it costs (start-up time, memory).",
      requires=("upx",))
def upx_compression(df, ctx):
    """
    ## What it does
    Fires on a RUN that calls `upx` (or installs it) when, in a multi-stage file, it runs in the
    final image's own stages rather than in a builder, or when no comment in the Dockerfile mentions the
    trade-off: start-up time, memory, decompression.

    ## Why is this bad?
    UPX makes the file smaller, not the program: the binary is decompressed into memory at
    every start, which costs start-up time and resident memory that cannot be shared between
    containers or paged out to the file. Compressing inside the final stage also keeps UPX
    itself and the uncompressed binary in earlier layers, so the image grows instead. Some
    scanners flag packed binaries as malware. Readers who copy the line deserve that warning.

    ## Example
    ```dockerfile fragment
    RUN upx --best /out/app
    ```

    ## Use instead
    ```dockerfile fragment
    # UPX: about 60% smaller, but every start decompresses into memory (slower start-up, more RSS)
    RUN upx --best /out/app
    ```

    ## References
    - [UPX: known limitations](https://github.com/upx/upx#readme)
    """
    flow = Flow.of(df)
    explained = any(_TRADE_OFF.search(c.text) for c in df.comments)
    shipped = {id(i) for st in (flow.chain(df.stages[-1]) if df.stages else ()) for i in st.instructions}
    reported_cost = False  # the missing trade-off note is one problem, however many RUNs touch UPX
    for ins in df.instructions:
        target = effective(ins)
        if target.keyword != "RUN":
            continue
        cmds = run_commands(target)
        if not any(c.name == "upx" or {"upx", "upx-ucl"} & set(installed_packages(c)) for c in cmds):
            continue
        reasons = []
        if id(ins) in shipped and len(df.stages) > 1:
            reasons.append(f"it runs in the final image's stage {stage_at(df, ins.line).label!r}: compress in the "
                           f"builder and copy the result")
        if not explained and not reported_cost:
            reasons.append("no comment says what it costs (start-up time, memory)")
            reported_cost = True
        if reasons:
            yield Violation(ins.line, "UPX: " + "; ".join(reasons))
