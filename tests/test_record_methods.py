"""written_methods.py: the methods records.py writes for the package's record classes, written out so
that a run does not compile them. It must hold exactly what records.py would compile now (regenerate
with tools/record_methods.py); a method written from other text is compiled as before."""

from pathlib import Path

from snipcheck import records, written_methods
from snipcheck.recordwriter import package_modules, record_methods, written_methods_text

ROOT = Path(__file__).resolve().parent.parent
WRITTEN_FILE = ROOT / "hooks" / "snipcheck" / "written_methods.py"


def test_the_written_methods_are_what_records_writes_now():
    methods = record_methods(package_modules())
    assert WRITTEN_FILE.read_text(encoding="utf-8") == written_methods_text(methods), \
        "written_methods.py is stale: run `python tools/record_methods.py`"
    assert {key: text for key, (_, text) in written_methods.WRITTEN.items()} == \
        {key: text for key, (text, _) in methods.items()}
    assert "snipcheck.model.Instruction.__init__" in methods and "snipcheck.config.Config.__eq__" in methods


def test_a_record_of_the_package_gets_its_written_method():
    from snipcheck.snippets import Location

    assert Location("a.md", 3) == Location("a.md", 3) != Location("a.md", 4)
    assert Location.__init__.__code__.co_filename == written_methods.__file__
    assert Location.__eq__.__code__.co_filename == written_methods.__file__
    assert Location.__init__.__qualname__ == "Location.__init__"


def test_a_method_written_from_other_text_is_compiled_from_the_text_records_writes(monkeypatch):
    @records.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0

    key = f"{Point.__module__}.{Point.__qualname__}.__init__"
    stale = written_methods.WRITTEN["snipcheck.snippets.Location.__init__"][0]
    monkeypatch.setitem(written_methods.WRITTEN, key, (stale, "def __init__(self, file, line):\n    pass\n"))
    point = Point(1)
    assert (point.x, point.y) == (1, 0)
    assert Point.__init__.__code__.co_filename == "<string>"
    assert Point(2, 3) == Point(2, 3) and hash(Point(2, 3)) == hash(Point(2, 3))


def test_the_text_is_written_out_as_a_maker_of_the_method():
    text = written_methods_text({"m.C.__init__": ("def __init__(self, a=_default_0_):\n    self.a = a\n",
                                                  ("_MISSING_", "_default_0_"))})
    scope: dict = {}
    exec(text, scope)
    maker, written_from = scope["WRITTEN"]["m.C.__init__"]
    assert written_from == "def __init__(self, a=_default_0_):\n    self.a = a\n"

    class C:
        __init__ = maker(_MISSING_=None, _default_0_=5)

    assert C().a == 5 and C(7).a == 7
