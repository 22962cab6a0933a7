"""`snipcheck`: check Markdown pages, folders and Dockerfiles from the command line.

Exit codes: 0 nothing unexpected, 1 unexpected findings, 2 usage or input errors, 130 stopped by
SIGINT and 143 stopped by SIGTERM (after removing what the run made).
Imports stay lazy (formatters, builder, Markdown, rules): `snipcheck check Dockerfile` loads only
what it needs, and nothing of MkDocs.
"""

from __future__ import annotations

import importlib
import signal
import sys
from pathlib import Path

import click

from . import config as config_mod
from .collect import InputError
from .config import Config, ConfigError
from .escape import terminal
from .measured import MeasurementsError
from .registry import RuleSet
from .run import check_paths_with_stats, find_project_root, project_config
from .signals import EXIT_CODES, Terminated, signals_raise

def _formatter(name: str):
    """snipcheck.report.<name>.render, imported on first use."""
    def render(report) -> str:
        return importlib.import_module(f".report.{name}", __package__).render(report)
    return render


FORMATS = {name: _formatter(name) for name in ("github", "json", "sarif", "text")}


class _NoEngine(Exception):
    """Stands in for builder.EngineError when no build was asked for (the builder is not imported)."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="snipcheck")
def main() -> None:
    """Check the Dockerfiles in Markdown pages and Dockerfiles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="YAML/TOML config or mkdocs.yml.")
@click.option("--select", help="Comma-separated rule IDs or aliases to run (default: all).")
@click.option("--ignore", help="Comma-separated rule IDs or aliases not to run.")
@click.option("--enable", help="Comma-separated rules that are off by default to switch on.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), help="Lowest severity that fails.")
@click.option("--root", type=click.Path(file_okay=False), help="Project root (default: folder of mkdocs.yml).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--build/--no-build", default=None,
              help="Also build complete examples with Docker and run the app's selfcheck in them.")
@click.option("--cache/--no-cache", default=None,
              help="Reuse results of unchanged snippets from earlier runs (default: on; setting `cache`).")
@click.option("--jobs", type=click.IntRange(min=0), help="Processes for many snippets (0: one per CPU, 1: serial).")
@click.option("-v", "--verbose", is_flag=True, help="Say on stderr what the run cost (checked, reused, processes).")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress lines during a real build.")
@click.option("--update-measurements", is_flag=True,
              help="With --build: write the measured image facts to the `measurements` file.")
def check(paths, fmt, config_file, select, ignore, enable, fail_on, root, output, build, cache, jobs,
          verbose, quiet, update_measurements) -> None:
    """Check PATHS: Markdown files, folders (searched recursively) and Dockerfiles."""
    try:
        with signals_raise():
            _check(paths, fmt, config_file, select, ignore, enable, fail_on, root, output, build, cache, jobs,
                   verbose, quiet, update_measurements)
    except KeyboardInterrupt:
        stopped(signal.SIGINT)
    except Terminated:
        stopped(signal.SIGTERM)


def stopped(signum: int) -> None:
    """A signal stopped the run; what it made has been removed on the way out."""
    click.echo(f"snipcheck: stopped by {signal.Signals(signum).name}; removed the containers, images and "
               "temporary folders this run made", err=True)
    sys.exit(EXIT_CODES[signum])


def _check(paths, fmt, config_file, select, ignore, enable, fail_on, root, output, build, cache, jobs,
           verbose, quiet, update_measurements) -> None:
    engine_error: type[Exception] = _NoEngine
    try:
        project = Path(root) if root else find_project_root(Path.cwd())
        config = project_config(project)
        if config_file:
            config = config.with_values(config_mod.load_file(config_file), config_file)
        config = config_mod.from_environment(config)
        flags = {k: v for k, v in dict(select=select, ignore=ignore, enable=enable, fail_on=fail_on).items() if v}
        optional = dict(build=build, cache=cache, jobs=jobs, quiet=quiet or None)
        flags.update({k: v for k, v in optional.items() if v is not None})
        config = config.with_values(flags, "command line")
        if output and not Path(output).resolve().parent.is_dir():
            raise InputError(f"-o {output}: the folder {Path(output).parent} does not exist")
        report, stats = check_paths_with_stats(list(paths), project or Path.cwd(), config)
        for note in report.notes:
            click.echo(f"snipcheck: note: {terminal(note)}", err=True)
        if verbose:
            click.echo(f"snipcheck: {len(report.results)} snippet(s): {stats.checked} checked in {stats.workers} "
                       f"process(es), {stats.reused} reused from the cache", err=True)
        if config.build:
            from .builder.model import EngineError
            from .builder.progress import for_terminal
            from .run import build_examples

            engine_error = EngineError
            progress = for_terminal(sys.stderr, quiet=config.quiet)
            report, built = build_examples(report, project or Path.cwd(), progress=progress)
            click.echo(terminal(built, one_line=False), err=True)
        report = _with_measurements(report, list(paths), project or Path.cwd(), update_measurements)
    except (ConfigError, InputError, engine_error, FileNotFoundError, MeasurementsError) as exc:
        fail(str(exc))
    rendered = FORMATS[fmt](report)
    if output:
        try:
            Path(output).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            fail(f"-o {output}: cannot write the report: {exc.strerror}")
    else:
        click.echo(rendered, nl=False)
    sys.exit(0 if report.ok else 1)


def fail(message: str) -> None:
    """Exit 2 with a one-line message (usage or input error)."""
    click.echo(f"snipcheck: error: {terminal(message)}", err=True)
    sys.exit(2)


def _with_measurements(report, paths: list[str], root: Path, update: bool):
    """Numbers declared as measured in the Markdown paths, checked (DG016) against the measurements
    (this run's, if it built); with `update`, the fresh measurements are written to their file."""
    from . import measured
    from .run import current_measurements, markdown_pages, measurements_path, with_claims

    pages = markdown_pages(paths, root)
    if not pages and not (update and report.builds):
        return report
    data = current_measurements(report, root)
    if update and report.builds:
        target = measurements_path(root, report.config)
        measured.save(target, data)
        click.echo(f"measurements written to {target}", err=True)
    return with_claims(report, pages, data, RuleSet(report.config))


@main.command("rules")
def list_rules() -> None:
    """List every rule: ID, name, severity, aliases and summary."""
    for rule in RuleSet(Config()).all:
        state = "" if rule.default_enabled else " (off by default)"
        aliases = f" [{', '.join(rule.aliases)}]" if rule.aliases else ""
        click.echo(f"{rule.id}  {rule.name:<36} {str(rule.severity):<8}{aliases} {rule.summary}{state}")


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Print the documentation of one rule (by ID, name or peer alias)."""
    ruleset = RuleSet(Config())
    ids = ruleset.ids_for_codes([code])
    if not ids:
        click.echo(f"snipcheck: error: unknown rule {code!r} (see `snipcheck rules`)", err=True)
        sys.exit(2)
    for rule_id in ids:
        rule = ruleset.get(rule_id)
        click.echo(f"# {rule.id} {rule.name}\n")
        click.echo(f"Severity: {rule.severity}. Aliases: {', '.join(rule.aliases) or 'none'}.\n")
        click.echo(rule.summary + "\n")
        click.echo(rule.doc)


from .images_cli import images  # noqa: E402  (the `images` group lives in its own module)

main.add_command(images)

if __name__ == "__main__":
    main()
