"""DG117: `FROM --platform=linux/amd64`, a constant platform."""

from .support import parse_platform
from ...rulekit import Violation, rule


@rule(id="DG117", name="from-platform-flag-const-disallowed", severity="warning", guide="cross-compiling.md",
      summary="FROM --platform should use $BUILDPLATFORM or $TARGETPLATFORM, not a constant.",
      aliases=("FromPlatformFlagConstDisallowed",), fragment_ok=False,
      requires=("--platform",))
def from_platform_flag_const_disallowed(df, ctx):
    """
    ## What it does
    Fires on `FROM --platform=<constant>` such as `linux/amd64`, unless the stage name mentions
    the operating system or the architecture (`AS build-amd64`), which marks a deliberate
    per-platform stage.

    ## Why is this bad?
    A constant platform pins the stage to one architecture: on an arm64 machine, or in a
    multi-platform build, it runs emulated (slowly) or ships the wrong binary. For a builder,
    `--platform=$BUILDPLATFORM` plus `GOOS`/`GOARCH` from `TARGETOS`/`TARGETARCH` is the way.

    ## Example
    ```dockerfile
    FROM --platform=linux/amd64 golang:1.27 AS build
    RUN go version
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM --platform=$BUILDPLATFORM golang:1.27 AS build
    RUN go version
    USER 65534:65534
    ```

    ## References
    - [BuildKit check FromPlatformFlagConstDisallowed](https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/)
    """
    for stage in df.stages:
        for value in stage.from_instruction.flag_values("platform"):
            platform = parse_platform(value) if "$" not in value else None
            if platform is None:
                continue
            name = stage.name or ""
            if name and (platform[0] in name or platform[1] in name):
                continue
            yield Violation(stage.from_instruction.line,
                            f"FROM --platform={value} is a constant: use $BUILDPLATFORM (builders) or leave the "
                            f"default, or name the stage after the platform")
