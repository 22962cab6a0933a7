"""`snipcheck`: check Markdown pages, folders and Dockerfiles from the command line.

Exit codes: 0 nothing unexpected, 1 unexpected findings, 2 usage or input errors, 130 stopped by
SIGINT and 143 stopped by SIGTERM (after removing what the run made).
Imports stay lazy (formatters, builder, Markdown, rules) and the command line is read with
argparse, not click (a third of the start-up time of `snipcheck check Dockerfile`): the command
loads only what it needs, and nothing of MkDocs.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from pathlib import Path

from . import config as config_mod
from .collect import InputError
from .config import Config, ConfigError
from .escape import terminal
from .measured import MeasurementsError
from .registry import RuleSet
from .run import check_paths_with_stats, find_project_root, project_config
from .signals import EXIT_CODES, Terminated, signals_raise


def echo(text: str = "", err: bool = False, nl: bool = True) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + ("\n" if nl else ""))


def _formatter(name: str):
    """snipcheck.report.<name>.render, imported on first use."""
    def render(report) -> str:
        return importlib.import_module(f".report.{name}", __package__).render(report)
    return render


FORMATS = {name: _formatter(name) for name in ("github", "json", "sarif", "text")}


class _NoEngine(Exception):
    """Stands in for builder.EngineError when no build was asked for (the builder is not imported)."""


def check(args: argparse.Namespace) -> None:
    """Check PATHS: Markdown files, folders (searched recursively) and Dockerfiles."""
    try:
        with signals_raise():
            _check(args.paths, args.fmt, args.config_file, args.select, args.ignore, args.enable, args.fail_on,
                   args.root, args.output, args.build, args.cache, args.jobs, args.verbose, args.quiet or None,
                   args.update_measurements)
    except KeyboardInterrupt:
        stopped(signal.SIGINT)
    except Terminated:
        stopped(signal.SIGTERM)


def stopped(signum: int) -> None:
    """A signal stopped the run; what it made has been removed on the way out."""
    echo(f"snipcheck: stopped by {signal.Signals(signum).name}; removed the containers, images and "
               "temporary folders this run made", err=True)
    sys.exit(EXIT_CODES[signum])


def _check(paths, fmt, config_file, select, ignore, enable, fail_on, root, output, build, cache, jobs,
           verbose, quiet, update_measurements) -> None:
    engine_error: type[Exception] = _NoEngine
    try:
        if root and not Path(root).is_dir():
            raise InputError(f"--root {root}: no such folder")
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
            echo(f"snipcheck: note: {terminal(note)}", err=True)
        if verbose:
            echo(f"snipcheck: {len(report.results)} snippet(s): {stats.checked} checked in {stats.workers} "
                       f"process(es), {stats.reused} reused from the cache", err=True)
        if config.build:
            from .builder.model import EngineError
            from .builder.progress import for_terminal
            from .run import build_examples

            engine_error = EngineError
            progress = for_terminal(sys.stderr, quiet=config.quiet)
            report, built = build_examples(report, project or Path.cwd(), progress=progress)
            echo(terminal(built, one_line=False), err=True)
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
        echo(rendered, nl=False)
    sys.exit(0 if report.ok else 1)


def fail(message: str) -> None:
    """Exit 2 with a one-line message (usage or input error)."""
    echo(f"snipcheck: error: {terminal(message)}", err=True)
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
        echo(f"measurements written to {target}", err=True)
    return with_claims(report, pages, data, RuleSet(report.config))


def list_rules(args: argparse.Namespace) -> None:
    """List every rule: ID, name, severity, aliases and summary."""
    for rule in RuleSet(Config()).all:
        state = "" if rule.default_enabled else " (off by default)"
        aliases = f" [{', '.join(rule.aliases)}]" if rule.aliases else ""
        echo(f"{rule.id}  {rule.name:<36} {str(rule.severity):<8}{aliases} {rule.summary}{state}")


def show_rule(args: argparse.Namespace) -> None:
    """Print the documentation of one rule (by ID, name or peer alias)."""
    ruleset = RuleSet(Config())
    ids = ruleset.ids_for_codes([args.code])
    if not ids:
        echo(f"snipcheck: error: unknown rule {args.code!r} (see `snipcheck rules`)", err=True)
        sys.exit(2)
    for rule_id in ids:
        rule = ruleset.get(rule_id)
        echo(f"# {rule.id} {rule.name}\n")
        echo(f"Severity: {rule.severity}. Aliases: {', '.join(rule.aliases) or 'none'}.\n")
        echo(rule.summary + "\n")
        echo(rule.doc)


# -- the command line ---------------------------------------------------------------------------------

class _Version(argparse.Action):
    """--version, from snipcheck/version.py (importlib.metadata would search every installed package)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from .version import VERSION

        echo(f"snipcheck, version {VERSION}")
        parser.exit()


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is below 0")
    return value


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal width found as shutil finds it but without
    importing shutil (and the three compression modules it loads): argparse makes a formatter for
    every argument it is given, on every run, not only for --help."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS, else the terminal of stdout, else 80."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser laid out by _HelpFormatter; its sub-commands' parsers are of this class too."""

    def __init__(self, *args, formatter_class=_HelpFormatter, **kwargs):
        super().__init__(*args, formatter_class=formatter_class, **kwargs)


IMAGES_HELP = "The base images the examples are built on, and their lock."  # images_cli is loaded only to run it


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line. Given the command about to run, only that command is set up (argparse
    looks up a translation for every help text it is given: milliseconds of start-up)."""
    top = _Parser(prog="snipcheck", description="Check the Dockerfiles in Markdown pages and Dockerfiles.")
    top.add_argument("--version", action=_Version, help="Show the version and exit.")
    commands = top.add_subparsers(title="commands", metavar="COMMAND", required=True)
    table = (("check", check, _check_arguments), ("rules", list_rules, None), ("rule", show_rule, _rule_arguments),
             ("images", None, None))
    if command in {name for name, _, _ in table}:
        table = tuple(entry for entry in table if entry[0] == command)  # the others are only listed in --help
    for name, run, add_arguments in table:
        if run is None:
            if command in (None, name):
                from .images_cli import add_images_commands  # the `images` commands live in their own module

                add_images_commands(commands, IMAGES_HELP)
            else:
                commands.add_parser(name, help=IMAGES_HELP)
            continue
        sub = commands.add_parser(name, help=run.__doc__.splitlines()[0], description=run.__doc__)
        sub.set_defaults(run=run)
        if add_arguments is not None and command in (None, name):
            add_arguments(sub)
    return top


def _check_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("paths", nargs="+", metavar="PATHS")
    sub.add_argument("--format", dest="fmt", choices=sorted(FORMATS), default="text", help="(default: text)")
    sub.add_argument("--config", dest="config_file", metavar="FILE", help="YAML/TOML config or mkdocs.yml.")
    sub.add_argument("--select", help="Comma-separated rule IDs or aliases to run (default: all).")
    sub.add_argument("--ignore", help="Comma-separated rule IDs or aliases not to run.")
    sub.add_argument("--enable", help="Comma-separated rules that are off by default to switch on.")
    sub.add_argument("--fail-on", choices=["info", "warning", "error"], help="Lowest severity that fails.")
    sub.add_argument("--root", metavar="DIR", help="Project root (default: folder of mkdocs.yml); its mkdocs.yml, if any, is read.")
    sub.add_argument("-o", "--output", metavar="FILE", help="Write the report to this file.")
    sub.add_argument("--build", action=argparse.BooleanOptionalAction, default=None,
                     help="Also build complete examples with Docker and run the app's selfcheck in them.")
    sub.add_argument("--cache", action=argparse.BooleanOptionalAction, default=None,
                     help="Reuse results of unchanged snippets from earlier runs (default: on; setting `cache`).")
    sub.add_argument("--jobs", type=_jobs, help="Processes for many snippets (0: one per CPU, 1: serial).")
    sub.add_argument("-v", "--verbose", action="store_true",
                     help="Say on stderr what the run cost (checked, reused, processes).")
    sub.add_argument("-q", "--quiet", action="store_true", help="No progress lines during a real build.")
    sub.add_argument("--update-measurements", action="store_true",
                     help="With --build: write the measured image facts to the `measurements` file.")


def _rule_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("code", metavar="CODE")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if not a.startswith("-")), None)
    args = parser(command).parse_args(argv)
    try:
        args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:  # `snipcheck rules | head`: the reader left; say nothing more
        _stdout_to_devnull()
        sys.exit(1)
    except OSError as exc:  # `> /dev/full`, a full disk: the report did not arrive, and we say so
        _stdout_to_devnull()
        echo(f"snipcheck: error: cannot write to standard output: {exc.strerror or exc}", err=True)
        sys.exit(2)
    sys.exit(0)


def _stdout_to_devnull() -> None:
    """What is left in stdout's buffer goes nowhere, so the exit's own flush cannot fail again."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def console() -> None:
    """The `snipcheck` command: main(), then leave without tearing down the interpreter.

    Freeing a run's modules and objects one by one at exit took about a sixth of `snipcheck check
    Dockerfile`. Everything a run makes is already finished by then (files written and renamed,
    pools shut down, temporary folders removed by their `with`), so once the output is flushed the
    process ends at once. An exception still ends the usual way, with its message.
    """
    import os

    try:
        main()
        code = 0
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            code = stop.code or 0
        else:  # sys.exit("message"): printed, status 1, as Python does
            print(stop.code, file=sys.stderr)
            code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader left before the last of the output
        code = code or 1
    os._exit(code)


if __name__ == "__main__":  # `python -m snipcheck.cli` exits the usual way (atexit handlers run)
    main()
