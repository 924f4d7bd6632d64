"""The layers' import boundaries, read from the source with `ast` (nothing is imported).

- the UI talks to Konnekta only through the core's typed interface, never to `konnekta/` itself;
- everything but the UI and `app.py` runs without Qt (headless, the simulator, the tests);
- `domain/` is the bottom of the house and imports nothing else of the project;
- Konnekta's wire structs (`konnekta/models.py`, `konnekta/events.py`) stay behind the translation
  in `konnekta/`: only `konnekta/`, the simulator and the listener may use them.

Relative imports are resolved against the importing module's package, so `from ...konnekta.models
import Activity` in `ui/settings/page.py` counts as `konnekta_desktop.konnekta.models.Activity`.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "konnekta_desktop"
SOURCE = ROOT / PACKAGE

QT = frozenset({"PySide6", "qasync", "shiboken6"})
QT_FREE_PACKAGES = ("core", "domain", "konnekta", "listener", "remote", "settings", "simulator")
QT_ALLOWED_TOP_LEVEL = frozenset({"app.py"})  # the GUI's entry point; ui/ is Qt by nature
WIRE_STRUCTS = (f"{PACKAGE}.konnekta.models", f"{PACKAGE}.konnekta.events")
WIRE_USERS = ("konnekta", "simulator", "listener")

# -- reading the imports ---------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """One imported name, resolved to an absolute dotted name."""

    file: str  # relative to konnekta_desktop/, e.g. "ui/settings/mappings.py"
    line: int
    target: str  # e.g. "konnekta_desktop.konnekta.models.Activity", or "PySide6.QtCore"
    statement: str  # as written
    runtime: bool  # runs when the module is imported (module level, not under TYPE_CHECKING)

    def reaches(self, module: str) -> bool:
        return self.target == module or self.target.startswith(module + ".")

    @property
    def root(self) -> str:
        return self.target.partition(".")[0]

    def __str__(self) -> str:
        return f"{PACKAGE}/{self.file}:{self.line}: {self.statement}  [{self.target}]"


def module_name(relative: Path) -> str:
    """`core/model.py` -> `konnekta_desktop.core.model`; `core/__init__.py` -> `...core`."""
    parts = [PACKAGE, *relative.with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Collector(ast.NodeVisitor):
    def __init__(self, file: str, module: str, is_package: bool) -> None:
        self.file = file
        self.package = module if is_package else module.rpartition(".")[0]
        self.found: list[Import] = []
        self._functions = 0
        self._type_checking = 0

    def _add(self, node: ast.stmt | ast.expr, target: str) -> None:
        runtime = self._functions == 0 and self._type_checking == 0
        self.found.append(Import(self.file, node.lineno, target, ast.unparse(node), runtime))

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._functions += 1
        self.generic_visit(node)
        self._functions -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        self._type_checking += 1
        for statement in node.body:
            self.visit(statement)
        self._type_checking -= 1
        for statement in node.orelse:
            self.visit(statement)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = self._absolute(node)
        for alias in node.names:
            self._add(node, base if alias.name == "*" else f"{base}.{alias.name}")

    def visit_Call(self, node: ast.Call) -> None:
        # importlib.import_module("x") and __import__("x") with a literal name count too.
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if (
            name in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and not node.args[0].value.startswith(".")
        ):
            self._add(node, node.args[0].value)
        self.generic_visit(node)

    def _absolute(self, node: ast.ImportFrom) -> str:
        if node.level == 0:
            return node.module or ""
        parts = self.package.split(".")
        if node.level - 1 >= len(parts):
            raise AssertionError(
                f"{PACKAGE}/{self.file}:{node.lineno}: {ast.unparse(node)} climbs above the package"
            )
        base = parts[: len(parts) - (node.level - 1)]
        return ".".join([*base, *([node.module] if node.module else [])])


def imports_in(source: str, relative: Path) -> list[Import]:
    """Every import in `source`, read as if it were the file `relative` (under konnekta_desktop/)."""
    collector = _Collector(
        relative.as_posix(), module_name(relative), is_package=relative.name == "__init__.py"
    )
    collector.visit(ast.parse(source, filename=str(relative)))
    return collector.found


def source_files() -> list[Path]:
    return sorted(p.relative_to(SOURCE) for p in SOURCE.rglob("*.py"))


def all_imports() -> dict[Path, list[Import]]:
    return {
        relative: imports_in((SOURCE / relative).read_text(encoding="utf-8"), relative)
        for relative in source_files()
    }


def under(relative: Path, *folders: str) -> bool:
    return len(relative.parts) > 1 and relative.parts[0] in folders


def qt_free(relative: Path) -> bool:
    if len(relative.parts) == 1:
        return relative.name not in QT_ALLOWED_TOP_LEVEL
    return relative.parts[0] in QT_FREE_PACKAGES


def report(rule: str, breaches: Iterable[object]) -> str:
    lines = sorted({str(b) for b in breaches})
    return f"{rule}; {len(lines)} breach(es):\n  " + "\n  ".join(lines)


# -- the rules -------------------------------------------------------------------------------


def ui_imports_of_konnekta() -> list[Import]:
    return [
        found
        for relative, imports in all_imports().items()
        if under(relative, "ui")
        for found in imports
        if found.reaches(f"{PACKAGE}.konnekta")
    ]


def wire_struct_imports_outside_their_users() -> list[Import]:
    return [
        found
        for relative, imports in all_imports().items()
        if not under(relative, *WIRE_USERS)
        for found in imports
        if any(found.reaches(module) for module in WIRE_STRUCTS)
    ]


def test_the_ui_imports_nothing_of_konnekta() -> None:
    breaches = ui_imports_of_konnekta()
    assert not breaches, report("ui/ imports konnekta_desktop.konnekta", breaches)


def test_qt_free_modules_import_no_qt() -> None:
    """core/, domain/, konnekta/, listener/, settings/, simulator/ and the top-level modules but
    app.py import no Qt anywhere, not even inside a function or under TYPE_CHECKING."""
    checked = [relative for relative in source_files() if qt_free(relative)]
    assert len(checked) > 50  # the walk found the tree
    breaches = [
        found
        for relative, imports in all_imports().items()
        if qt_free(relative)
        for found in imports
        if found.root in QT
    ]
    assert not breaches, report("a Qt-free module imports Qt", breaches)


def _project_module(target: str, modules: dict[str, Path]) -> str | None:
    """The project module an import loads: the longest prefix of `target` that is a module."""
    parts = target.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def _loaded_with(module: str, modules: dict[str, Path]) -> Iterator[str]:
    """A module and the packages whose `__init__` runs first when it is imported."""
    parts = module.split(".")
    for end in range(1, len(parts) + 1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            yield candidate


def test_qt_free_modules_do_not_load_qt_through_the_project() -> None:
    """Following the imports that run at import time (module level, not under TYPE_CHECKING),
    no Qt-free module loads Qt through another module of the project (such as one in ui/).
    Imports inside functions are lazy by design (cli.py starts the GUI that way)."""
    imports = all_imports()
    modules = {module_name(relative): relative for relative in imports}
    breaches: list[str] = []
    for start_relative in imports:
        if not qt_free(start_relative):
            continue
        start = module_name(start_relative)
        came_from: dict[str, tuple[str, Import] | None] = {start: None}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for found in imports[modules[current]]:
                if not found.runtime:
                    continue
                if found.root in QT:
                    chain = [str(found)]
                    step = came_from[current]
                    while step is not None:
                        chain.append(str(step[1]))
                        step = came_from[step[0]]
                    breaches.append(f"{start} loads Qt:\n    " + "\n    ".join(reversed(chain)))
                    queue.clear()
                    break
                target = _project_module(found.target, modules)
                if target is None:
                    continue
                for loaded in _loaded_with(target, modules):
                    if loaded not in came_from:
                        came_from[loaded] = (current, found)
                        queue.append(loaded)
    assert not breaches, report("a Qt-free module loads Qt", breaches)


def test_domain_imports_nothing_else_of_the_project() -> None:
    breaches = [
        found
        for relative, imports in all_imports().items()
        if under(relative, "domain")
        for found in imports
        if found.reaches(PACKAGE) and not found.reaches(f"{PACKAGE}.domain")
    ]
    assert not breaches, report("domain/ imports from outside domain/", breaches)


def test_wire_structs_are_used_only_by_konnekta_simulator_and_listener() -> None:
    breaches = wire_struct_imports_outside_their_users()
    assert not breaches, report(
        "konnekta/models.py or konnekta/events.py imported outside konnekta/, simulator/, "
        "listener/",
        breaches,
    )


# -- the reader itself -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "statement", "target"),
    [
        (
            "ui/settings/page.py",
            "from ...konnekta.models import Activity",
            "konnekta.models.Activity",
        ),
        ("ui/main_window.py", "from ..konnekta import translate", "konnekta.translate"),
        ("ui/main_window.py", "from .. import konnekta", "konnekta"),
        ("ui/__init__.py", "from ..konnekta.api import SmgClient", "konnekta.api.SmgClient"),
        ("ui/__init__.py", "from .rows import Row", "ui.rows.Row"),
        ("core/model.py", "from .numbers import NumberPlan", "core.numbers.NumberPlan"),
        ("app.py", "from .konnekta.errors import KonnektaError", "konnekta.errors.KonnektaError"),
        ("ui/x.py", "import konnekta_desktop.konnekta.http", "konnekta.http"),
    ],
)
def test_relative_imports_resolve_to_the_module_they_name(
    relative: str, statement: str, target: str
) -> None:
    (found,) = imports_in(statement, Path(relative))
    assert found.target == f"{PACKAGE}.{target}"
    assert found.statement == statement


def test_the_reader_tells_runtime_imports_from_lazy_and_type_only_ones() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "import PySide6\n"
        "if TYPE_CHECKING:\n"
        "    import qasync\n"
        "else:\n"
        "    import json\n"
        "def later():\n"
        "    from PySide6 import QtCore\n"
        "class Widget:\n"
        "    import shiboken6\n"
        "importlib.import_module('PySide6.QtGui')\n"
    )
    found = {i.target: i.runtime for i in imports_in(source, Path("core/x.py"))}
    assert found == {
        "typing.TYPE_CHECKING": True,
        "PySide6": True,
        "qasync": False,
        "json": True,
        "PySide6.QtCore": False,
        "shiboken6": True,
        "PySide6.QtGui": True,
    }


def test_a_breach_names_the_file_the_line_and_the_import() -> None:
    (found,) = imports_in("x = 1\nfrom ...konnekta.models import Activity\n", Path("ui/a/b.py"))
    assert found.reaches(f"{PACKAGE}.konnekta.models")
    assert str(found) == (
        "konnekta_desktop/ui/a/b.py:2: from ...konnekta.models import Activity"
        "  [konnekta_desktop.konnekta.models.Activity]"
    )
