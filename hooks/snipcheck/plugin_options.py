"""The MkDocs plugin's typed options, derived from the `Config` dataclass (one schema).

Every field of `snipcheck.config.Config` becomes a MkDocs `config_options` entry of the matching
type, so a new setting added there appears under `plugins: - snipcheck:` without more code.
"""

from __future__ import annotations

import typing
from .records import fields
from typing import Literal

from mkdocs.config import base
from mkdocs.config import config_options as c

from .config import Config, field_default, field_types
from .severity import Severity

SEVERITIES = tuple(str(s) for s in Severity)


def option_for(hint, default) -> c.BaseConfigOption:
    """The MkDocs config option that validates one Config field's type."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is bool:
        return c.Type(bool, default=default)
    if hint is int:
        return c.Type(int, default=default)
    if hint is float:
        return c.Type((int, float), default=default)
    if hint is str:
        return c.Type(str, default=default)
    if isinstance(hint, type) and issubclass(hint, Severity):
        return c.Choice(SEVERITIES, default=str(default))
    if origin is Literal:
        return c.Choice(args, default=default)
    if origin is tuple:
        return c.ListOfItems(c.Type(str), default=list(default))
    if origin is dict and args[1] is Severity:
        return c.DictOfItems(c.Choice(SEVERITIES), default=dict(default))
    if origin is dict and args[1] is str:
        return c.DictOfItems(c.Type(str), default=dict(default))
    raise TypeError(f"snipcheck: no MkDocs option type for Config field of type {hint!r}")


def plugin_config_class() -> type[base.Config]:
    """A `mkdocs.config.base.Config` subclass with one option per Config field."""
    hints = field_types()
    options = {f.name: option_for(hints[f.name], field_default(f)) for f in fields(Config)}
    return type("SnipcheckPluginConfig", (base.Config,), options)


PluginConfig = plugin_config_class()
