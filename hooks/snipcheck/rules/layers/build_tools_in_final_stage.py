"""DG612: compilers and other build tools installed in the final image."""

from ...analysis.hygiene import image_stages, install_remove, ships, single_stage_build, virtual_name
from ...rulekit import Violation, rule

_TOOLS = frozenset(
    "gcc g++ clang build-base build-essential musl-dev libc-dev libc6-dev make cmake autoconf automake libtool "
    "pkgconf pkg-config git go golang rust cargo linux-headers gcc-c++ binutils".split()
)


def _is_tool(pkg: str) -> bool:
    return pkg in _TOOLS or pkg.endswith(("-dev", "-devel")) or pkg.startswith("golang-")


@rule(id="DG612", whole_image=True, name="build-tools-in-final-stage", severity="warning", guide="multi-stage.md",
      summary="Compilers, headers and git belong in a builder stage, not in the final image.", fragment_ok=False,
      requires=("apk", "apt"))
def build_tools_in_final_stage(df, ctx):
    """
    ## What it does
    Fires on `apk add` / `apt-get install` of build tools (gcc, g++, clang, build-base,
    build-essential, musl-dev, make, cmake, git, go, cargo, `*-dev` headers) in a stage whose
    layers make up the final image: the last stage, or a stage it is built FROM, however many
    FROM steps away. Builder stages that are only used through `COPY --from` are fine. So are
    packages removed again in the same RUN (`apk add --virtual .build ... && apk del .build`).
    Removals in a later RUN are DG610's; one-stage files that compile are DG614's. Like the other
    final-image rules, it stays silent on a snippet that only shows a builder (no CMD or
    ENTRYPOINT, and a named or only stage).

    ## Why is this bad?
    A C toolchain with headers adds 100-200 MB to an image that only needs to run a binary, and
    every compiler and `git` in a production image is attack surface that scanners will report.
    Build in a builder stage and copy only the result.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    RUN apk add --no-cache build-base=0.5-r3 git=2.45.2-r0
    COPY app /usr/local/bin/app
    USER 65534:65534
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24 AS build
    RUN apk add --no-cache build-base=0.5-r3 git=2.45.2-r0
    COPY app /out/app
    FROM alpine:3.24
    COPY --from=build /out/app /usr/local/bin/app
    USER 65534:65534
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## References
    - [Docker docs: multi-stage builds](https://docs.docker.com/build/building/multi-stage/)
    """
    if not ships(df) or single_stage_build(df) is not None:
        return
    runs = [ins for st in image_stages(df) for ins in st.instructions if ins.keyword == "RUN"]
    removed_later: set[str] = set()
    for ins in reversed(runs):
        removed_later.update(install_remove(ins)[1])
    for ins in runs:
        installs, removed = install_remove(ins)
        left = []
        for cmd, pkgs in installs:
            if virtual_name(cmd) in removed | removed_later:
                continue
            left.extend(p for p in pkgs if _is_tool(p) and p not in removed | removed_later and p not in left)
        if left:
            yield Violation(ins.line, f"build tools in the final image: {', '.join(left)}; install them in a "
                                      f"builder stage and COPY --from only the result")
