"""`snipcheck images lock|update|list`: the base images the examples are built on.

`list` needs no engine: it reads the examples and the lock, and exits 1 when they disagree (an
image an example names that the lock lacks, or an entry no example names): a real build refuses
the first (DG012), so a stale lock shows here before it shows there. `lock` pins every image an
example names that the lock lacks or could not pin before (pulling it through the same mirrors
and world a real build uses); `update` re-resolves every image, so the lock follows moved tags.
Both write snippets/images.lock with exactly the images the examples name: an image no reachable
registry serves is written as `unresolved`, with the reason, and entries no example names go.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import config as config_mod
from .collect import InputError
from .config import ConfigError
from .imagelock import LOCK_PATH, UNRESOLVED, LockedImage, render
from .parser import parse
from .run import check_paths, find_project_root, is_example_file, project_config, read_lock

DEFAULT_PATHS = ("docs", "snippets/examples")
STANDIN_ONLY = "tools/standins.sh makes stand-ins from Debian packages only"


def example_images(paths: list[str], root: Path, config) -> dict[str, list[str]]:
    """{example location: [images it names]} for every example a real build would try: the images
    the build's sandbox checks against the lock (FROM, COPY --from, RUN --mount from=, the
    `# syntax=` frontend), except references that hold a variable (the build refuses those)."""
    from .builder.plan import is_buildable  # the builder only when asked: the CLI stays quick
    from .builder.sandbox import named_images

    report = check_paths(paths, root, config)
    out: dict[str, list[str]] = {}
    for result in report.results:
        snippet = result.snippet
        if is_example_file(snippet) and is_buildable(snippet, result.status):
            where = snippet.lines[0].file if snippet.lines else str(snippet.fence)
            refs = out.setdefault(where, [])
            refs += [ref for _, ref in named_images(parse(snippet.text)) if "$" not in ref and ref not in refs]
    return out


def lock_state(entry: LockedImage | None) -> str:
    if entry is None:
        return "NOT LOCKED: a real build refuses it (DG012)"
    if entry.unresolved:
        return f"unresolved ({entry.reason or 'no reason given'})"
    return f"locked {entry.digest[:19]}… {entry.kind}, resolved {entry.resolved}"


def add_images_commands(commands, help: str) -> None:
    """`snipcheck images list|lock|update`, added to the command line's subcommands (`help`: the
    one-line help, which cli.py also shows without loading this module)."""
    group = commands.add_parser("images", help=help, description=f"{help.rstrip('.')} ({LOCK_PATH}).")
    actions = group.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name, run in (("list", list_images), ("lock", lock), ("update", update)):
        sub = actions.add_parser(name, help=run.__doc__.splitlines()[0], description=run.__doc__)
        sub.add_argument("paths", nargs="*", metavar="PATHS")
        sub.add_argument("--root", metavar="DIR", help="Project root (default: folder of mkdocs.yml).")
        sub.set_defaults(run=run)


def _setup(root, paths):
    """Project, config, the paths to read, and whether they are all the examples (the default
    paths): only then is a lock entry that no example names stale."""
    project = Path(root) if root else find_project_root(Path.cwd()) or Path.cwd()
    config = config_mod.from_environment(project_config(project))
    defaults = [str(project / p) for p in DEFAULT_PATHS if (project / p).exists()]  # under the root, not here
    return project, config, list(paths) or defaults, not paths


def list_images(args: argparse.Namespace) -> None:
    """Show what each example is built on, and whether the lock pins it (exit 1 when the lock is stale)."""
    paths, root = args.paths, args.root
    try:
        project, config, paths, everything = _setup(root, paths)
        locked = read_lock(project, config)
        found = example_images(paths, project, config)
    except (ConfigError, InputError) as exc:
        _fail(exc)
    for where, refs in sorted(found.items()):
        _echo(where)
        for ref in refs:
            _echo(f"  {ref:<48} {lock_state(locked.get(ref))}")
        if not refs:
            _echo("  (no base image: scratch only)")
    users = sorted({ref for refs in found.values() for ref in refs})
    missing = [ref for ref in users if ref not in locked]
    unused = sorted(ref for ref in locked if ref not in users) if everything else []
    for ref in unused:
        _echo(f"{LOCK_PATH}: {ref} is locked, but no example names it")
    unresolved = sum(1 for ref in users if ref in locked and locked[ref].unresolved)
    _echo(f"{len(found)} example(s), {len(users)} image(s): {len(users) - len(missing) - unresolved} pinned, "
               f"{unresolved} unresolved, {len(missing)} not locked; {len(unused)} lock entries that no example names")
    if missing or unused:
        _echo(f"snipcheck: {LOCK_PATH} does not match the examples: run `snipcheck images lock`", err=True)
        sys.exit(1)


def lock(args: argparse.Namespace) -> None:
    """Pin every image the examples name that the lock lacks (pulls them); drop entries no example names."""
    _resolve(args.paths, args.root, refresh=False)


def update(args: argparse.Namespace) -> None:
    """Re-resolve every image the examples name to what its tag is now (pulls them)."""
    _resolve(args.paths, args.root, refresh=True)


def resolve_entry(builder, world, ref: str, today: str) -> LockedImage:
    """The lock entry for `ref` as `world` serves it now: pinned, or unresolved with the reason."""
    from .builder.registry import PullError

    try:
        got = builder.images.resolve(ref)
    except PullError as exc:
        return LockedImage(ref, "", builder.engine_platform(), today, UNRESOLVED, unresolved_reason(world, exc))
    return LockedImage(ref, got.digest, builder.platform(got.pulled), today, "stand-in" if got.standin else "registry")


def unresolved_reason(world, exc) -> str:
    """Why an image could not be pinned, without the stand-in registry's port (it changes per set-up)."""
    if world.standins:
        why = "offline was asked for" if world.note.startswith("asked") else "no registry answered (Docker Hub)"
        have = f"the local stand-in registry has no stand-in of it ({STANDIN_ONLY})" if exc.kind == "missing" \
            else "the local stand-in registry did not answer"
        return f"{why}, and {have}"
    return f"{world.label} {'does not have it' if exc.kind == 'missing' else 'did not answer'}"


def _resolve(paths, root, refresh: bool) -> None:
    from .builder import DockerBuilder
    from .builder.model import EngineError
    from .builder.world import choose

    try:
        project, config, paths, everything = _setup(root, paths)
        old = read_lock(project, config)
        wanted = sorted({ref for refs in example_images(paths, project, config).values() for ref in refs})
        world = choose(config)
        today = dt.date.today().isoformat()
        entries: dict[str, LockedImage] = {}
        with DockerBuilder(world=world, locked={}) as builder:
            builder.check_engine()
            if builder.images is None:
                raise EngineError(f"no images to lock: {world.note}")
            for ref in wanted:
                before = old.get(ref)
                if before is not None and not before.unresolved and not refresh:
                    entries[ref] = before
                    continue
                entry = resolve_entry(builder, world, ref, today)
                if entry.unresolved and before is not None and before.unresolved and before.reason == entry.reason:
                    entry = before  # still out of reach, for the same reason: keep its date (a quiet diff)
                entries[ref] = entry
                moved = "" if before is None or before.digest in ("", entry.digest) else f" (was {before.digest[:19]}…)"
                _echo(f"{ref:<48} {lock_state(entry)}{moved}")
    except (ConfigError, InputError, EngineError) as exc:
        _fail(exc)
    keep = {} if everything else {ref: e for ref, e in old.items() if ref not in entries}
    for ref in sorted(set(old) - set(entries) - set(keep)):
        _echo(f"{ref:<48} dropped: no example names it")
    entries.update(keep)
    (project / LOCK_PATH).write_text(render(entries), encoding="utf-8")
    unresolved = sum(1 for e in entries.values() if e.unresolved)
    _echo(f"wrote {LOCK_PATH}: {len(entries)} image(s), {unresolved} unresolved; {world.describe()}")


def _echo(text: str, err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout)


def _fail(exc: Exception):
    _echo(f"snipcheck: error: {exc}", err=True)
    sys.exit(2)
