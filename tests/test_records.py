"""snipcheck.records against the standard dataclasses module: the same class body decorated by each
must behave alike wherever the checker relies on it."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from typing import ClassVar

import pytest

from snipcheck import records


def make(module, body: str, **options):
    """The class `body` defines (named C), decorated by `module`'s dataclass."""
    scope = {"dataclass": module.dataclass, "field": module.field}
    exec(f"@dataclass(**options)\n{body}", {**scope, "options": options}, scope)
    return scope["C"]


def both(body: str, **options):
    """The class `body` defines, decorated by the standard module and by records."""
    return [make(module, body, **options) for module in (dataclasses, records)]


POINT = """
class C:
    name: str
    line: int = 0
    tags: tuple = ()
    notes: frozenset = field(default_factory=frozenset)
    hidden: str = field(default="", repr=False, compare=False)
"""


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"frozen": True, "order": True}, {"eq": False}])
def test_construction_equality_hash_repr_and_order_match_the_standard_module(options):
    std, ours = both(POINT, **options)
    argument_sets = [(("a",), {}), (("a", 3), {"tags": ("x",)}), ((), {"name": "b", "hidden": "h"}),
                     (("a", 3, ("x",), frozenset("n"), "h"), {})]
    made = [(std(*a, **k), ours(*a, **k)) for a, k in argument_sets]
    for s, o in made:
        assert repr(s).replace("test_records.", "") == repr(o).replace("test_records.", "")
        assert [getattr(s, f.name) for f in dataclasses.fields(s)] == [getattr(o, f.name) for f in records.fields(o)]
    for (s1, o1) in made:
        for (s2, o2) in made:
            assert (s1 == s2) == (o1 == o2)
            if options.get("order"):
                assert (s1 < s2, s1 <= s2, s1 > s2, s1 >= s2) == (o1 < o2, o1 <= o2, o1 > o2, o1 >= o2)
    assert (std.__hash__ is None) == (ours.__hash__ is None)
    if std.__hash__ is not None and options.get("frozen"):
        assert [hash(s) for s, _ in made] == [hash(o) for _, o in made]
    assert std.__match_args__ == ours.__match_args__


def test_the_same_argument_errors():
    std, ours = both(POINT, frozen=True)
    for args, kwargs in [((), {}), (("a", 1, (), [], "", "extra"), {}), (("a",), {"nope": 1}), (("a",), {"name": "b"})]:
        with pytest.raises(TypeError) as s:
            std(*args, **kwargs)
        with pytest.raises(TypeError) as o:
            ours(*args, **kwargs)
        assert str(s.value).split("()", 1)[-1] == str(o.value).split("()", 1)[-1]


def test_frozen_instances_refuse_assignment_as_an_attribute_error():
    _, ours = both(POINT, frozen=True)
    value = ours("a")
    with pytest.raises(AttributeError, match="cannot assign to field 'name'"):
        value.name = "b"
    with pytest.raises(records.FrozenInstanceError):
        del value.line
    mutable = make(records, "class C:\n    name: str\n    notes: list = field(default_factory=list)\n")
    first, second = mutable("a"), mutable("b")
    first.name = "c"
    first.notes.append(1)
    assert (first.name, first.notes, second.notes) == ("c", [1], [])


def test_replace_fields_and_asdict():
    std, ours = both(POINT, frozen=True)
    s, o = std("a", 2, (std("inner"),)), ours("a", 2, (ours("inner"),))
    assert repr(dataclasses.replace(s, line=5)).replace("test_records.", "") == \
        repr(records.replace(o, line=5)).replace("test_records.", "")
    assert records.replace(o, line=5).tags == (ours("inner"),)
    assert [(f.name, f.type, f.default) for f in dataclasses.fields(std)] == \
        [(f.name, f.type, f.default if f.default is not records.MISSING else dataclasses.MISSING)
         for f in records.fields(ours)]
    assert dataclasses.asdict(s) == records.asdict(o)
    with pytest.raises(TypeError):
        records.replace(o, nope=1)
    with pytest.raises(TypeError):
        records.fields(object())
    with pytest.raises(TypeError):
        records.asdict({"a": 1})


def test_methods_the_class_defines_are_kept_and_post_init_runs():
    body = '''
class C:
    a: int
    b: int = 1
    def __post_init__(self):
        object.__setattr__(self, "total", self.a + self.b)
    def __repr__(self):
        return "mine"
    __hash__ = lambda self: 7
'''
    for cls in both(body, frozen=True):
        value = cls(2)
        assert (value.total, repr(value), hash(value)) == (3, "mine", 7)


def test_hash_rules_follow_the_standard_module():
    """A body's own `__hash__ = None` is kept (unhashable); a body that defines only `__eq__` gets the
    generated hash when frozen; an explicit hash is kept."""
    bodies = {"none": "class C:\n    a: int\n    __hash__ = None\n",
              "eq only": "class C:\n    a: int\n    def __eq__(self, other):\n        return True\n",
              "plain": "class C:\n    a: int\n"}
    for label, body in bodies.items():
        for options in ({}, {"frozen": True}):
            std, ours = both(body, **options)
            assert (std.__hash__ is None) == (ours.__hash__ is None), (label, options)
            if std.__hash__ is not None:
                assert hash(std(1)) == hash(ours(1)), (label, options)


def test_inherited_fields_come_first():
    for module in (dataclasses, records):
        @module.dataclass(frozen=True)
        class Base:
            a: int
            b: int = 1

        @module.dataclass(frozen=True)
        class Child(Base):
            c: int = 2

        assert [f.name for f in module.fields(Child)] == ["a", "b", "c"]
        assert (Child(5).a, Child(5).c, Child(5, 6, 7).b) == (5, 2, 6)
        assert Child(5) != Base(5)


def test_definition_errors_match():
    for body in ("class C:\n    a: int = 1\n    b: int\n", "class C:\n    a: list = []\n"):
        errors = []
        for module in (dataclasses, records):
            with pytest.raises((TypeError, ValueError)) as raised:
                make(module, body)
            errors.append(type(raised.value))
        assert errors[0] is errors[1]


def test_class_variables_are_not_fields():
    @records.dataclass(frozen=True)
    class C:
        kinds: ClassVar[tuple] = ("x",)
        a: int = 0

    assert [f.name for f in records.fields(C)] == ["a"] and C.kinds == ("x",)


def test_instances_survive_pickling_across_processes():
    """The process pool sends snippets and results through pickle; hashes must be recomputed there."""
    from snipcheck.model import Flag
    from snipcheck.snippets import Location

    values = [Location("docs/a.md", 3), Flag("from", "build")]
    again = pickle.loads(pickle.dumps(values))
    assert again == values and [hash(v) for v in again] == [hash(v) for v in values]
    code = ("import pickle, sys; v = pickle.loads(sys.stdin.buffer.read()); "
            "print(v[0].line, v[1].value, v[0] == v[0].__class__('docs/a.md', 3))")
    out = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(values), capture_output=True, check=True)
    assert out.stdout.split() == [b"3", b"build", b"True"]


def test_the_checker_no_longer_imports_the_standard_module():
    code = ("import sys; from snipcheck.checker import check_text; from snipcheck.registry import RuleSet; "
            "from snipcheck.config import Config; check_text('FROM alpine:3.20\\nRUN true\\n', RuleSet(Config())); "
            "print('dataclasses' in sys.modules, 'inspect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_cached_property_computes_once_and_keeps_the_value_on_the_instance():
    calls = []

    @records.dataclass(frozen=True)
    class C:
        a: int

        @records.cached_property
        def double(self) -> int:
            """Twice a."""
            calls.append(self.a)
            return 2 * self.a

    value = C(2)
    assert (value.double, value.double, calls) == (4, 4, [2])
    assert vars(value)["double"] == 4 and C(2) == value  # not a field: equality and repr ignore it
    assert isinstance(C.double, records.cached_property) and C.double.__doc__ == "Twice a."
