"""`snipcheck`: check Markdown pages, folders and Dockerfiles from the command line.

Exit codes: 0 nothing unexpected, 1 unexpected findings, 2 usage or input errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import config as config_mod
from .collect import InputError
from .config import Config, ConfigError
from .registry import RuleSet
from .report import github as github_report
from .report import json as json_report
from .report import sarif as sarif_report
from .report import text as text_report
from .builder.model import EngineError
from .builder.progress import for_terminal
from . import measured
from .run import (build_examples, check_paths, current_measurements, find_project_root, markdown_pages,
                  measurements_path, project_config, with_claims)

FORMATS = {"text": text_report.render, "json": json_report.render, "sarif": sarif_report.render,
           "github": github_report.render}


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
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress lines during a real build.")
@click.option("--update-measurements", is_flag=True,
              help="With --build: write the measured image facts to the `measurements` file.")
def check(paths, fmt, config_file, select, ignore, enable, fail_on, root, output, build, quiet,
          update_measurements) -> None:
    """Check PATHS: Markdown files, folders (searched recursively) and Dockerfiles."""
    try:
        project = Path(root) if root else find_project_root(Path.cwd())
        config = project_config(project)
        if config_file:
            config = config.with_values(config_mod.load_file(config_file), config_file)
        config = config_mod.from_environment(config)
        flags = {k: v for k, v in dict(select=select, ignore=ignore, enable=enable, fail_on=fail_on).items() if v}
        if build is not None:
            flags["build"] = build
        if quiet:
            flags["quiet"] = True
        config = config.with_values(flags, "command line")
        report = check_paths(list(paths), project or Path.cwd(), config)
        if config.build:
            progress = for_terminal(sys.stderr, quiet=config.quiet)
            report, built = build_examples(report, project or Path.cwd(), progress=progress)
            click.echo(built, err=True)
        data = current_measurements(report, project or Path.cwd())
        if update_measurements and report.builds:
            target = measurements_path(project or Path.cwd(), config)
            measured.save(target, data)
            click.echo(f"measurements written to {target}", err=True)
        report = with_claims(report, markdown_pages(list(paths), project or Path.cwd()), data, RuleSet(config))
    except (ConfigError, InputError, EngineError, FileNotFoundError, measured.MeasurementsError) as exc:
        click.echo(f"snipcheck: error: {exc}", err=True)
        sys.exit(2)
    rendered = FORMATS[fmt](report)
    if output:
        Path(output).write_text(rendered, encoding="utf-8")
    else:
        click.echo(rendered, nl=False)
    sys.exit(0 if report.ok else 1)


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


if __name__ == "__main__":
    main()
