"""DG613: the final image is a full SDK image (golang, rust, maven, non-slim node/python)."""

from ...analysis.hygiene import chain, is_toolchain_image, ships, single_stage_build
from ...model import Severity
from ...rulekit import Violation, rule

# Interpreters run the app from their image, so a full tag only adds compilers and headers:
# a refinement (info). For compiled languages the whole SDK is dead weight (warning).
_INTERPRETERS = ("python", "node", "ruby", "library/python", "library/node", "library/ruby")


@rule(id="DG613", whole_image=True, name="final-stage-sdk-image", severity="warning",
      why="The image works, but every copy ships the whole compiler toolchain: hundreds of MB and many more "
          "packages to patch (info for a full python/node/ruby tag, whose interpreter the app needs).",
      guide="multi-stage.md",
      summary="Ship the result on a runtime base, not on the SDK image that built it.", fragment_ok=False)
def final_stage_sdk_image(df, ctx):
    """
    ## What it does
    Fires when the final stage is built on a toolchain image: `golang` and `rust` at any tag
    (their `-alpine` tags are still the whole toolchain), `maven`, `gradle`, JDK images without
    `-jre`, and `node`, `python` or `ruby` tags that are not slim or alpine. The base is followed
    through `FROM <stage>` chains and ARG defaults (`FROM golang:${GO_VERSION}`). One-stage files
    that compile are left to DG614, which says the same thing with the build step in hand. A
    snippet that only shows a builder (no CMD or ENTRYPOINT, and a named or only stage) is not
    reported.

    ## Why is this bad?
    `golang:1.27-trixie` is a 316 MB download for linux/amd64, and larger unpacked: a compiler,
    headers, a package manager and hundreds of packages that a compiled program never uses, and
    that vulnerability scanners will report on every release. A static Go binary runs on `scratch` or distroless at a few MB.

    ## Example
    ```dockerfile
    FROM golang:1.27 AS build
    COPY app /out/app
    FROM build
    USER 65534:65534
    ENTRYPOINT ["/out/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.27 AS build
    COPY app /out/app
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Docker docs: multi-stage builds](https://docs.docker.com/build/building/multi-stage/)
    """
    if not ships(df) or single_stage_build(df) is not None:
        return
    final = df.stages[-1]
    root = chain(df, final)[0]
    if is_toolchain_image(root.base_resolved):
        via = "" if root is final else f" (through stage {root.label!r})"
        if root.base_resolved.lower().split(":", 1)[0] in _INTERPRETERS:
            yield Violation(final.from_instruction.line, f"the final image is built on {root.base_resolved}{via}, "
                                                         f"whose full tag also carries compilers and headers: a "
                                                         f"-slim tag runs the same app", Severity.INFO)
            return
        yield Violation(final.from_instruction.line, f"the final image is built on {root.base_resolved}{via}, a full "
                                                     f"toolchain image: copy the result into a runtime base such as "
                                                     f"distroless, alpine or a -slim tag")
