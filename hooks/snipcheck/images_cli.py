"""`snipcheck images lock|update|list`: the base images the examples are built on.

`list` needs no engine: it reads the examples and the lock. `lock` pulls every image an example
names that the lock lacks (through the same mirrors and world a real build uses) and writes
snippets/images.lock; `update` re-resolves every image, so the lock follows moved tags.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import config as config_mod
from .collect import InputError
from .config import ConfigError
from .imagelock import LOCK_PATH, LockedImage, render
from .parser import parse
from .run import check_paths, find_project_root, is_example_file, project_config, read_lock

DEFAULT_PATHS = ("docs", "snippets/examples")


def example_images(paths: list[str], root: Path, config) -> dict[str, list[str]]:
    """{example location: [images it names]} for every example a real build would try."""
    from .builder.plan import external_images, is_buildable  # the builder only when asked: the CLI stays quick

    report = check_paths(paths, root, config)
    out: dict[str, list[str]] = {}
    for result in report.results:
        snippet = result.snippet
        if is_example_file(snippet) and is_buildable(snippet, result.status):
            where = snippet.lines[0].file if snippet.lines else str(snippet.fence)
            out.setdefault(where, [])
            out[where] += [ref for ref in external_images(parse(snippet.text)) if ref not in out[where]]
    return out


@click.group("images")
def images() -> None:
    """The base images the examples are built on, and their lock (snippets/images.lock)."""


def _setup(root, paths):
    project = Path(root) if root else find_project_root(Path.cwd()) or Path.cwd()
    config = config_mod.from_environment(project_config(project))
    return project, config, list(paths) or [p for p in DEFAULT_PATHS if (project / p).exists()]


@images.command("list")
@click.argument("paths", nargs=-1)
@click.option("--root", type=click.Path(file_okay=False), help="Project root (default: folder of mkdocs.yml).")
def list_images(paths, root) -> None:
    """Show what each example is built on, and whether the lock pins it."""
    try:
        project, config, paths = _setup(root, paths)
        locked = read_lock(project, config)
        found = example_images(paths, project, config)
    except (ConfigError, InputError) as exc:
        _fail(exc)
    for where, refs in sorted(found.items()):
        click.echo(where)
        for ref in refs or ["(no base image: scratch only)"]:
            entry = locked.get(ref)
            state = f"locked {entry.digest[:19]}… {entry.kind}, resolved {entry.resolved}" if entry else "not locked"
            click.echo(f"  {ref:<48} {state}" if refs else f"  {ref}")
    users = sorted({ref for refs in found.values() for ref in refs})
    click.echo(f"{len(found)} example(s), {len(users)} image(s), {sum(1 for r in users if r in locked)} locked")


@images.command("lock")
@click.argument("paths", nargs=-1)
@click.option("--root", type=click.Path(file_okay=False), help="Project root (default: folder of mkdocs.yml).")
def lock(paths, root) -> None:
    """Pin every image the examples name that the lock lacks (pulls them)."""
    _resolve(paths, root, refresh=False)


@images.command("update")
@click.argument("paths", nargs=-1)
@click.option("--root", type=click.Path(file_okay=False), help="Project root (default: folder of mkdocs.yml).")
def update(paths, root) -> None:
    """Re-resolve every image the examples name to what its tag is now (pulls them)."""
    _resolve(paths, root, refresh=True)


def _resolve(paths, root, refresh: bool) -> None:
    from .builder import DockerBuilder
    from .builder.model import EngineError
    from .builder.registry import PullError
    from .builder.world import choose

    try:
        project, config, paths = _setup(root, paths)
        old = read_lock(project, config)
        wanted = sorted({ref for refs in example_images(paths, project, config).values() for ref in refs})
        world = choose(config)
        today = dt.date.today().isoformat()
        entries = dict(old)
        with DockerBuilder(world=world, locked={}) as builder:
            builder.check_engine()
            if builder.images is None:
                raise EngineError(f"no images to lock: {world.note}")
            for ref in wanted:
                if ref in old and not refresh:
                    continue
                try:
                    got = builder.images.resolve(ref)
                except PullError as exc:
                    click.echo(f"snipcheck: {exc}", err=True)
                    continue
                entries[ref] = LockedImage(ref, got.digest, builder.platform(got.pulled), today,
                                           "stand-in" if got.standin else "registry")
                moved = "" if ref not in old or old[ref].digest == got.digest else f" (was {old[ref].digest[:19]}…)"
                click.echo(f"{ref:<48} {got.digest[:19]}… {entries[ref].kind}{moved}")
    except (ConfigError, InputError, EngineError) as exc:
        _fail(exc)
    (project / LOCK_PATH).write_text(render(entries), encoding="utf-8")
    click.echo(f"wrote {LOCK_PATH}: {len(entries)} image(s), {world.describe()}")


def _fail(exc: Exception):
    click.echo(f"snipcheck: error: {exc}", err=True)
    sys.exit(2)
