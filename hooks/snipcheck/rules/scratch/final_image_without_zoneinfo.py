"""DG502: TZ is set, but the final image has no zoneinfo database."""

import re

from ...patterns import LazyPattern
from ...analysis.paths import ZONEINFO, feeding_stages, present
from ...analysis.gobuild import split_flags
from ...analysis.flow import Flow
from ...analysis.queries import base_info
from ...rulekit import Violation, rule
from ...stages import parse_env_declarations

_UTC = LazyPattern(r"^:?(Etc/)?(UTC|UCT|GMT|Zulu|Universal)0?$", re.I)


@rule(id="DG502", whole_image=True, name="final-image-without-zoneinfo", severity="warning", guide="certs-and-timezones.md",
      summary="`ENV TZ` needs /usr/share/zoneinfo (or a Go binary built with `-tags timetzdata`).",
      fragment_ok=False, requires=("tz",))
def final_image_without_zoneinfo(df, ctx):
    """
    ## What it does
    Fires when the final image sets `ENV TZ` to a zone other than UTC, its base has no
    `/usr/share/zoneinfo` (`scratch`, `alpine`, `ubuntu`, `busybox`), and nothing provides
    it: no COPY into `/usr/share/zoneinfo`, no `tzdata` package, no `ZONEINFO` variable, and
    no `go build -tags timetzdata` in a stage that feeds the final one. (A Go program can also
    embed the database with `import _ "time/tzdata"`; the checker cannot see Go code, so say
    so with a suppression.)

    ## Why is this bad?
    Go's `time` package, like musl and glibc, looks the zone up in `/usr/share/zoneinfo`. When
    it is missing, Go falls back to UTC without an error: logs and schedules are off by hours,
    silently.

    ## Example
    ```dockerfile
    FROM scratch
    COPY app /app
    ENV TZ=Europe/Berlin
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM scratch
    COPY app /app
    COPY --from=debian:trixie-slim /usr/share/zoneinfo /usr/share/zoneinfo
    ENV TZ=Europe/Berlin
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [time: how Go finds the local zone (TZ, ZONEINFO)](https://pkg.go.dev/time#LoadLocation)
    - [time/tzdata](https://pkg.go.dev/time/tzdata)
    """
    flow = Flow.of(df)
    if not df.stages:
        return
    final = df.stages[-1]
    info = base_info(df, final)
    env = flow.env_at(final)
    tz = env.get("TZ")
    if info is None or info.zoneinfo is not False or not tz or _UTC.match(tz) or env.get("ZONEINFO"):
        return
    if present(flow, final, f"{ZONEINFO}/{tz.lstrip(':')}") is not False or present(flow, final, ZONEINFO) is not False:
        return
    for st in feeding_stages(flow, final):
        for step, args in flow.go_steps(st):
            if "timetzdata" in re.split(r"[,\s]+", args.get("tags") or "") or \
                    any("timetzdata" in f for f in split_flags(step.env.get("GOFLAGS") or "")):
                return
    line = next((ins.line for st in flow.chain(final) for ins in st.instructions
                 if ins.keyword == "ENV" and "TZ" in dict(parse_env_declarations(ins.args))),
                final.from_instruction.line)
    yield Violation(line, f"TZ={tz} but the final image ({final.base}) has no {ZONEINFO}: Go falls back to UTC "
                          f"silently; add tzdata, COPY the zoneinfo from the builder, or build with -tags timetzdata")
