"""DG611: `RUN chown -R` / `chmod -R` over files an earlier COPY added."""

import posixpath

from ...analysis.hygiene import image_stages
from ...analysis.queries import copy_words
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG611", name="chown-after-copy", severity="warning", guide="layers.md",
      summary="Set owner and mode while copying (`COPY --chown/--chmod`), not in a later `RUN chown -R`.",
      requires=("chown", "chmod"))
def chown_after_copy(df, ctx):
    """
    ## What it does
    In the stages whose layers make up the final image (the last stage and the stages it is
    built FROM; in a fragment, all of it), fires on `RUN chown -R` or `chmod -R` over a path that
    an earlier COPY or ADD put there, or over a directory that contains it. Relative paths are
    resolved against WORKDIR. Directories that the same RUN creates with `mkdir` are fine.

    ## Why is this bad?
    A layer stores every file whose metadata changed, in full. `chown -R` over a copied
    directory writes a second copy of every file into a new layer: the image grows by the size
    of the directory, and the build gets slower. `COPY --chown` and `COPY --chmod` set owner and
    mode in the layer that adds the files.

    ## Example
    ```dockerfile fragment
    COPY app/ /srv/app/
    RUN chown -R 65534:65534 /srv/app
    ```

    ## Use instead
    ```dockerfile fragment
    COPY --chown=65534:65534 app/ /srv/app/
    ```

    ## References
    - [Dockerfile reference: COPY --chown --chmod](https://docs.docker.com/reference/dockerfile/#copy---chown---chmod)
    """
    groups = [st.instructions for st in image_stages(df)] if df.stages else [df.instructions]
    workdir = "/"
    copied: dict[str, int] = {}
    for instructions in groups:
        for ins in instructions:
            if ins.keyword == "WORKDIR":
                workdir = posixpath.normpath(posixpath.join(workdir, ins.args.strip() or "."))
            elif ins.keyword in ("COPY", "ADD") and not ins.heredocs:
                words = copy_words(ins)
                for path in _landed(words[:-1], words[-1], workdir) if len(words) >= 2 else ():
                    copied[path] = ins.line
            elif ins.keyword == "RUN":
                yield from _check_run(ins, workdir, copied)


def _check_run(ins, workdir, copied):
    made: set[str] = set()
    for cmd in run_commands(ins):
        if cmd.name == "mkdir":
            made.update(_resolve(a, workdir) for a in cmd.argv[1:] if not a.startswith("-"))
        if cmd.name not in ("chown", "chmod") or not _recursive(cmd.argv[1:]):
            continue
        operands = [a for a in cmd.argv[1:] if not a.startswith("-")]
        skip_spec = not any(a.startswith("--reference") for a in cmd.argv[1:])
        for path in (_resolve(p, workdir) for p in operands[1 if skip_spec else 0:]):
            hit = next((dest for dest in copied if _overlaps(path, dest)), None)
            if hit is None or path in made or any(_inside(path, m) for m in made):
                continue
            flag = "--chown" if cmd.name == "chown" else "--chmod"
            yield Violation(ins.line, f"`{cmd.name} -R {path}` rewrites {hit}, copied on line {copied[hit]}, into a "
                                      f"new layer (a second copy of every file): use COPY {flag}= instead")
            break


def _landed(sources, dest, workdir):
    """Where copied items land: a file-looking source into a directory lands as dest/name."""
    into_dir = dest.endswith("/") or dest in (".", "./") or len(sources) > 1
    for src in sources:
        name = posixpath.basename(src.rstrip("/"))
        file_like = not src.endswith("/") and "." in name.strip(".") and "*" not in name
        yield _resolve(posixpath.join(dest, name) if into_dir and file_like else dest, workdir)


def _recursive(args) -> bool:
    return any(a == "--recursive" or (a.startswith("-") and not a.startswith("--") and "R" in a) for a in args)


def _resolve(path: str, workdir: str) -> str:
    return posixpath.normpath(posixpath.join(workdir, path.replace("$HOME", "/root").replace("~", "/root", 1)))


def _inside(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent.rstrip("/") + "/")


def _overlaps(path: str, dest: str) -> bool:
    if "/" in (path, dest):  # a tree copied into / or chown over / : only an exact match says anything
        return path == dest
    return _inside(path, dest) or _inside(dest, path)
