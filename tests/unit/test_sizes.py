"""Nothing too big to read in one sitting: no module of the pipeline over 300 lines, no class
over 150. A module that grows past them is split by concern, not squeezed."""
from __future__ import annotations

import ast
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
MODULE_LINES = 300
CLASS_LINES = 150


def _sources() -> list[Path]:
    return sorted(p for p in SCRIPTS.rglob("*.py") if "node_modules" not in p.parts)


def test_no_module_is_over_300_lines():
    long = {p.relative_to(SCRIPTS).as_posix(): n for p in _sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert long == {}


def test_no_class_is_over_150_lines():
    long = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > CLASS_LINES:
                long[f"{path.relative_to(SCRIPTS).as_posix()}:{node.name}"] = (
                    node.end_lineno - node.lineno + 1)
    assert long == {}


def test_the_limits_see_the_pipeline():
    """The walk finds the stages (a wrong root would pass everything)."""
    names = {p.relative_to(SCRIPTS).as_posix() for p in _sources()}
    assert {"edition/build.py", "edition/load/__init__.py", "edition/export/__init__.py"} <= names
