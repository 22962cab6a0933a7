"""The rule registry: one explicit, ordered list, and the RuleSet a configuration selects from it.

Every rule is known from rules/catalog.py; a rule's module is imported the first time the rule
runs. So a run imports only the rules that may fire on its snippets, and a run whose results all
come from the check cache imports none.
"""

from __future__ import annotations

from functools import cached_property
from .config import Config, ConfigError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from .rulekit import Rule


class RuleSet:
    """The rules that run, plus lookups by ID or peer alias over every known rule."""

    def __init__(self, config: Config = Config(), all_rules: tuple[Rule, ...] | None = None) -> None:
        self._given = all_rules
        self._config = config
        self._gate_index: dict = {}  # fragment -> (rules, ungated positions, word -> positions)
        self._runnable: dict = {}  # (fragment, gate words present) -> the configured rules that may fire
        for code in (*config.select, *config.ignore, *config.enable, *config.severity):
            if not self.known(code):
                raise ConfigError(f"unknown rule {code!r} in configuration")

    @cached_property
    def all(self) -> tuple[Rule, ...]:
        if self._given is not None:
            return self._given
        from .rules.catalog import RULES  # declarations only: a rule's module is imported when it runs

        return RULES

    def load_all(self) -> None:
        """Import every rule's module and compile the patterns compiled on first use (patterns.py)
        now: before forking workers, or to time checking without start-up."""
        from .patterns import compile_declared

        for rule in self.all:
            rule.loaded()
        compile_declared()

    @cached_property
    def _by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.all}

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The rules this configuration runs, in registry order."""
        config = self._config
        selected = set(self.ids_for_codes(config.select)) if config.select else None
        ignored = set(self.ids_for_codes(config.ignore))
        enabled = set(self.ids_for_codes(config.enable))
        return tuple(
            r for r in self.all
            if r.id not in ignored
            and (r.default_enabled or r.id in enabled or (selected is not None and r.id in selected))
            and (selected is None or r.id in selected or r.id.startswith("DG00"))
        )

    def rules_for(self, expected: tuple[str, ...] = ()) -> tuple[Rule, ...]:
        """The rules to run on one snippet: a fence that expects a rule switches it on there."""
        if not expected:
            return self.rules
        extra = [self._by_id[i] for i in expected if i in self._by_id and i not in self._running_ids]
        return self.rules + tuple(extra)

    @cached_property
    def _gate_words(self) -> tuple[str, ...]:
        return tuple(sorted({word for rule in self.all for word in rule.requires}))

    def gate_words_in(self, lowered_text: str) -> frozenset[str]:
        """The `requires=` words of any rule that occur in `lowered_text` (see rulekit.gate_text)."""
        return frozenset([word for word in self._gate_words if word in lowered_text])

    def runnable(self, expected: tuple[str, ...], present: frozenset[str], fragment: bool) -> list[Rule]:
        """The rules of `rules_for(expected)` that may run on a snippet holding the gate words `present`
        (Rule.may_fire_on: and that check instructions at all), and on a fragment only those that
        apply to fragments; in registry order.

        The configured rules are looked up in an index from word to rules rather than by asking each
        of a hundred rules; the few a fence switches on by expecting them are asked themselves."""
        configured = self._runnable.get((fragment, present))
        if configured is None:  # snippets often hold the same gate words: each set is looked up once
            configured = self._runnable[fragment, present] = self._configured_runnable(present, fragment)
        runnable = list(configured)  # a copy: the stored tuple is shared by the snippets with these words
        for r in self.rules_for(expected)[len(self.rules):]:  # switched on by the fence, after the configured
            if (r.fragment_ok or not fragment) and r.may_fire_on(present):
                runnable.append(r)
        return runnable

    def _configured_runnable(self, present: frozenset[str], fragment: bool) -> tuple[Rule, ...]:
        index = self._gate_index.get(fragment)
        if index is None:
            rules = [r for r in self.rules if (r.fragment_ok or not fragment) and r.checks_instructions]
            by_word: dict[str, list[int]] = {}
            for n, rule in enumerate(rules):
                for word in rule.requires:
                    by_word.setdefault(word, []).append(n)
            index = self._gate_index[fragment] = (rules, [n for n, r in enumerate(rules) if not r.requires], by_word)
        rules, ungated, by_word = index
        positions = set(ungated)
        for word in present:
            positions.update(by_word.get(word, ()))
        return tuple([rules[n] for n in sorted(positions)])

    @cached_property
    def _running_ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)

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

    def __contains__(self, rule_id: str) -> bool:
        """`"DG101" in ruleset`: a known rule ID (the rules are imported only when first asked)."""
        return rule_id in self.ids

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
