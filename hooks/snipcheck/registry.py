"""The rule registry: one explicit, ordered list, and the RuleSet a configuration selects from it."""

from __future__ import annotations

from functools import cached_property

from .config import Config, ConfigError
from .rulekit import Rule
from .rules import ALL_RULES


class RuleSet:
    """The rules that run, plus lookups by ID or peer alias over every known rule."""

    def __init__(self, config: Config = Config(), all_rules: tuple[Rule, ...] = ALL_RULES) -> None:
        self.all = all_rules
        self._by_id = {r.id: r for r in all_rules}
        for code in (*config.select, *config.ignore, *config.enable, *config.severity):
            if not self.known(code):
                raise ConfigError(f"unknown rule {code!r} in configuration")
        selected = set(self.ids_for_codes(config.select)) if config.select else None
        ignored = set(self.ids_for_codes(config.ignore))
        enabled = set(self.ids_for_codes(config.enable))
        self.rules = tuple(
            r for r in all_rules
            if r.id not in ignored
            and (r.default_enabled or r.id in enabled or (selected is not None and r.id in selected))
            and (selected is None or r.id in selected or r.id.startswith("DG00"))
        )

    def rules_for(self, expected: tuple[str, ...] = ()) -> tuple[Rule, ...]:
        """The rules to run on one snippet: a fence that expects a rule switches it on there."""
        extra = [self._by_id[i] for i in expected if i in self._by_id and self._by_id[i] not in self.rules]
        return self.rules + tuple(extra)

    @cached_property
    def _alias_map(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for r in self.all:
            for code in (r.id, r.name, *r.aliases):
                out.setdefault(code.lower(), set()).add(r.id)
        return out

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(self._by_id)

    def get(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    def name_of(self, rule_id: str) -> str:
        rule = self._by_id.get(rule_id)
        return rule.name if rule else "unknown rule"

    def known(self, code: str) -> bool:
        return code.lower() == "all" or code.lower() in self._alias_map

    def ids_for_codes(self, codes) -> list[str]:
        out = []
        for code in codes:
            out.extend(sorted(self._alias_map.get(code.lower(), ())))
        return out

    def matches(self, code: str, rule_id: str) -> bool:
        """Does a code written by a user (ID, name, alias or 'all') mean rule `rule_id`?"""
        return code.lower() == "all" or rule_id in self._alias_map.get(code.lower(), ())
