"""DG230: both curl and wget in one stage."""

from .support import stage_groups
from ...analysis.queries import effective
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG230", name="curl-and-wget", severity="info",
      why='Two download tools cost a few MB; nothing breaks.',
      guide="layers.md",
      summary="Use either wget or curl in a stage, not both.", aliases=("DL4001",),
      requires=("wget",))
def curl_and_wget(df, ctx):
    """
    ## What it does
    Fires on each RUN that uses `curl` or `wget` in a stage that, by then, has used both.

    ## Why is this bad?
    Two download tools do one job: the image (or the builder) carries both packages and their
    dependencies, and two sets of flags for retries, TLS and redirects to get right. Pick one.

    ## Example
    ```dockerfile fragment
    RUN wget -q -O /tmp/a.tar.gz https://example.com/a.tar.gz
    ENV B_URL=https://example.com/b.tar.gz
    RUN curl -fsSLo /tmp/b.tar.gz "$B_URL"
    ```

    ## Use instead
    ```dockerfile fragment
    RUN curl -fsSLo /tmp/a.tar.gz https://example.com/a.tar.gz
    ENV B_URL=https://example.com/b.tar.gz
    RUN curl -fsSLo /tmp/b.tar.gz "$B_URL"
    ```

    ## References
    - [hadolint DL4001](https://github.com/hadolint/hadolint/wiki/DL4001)
    """
    for group in stage_groups(df):
        seen: set[str] = set()
        for raw in group:
            ins = effective(raw)
            if ins.keyword != "RUN":
                continue
            tools = {cmd.name for cmd in run_commands(ins)} & {"curl", "wget"}
            seen |= tools
            if tools and len(seen) == 2:
                if len(tools) == 2:
                    message = "curl and wget in one RUN: use one download tool"
                else:
                    (other,) = seen - tools
                    message = f"{tools.pop()} here, {other} earlier in the stage: use one download tool"
                yield Violation(raw.line, message)
