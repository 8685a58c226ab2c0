"""The pipeline's layout: stages import only downward, and no import cycle."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "edition"
# Lowest first: a module may import its own layer and the layers below it, never above.
LAYERS = (
    ("model", "problems", "dates", "paths", "csl", "cite", "i18n", "doc", "wording", "kinds",
     "signals", "forked", "whole"),  # shared
    ("load",), ("place",), ("views",), ("pages",), ("export",), ("publish",),
    ("build", "hooks", "cli", "__main__"),
)


def _modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
            or "__init__": p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """The edition modules `name` imports, resolved to their dotted names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", "") == "TYPE_CHECKING"
                   for n in ast.walk(block)}  # imports for type hints: no import at run time
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").startswith("edition"):
                target = node.module.removeprefix("edition").lstrip(".")
            else:
                continue
            found.add(target)
            found.update(f"{target}.{alias.name}".lstrip(".") for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("edition.") for a in node.names
                         if a.name.startswith("edition."))
    modules = _modules()
    return {target for target in found if target in modules and target != name}


def _layer(name: str) -> int:
    top = name.split(".")[0]
    return next(i for i, layer in enumerate(LAYERS) if top in layer)


def test_every_module_belongs_to_a_layer():
    unplaced = [name for name in _modules() if name != "__init__" and not any(
        name.split(".")[0] in layer for layer in LAYERS)]
    assert unplaced == []


def test_imports_point_only_downward():
    upward = [f"{name} imports {target}" for name, path in _modules().items()
              if name != "__init__" for target in _imports(name, path)
              if _layer(target) > _layer(name)]
    assert upward == []


def test_there_is_no_import_cycle():
    graph = {name: _imports(name, path) for name, path in _modules().items()}
    # A package's __init__ re-exporting its modules is not a cycle with them.
    graph = {name: {t for t in targets if not name.startswith(t + ".")}
             for name, targets in graph.items()}
    state: dict[str, str] = {}
    cycles = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append(" -> ".join(trail[trail.index(target):] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[name] = "done"

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert cycles == []
