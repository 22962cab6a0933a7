"""DG301: COPY --from names no earlier stage."""

from ...rulekit import Violation, rule
from ...wholenumbers import is_number, whole_number


@rule(id="DG301", name="copy-from-undefined-stage", severity="error", guide="multi-stage.md#copy-from",
      summary="`COPY --from` must name a stage defined earlier in the file.", aliases=("DL3022",),
      requires=("--from",))
def copy_from_undefined_stage(df, ctx):
    r"""
    ## What it does
    Fires on `COPY --from=name` when no earlier `FROM ... AS name` exists and `name` does not look
    like an image reference (no `:`, `/` or `@`). Numeric indexes must point at an earlier stage.
    Snippets declared as fragments are skipped: the stage they copy from may be outside them. So
    is a `COPY --from` below a line that stands for omitted ones (`...`) or below a `FROM` with a
    placeholder (`FROM <build image> AS ...`): the stage may be among what the excerpt leaves out;
    and so is an excerpt with placeholders that names no stage at all ("part 2, the runtime").

    ## Why is this bad?
    BuildKit treats an unknown name as an image on Docker Hub: a typo becomes a failed pull of
    `docker.io/library/buidler`, or worse, silently copies files from someone else's image.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS builder
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=buidler /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS builder
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=builder /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [hadolint DL3022](https://github.com/hadolint/hadolint/wiki/DL3022)
    """
    if ctx.declared_fragment:
        return  # a declared fragment shows part of a file: its stages may be defined elsewhere
    defined: dict[str, None] = {}  # in order, for the message; a dict for lookups
    index = -1
    hidden_from = _first_hidden_stage_line(df, ctx)
    for ins in df.instructions:
        if ins.keyword == "FROM":
            index += 1
            words = ins.args.split()
            if len(words) >= 3 and words[1].lower() == "as":
                defined.setdefault(words[2].lower())
            continue
        refs = ins.flag_values("from") if ins.keyword in ("COPY", "ADD") else ()
        if not refs:
            continue  # most COPY lines: nothing to look up, so no need to scan for hidden stages either
        if hidden_from < ins.line or (ctx.elided or ctx.placeholders) and not defined:
            continue  # an excerpt naming no stage at all: the rest of the file is elsewhere, not a typo here
        for ref in refs:
            if not ref or any(c in ref for c in ":/@$"):
                continue
            if is_number(ref):
                if whole_number(ref) >= max(index, 0):
                    yield Violation(ins.line, f"--from={ref} is not an earlier stage (stages before this one: "
                                              f"{max(index, 0)})")
            elif ref.lower() not in defined:
                known = ", ".join(defined) or "none"
                yield Violation(ins.line, f"--from={ref}: no earlier stage has that name (stages: {known}); "
                                          f"BuildKit would pull an image called {ref!r}")


def _first_hidden_stage_line(df, ctx) -> float:
    """The first line below which a stage could be defined without being shown (an elision, or a
    FROM with a placeholder); infinity when there is none. Computed once, not per COPY."""
    placeholders = sorted(ctx.placeholders)
    froms = (ins.line for ins in df.instructions if ins.keyword == "FROM" and placeholders
             and any(ins.line <= n <= ins.end_line for n in placeholders))
    return min([*ctx.elided, *froms], default=float("inf"))
