"""DG806: a base image past its end of life, or ending within 90 days."""

from ...lifecycle import most_urgent
from ...model import Severity
from ...rulekit import Violation, rule

SOON_DAYS = 90


@rule(id="DG806", name="base-image-end-of-life", severity="warning", guide="base-images.md#pin-the-tag",
      summary="Build on base images that still get security updates.")
def base_image_end_of_life(df, ctx):
    """
    ## What it does
    Looks up every image a stage is built on (FROM, after global ARG defaults are substituted)
    in snipcheck's table of lifecycle dates (`data/lifecycle.toml`: Debian and its LTS, Ubuntu,
    Alpine branches, distroless `-debianN` images, Go releases and the `golang` tags that follow
    them). Reports an image whose updates have stopped (warning) and one whose updates stop
    within 90 days (info), with the date and the source of the date. Images the table cannot
    place (`latest`, `alpine`, unknown registries) are not reported.

    A Go release whose end is not announced yet, or that is newer than the table, gets the date
    Go's cadence gives (a release every February and August, fixes for the two newest): once
    that date has passed, the image is reported as probably past its end of life. So an example
    on `golang:1.27` does not stay green after Go 1.29 ships just because nobody updated the
    table.

    The date is the machine's, read once per run; set `today` (or `SNIPCHECK_TODAY=2027-01-01`)
    to judge by another day.

    ## Why is this bad?
    A pinned tag is only as good as the release behind it. Once a release's end of life passes,
    new vulnerabilities in its packages, its libc or its Go standard library are never fixed, and
    every rebuild ships them again. Nothing in the build fails: distroless stopped building its
    `-debian12` images on 2026-09-01, Go fixes only its two newest releases, and the old tags
    still pull. The example keeps working while it quietly teaches an unmaintained base.

    ## Example
    ```dockerfile
    FROM gcr.io/distroless/static-debian11:nonroot
    COPY app /app
    ENTRYPOINT ["/app"]
    ```

    Builders count too: `FROM golang:1.22 AS build` is reported the same way (Go 1.22 got its
    last fix when Go 1.24 came out).

    ## Use instead
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Go release policy](https://go.dev/doc/devel/release#policy)
    - [Debian LTS](https://wiki.debian.org/LTS)
    - [Alpine Linux releases](https://alpinelinux.org/releases/)
    - [distroless support policy](https://github.com/GoogleContainerTools/distroless/blob/main/SUPPORT_POLICY.md)
    - [Ubuntu release cycle](https://ubuntu.com/about/release-cycle)
    """
    if ctx.today is None:
        return
    names = {s.name for s in df.stages if s.name}
    for stage in df.stages:
        ref = stage.base_resolved
        if not ref or ref.lower() in names:
            continue
        lc = most_urgent(ref, ctx.today)
        if lc is None:
            continue
        days = lc.days_left(ctx.today)
        note = f"; {lc.note}" if lc.note else ""
        if lc.estimated:  # past (most_urgent leaves out estimates still ahead: no "ends soon" for a guess)
            yield Violation(stage.from_instruction.line, f"{ref} is probably past its end of life: {lc.product} "
                            f"was due to stop getting updates by {lc.end} ({lc.source}{note}); the date is an "
                            f"estimate, as this snipcheck predates its announcement: move to a maintained "
                            f"release (and upgrade snipcheck for the confirmed date)")
        elif days < 0:
            when = f"by {lc.end} at the latest" if lc.older_than_known else f"on {lc.end}"
            yield Violation(stage.from_instruction.line, f"{ref} is past its end of life: {lc.product} stopped "
                            f"getting updates {when} ({lc.source}{note}); move to a maintained release")
        elif days <= SOON_DAYS:
            yield Violation(stage.from_instruction.line, f"{ref} reaches its end of life in {days} days: "
                            f"{lc.product} stops getting updates on {lc.end} ({lc.source}{note})",
                            severity=Severity.INFO)
