"""Value classes for the checker: the part of the standard `dataclasses` module it uses, made cheap
to start.

`snipcheck check Dockerfile` is run once per commit by pre-commit hooks, so its start-up is part of
every check. In Python 3.11 the standard decorator compiles about six methods per class with `exec`
and its module imports `inspect` (with `ast`, `dis` and `tokenize`), for classes most runs never
compare or print. With this module and a few smaller import trims, one 12-line file checked with
the cache off went from 222 to 154 ms (median of 21 interleaved runs, 2026-11-30). This module gives
the same classes (same `__init__` signature and defaults, the same equality, hashing, ordering,
freezing and `repr`) for the features the checker uses. It writes the same `__init__`, `__eq__`,
`__hash__` and orderings, but makes each only when it is first called, from written_methods.py
where that holds it already compiled; `repr` is one shared function over the fields.

Supported: `@dataclass`, `@dataclass(frozen=True, order=True, eq=False)`, `field(default=,
default_factory=, repr=, compare=)`, `fields`, `replace`, `asdict`, `MISSING`, fields inherited from
a decorated base, `__post_init__`, `ClassVar` annotations (not fields) and methods the class defines
itself (kept, as the standard decorator keeps them). Not supported, and refused where it would
silently differ: `init=False` fields, keyword-only fields, `InitVar`, `slots`.
"""

from __future__ import annotations

__all__ = ["MISSING", "Field", "FrozenInstanceError", "asdict", "cached_property", "dataclass", "field", "fields",
           "replace"]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen instance (an AttributeError, as in the standard module)."""


class Field:
    """One field: its name, annotation (a string under `from __future__ import annotations`) and
    default or default factory."""

    __slots__ = ("name", "type", "default", "default_factory", "repr", "compare")

    def __init__(self, default=MISSING, default_factory=MISSING, repr: bool = True, compare: bool = True):
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.type: object = None
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, type={self.type!r}, default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, repr: bool = True, compare: bool = True) -> Field:
    return Field(default, default_factory, repr, compare)


_FIELDS = "__record_fields__"


def fields(class_or_instance) -> tuple[Field, ...]:
    try:
        return tuple(getattr(class_or_instance, _FIELDS).values())
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None


def replace(obj, /, **changes):
    """A copy of `obj` with `changes`: every other field keeps its value."""
    for name in getattr(obj, _FIELDS):
        if name not in changes:
            changes[name] = getattr(obj, name)
    return obj.__class__(**changes)


def asdict(obj) -> dict:
    """`obj`'s fields as a dict, recursing into records, lists, tuples and dicts (as the standard
    `asdict` does; other values are deep-copied)."""
    if not hasattr(type(obj), _FIELDS):
        raise TypeError("asdict() should be called on dataclass instances")
    return _as_plain(obj)


def _as_plain(value):
    if hasattr(type(value), _FIELDS):
        return {name: _as_plain(getattr(value, name)) for name in getattr(value, _FIELDS)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*[_as_plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return type(value)(_as_plain(v) for v in value)
    if isinstance(value, dict):
        return type(value)((_as_plain(k), _as_plain(v)) for k, v in value.items())
    import copy

    return copy.deepcopy(value)


def dataclass(cls=None, /, *, frozen: bool = False, eq: bool = True, order: bool = False):
    """Make `cls` a value class from its annotated fields (see the module's docstring)."""
    def wrap(cls):
        return _process(cls, frozen, eq, order)

    return wrap if cls is None else wrap(cls)


def _is_class_var(annotation) -> bool:
    return isinstance(annotation, str) and annotation.startswith(("ClassVar", "typing.ClassVar"))


def _own_fields(cls) -> list[Field]:
    own = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        if isinstance(annotation, str) and annotation.startswith(("InitVar", "dataclasses.InitVar", "KW_ONLY")):
            raise TypeError(f"{cls.__qualname__}.{name}: InitVar and KW_ONLY are not supported here")
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else Field(default)
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f"{cls.__qualname__}.{name}: mutable default {type(f.default).__name__} is not "
                             f"allowed: use default_factory")
        f.name, f.type = name, annotation
        if f.default is MISSING:
            if name in cls.__dict__:
                delattr(cls, name)  # a field(...) without a default leaves no class attribute
        else:
            setattr(cls, name, f.default)
        own.append(f)
    return own


def _process(cls, frozen: bool, eq: bool, order: bool):
    # A hash the body set itself is kept, but not the None Python gives a body that defines __eq__ alone
    # (looked at before this decorator adds an __eq__ of its own).
    own_hash = cls.__dict__.get("__hash__", MISSING)
    keeps_own_hash = own_hash is not MISSING and not (own_hash is None and "__eq__" in cls.__dict__)
    all_fields: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        all_fields.update(getattr(base, _FIELDS, {}) if _FIELDS in base.__dict__ else {})
    for f in _own_fields(cls):
        all_fields[f.name] = f
    seen_default = False
    for f in all_fields.values():
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        seen_default = seen_default or has_default
    setattr(cls, _FIELDS, all_fields)
    names = tuple(all_fields)
    compared = tuple(f.name for f in all_fields.values() if f.compare)
    shown = tuple(f.name for f in all_fields.values() if f.repr)

    def define(name: str, value) -> None:
        if name not in cls.__dict__:
            setattr(cls, name, value)

    define("__init__", _compiled_on_first_use(cls, "__init__", lambda: _init_source(cls, all_fields, frozen)))
    define("__repr__", _repr(shown))
    define("__match_args__", names)
    if eq:
        define("__eq__", _compiled_on_first_use(cls, "__eq__", lambda: _comparison_source("__eq__", "==", compared)))
        if not keeps_own_hash:
            cls.__hash__ = _compiled_on_first_use(cls, "__hash__", lambda: _hash_source(compared)) if frozen else None
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if name in cls.__dict__:
                raise TypeError(f"cannot overwrite attribute {name} in class {cls.__name__}")
            source = lambda name=name, op=op: _comparison_source(name, op, compared)  # noqa: E731
            setattr(cls, name, _compiled_on_first_use(cls, name, source))
    if frozen:
        for name, method in _frozen_methods(cls, frozenset(names)).items():
            if name in cls.__dict__:
                raise TypeError(f"cannot overwrite attribute {name} in class {cls.__name__}")
            setattr(cls, name, method)
    return cls


class cached_property:
    """`functools.cached_property` without its lock: in CPython 3.11 it takes an RLock on every
    first read (3.12 dropped it), and the checker makes a first read of such a property on every
    parsed Dockerfile and shell command. The value is kept in the instance's `__dict__`, which
    later reads find before this (non-data) descriptor, as with the standard one."""

    def __init__(self, func) -> None:
        self.func = func
        self.attrname: str | None = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


def _repr(names: tuple[str, ...]):
    def __repr__(self):
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"
    return __repr__


def _frozen_methods(cls, names: frozenset[str]) -> dict:
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return {"__setattr__": __setattr__, "__delattr__": __delattr__}


def _compiled_on_first_use(cls, name: str, source):
    """A stand-in method that makes the real one from `source()` (text, names it uses), installs it
    on `cls` and calls it: a method no run calls costs nothing. The real methods are the ones the
    standard decorator writes, so they cost the same per call. Most come written out in
    written_methods.py (compiling the text would cost as much as the rest of a small run's start-up);
    a method whose text is not there, or differs, is compiled here."""
    def stand_in(self, *args, **kwargs):
        text, scope = source()
        written = _written_out(f"{cls.__module__}.{cls.__qualname__}.{name}", text)
        if written is None:
            exec(text, scope)
            real = scope[name]
        else:
            real = written(**scope)
        real.__qualname__ = f"{cls.__qualname__}.{name}"
        real.record_source = source
        setattr(cls, name, real)
        return real(self, *args, **kwargs)

    stand_in.__name__, stand_in.__qualname__ = name, f"{cls.__qualname__}.{name}"
    stand_in.record_source = source  # what tools/record_methods.py writes out
    return stand_in


def _written_out(key: str, text: str):
    """The maker of method `key` (module.Class.method) from written_methods.py, if it was written
    from `text`."""
    from .written_methods import WRITTEN

    maker, written_from = WRITTEN.get(key, (None, None))
    return maker if written_from == text else None


def _fields_tuple(owner: str, names: tuple[str, ...]) -> str:
    return "(" + "".join(f"{owner}.{name}," for name in names) + ")"


def _comparison_source(name: str, op: str, names: tuple[str, ...]) -> tuple[str, dict]:
    return (f"def {name}(self, other):\n"
            f"    if other.__class__ is self.__class__:\n"
            f"        return {_fields_tuple('self', names)} {op} {_fields_tuple('other', names)}\n"
            f"    return NotImplemented\n", {})


def _hash_source(names: tuple[str, ...]) -> tuple[str, dict]:
    return f"def __hash__(self):\n    return hash({_fields_tuple('self', names)})\n", {}


def _init_source(cls, all_fields: dict[str, Field], frozen: bool) -> tuple[str, dict]:
    """The `__init__` the standard decorator writes, but for a frozen class: the standard one sets each
    field with `object.__setattr__` (a slot wrapper, about 0.3 us a call in CPython 3.11: eleven for
    every parsed instruction); this one gives the instance its whole `__dict__` in one such call.
    Attribute reads then cost about 1 ns more (a dict instead of CPython's inline values; storing
    fields one by one with `self.__dict__[name] = value` would make them three times as slow)."""
    scope: dict = {"_MISSING_": MISSING, "_setattr_": object.__setattr__}
    params, values = [], []
    for n, f in enumerate(all_fields.values()):
        if f.default_factory is not MISSING:
            scope[f"_factory_{n}_"] = f.default_factory
            params.append(f"{f.name}=_MISSING_")
            values.append((f.name, f"_factory_{n}_() if {f.name} is _MISSING_ else {f.name}"))
        else:
            if f.default is not MISSING:
                scope[f"_default_{n}_"] = f.default
                params.append(f"{f.name}=_default_{n}_")
            else:
                params.append(f.name)
            values.append((f.name, f.name))
    if frozen:
        body = ["    _setattr_(self, '__dict__', {" + ", ".join(f"{name!r}: {value}" for name, value in values) + "})"]
    else:
        body = [f"    self.{name} = {value}" for name, value in values]
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    return f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass") + "\n", scope
