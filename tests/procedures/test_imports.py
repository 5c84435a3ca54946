"""The import graph of ``buergerportal``: the base app imports no feature app, and the apps of the
application lifecycle do not import each other in a circle.

Built with ``ast`` over ``src/``: module-level and function-level imports alike (an import
inside a function is still a dependency, only a later one).
"""

from __future__ import annotations

import ast
from pathlib import Path

import buergerportal

SRC = Path(buergerportal.__file__).resolve().parent
LIFECYCLE_APPS = {"procedures", "applications", "cases", "documents", "notifications"}

# The kernel owns the application's models (procedures/models.py, tables kept under their
# first apps' labels) and reads answers through a reader the form engine registers: no app
# is on an import cycle, and none may be.


def _module_name(path: Path) -> str:
    parts = ["buergerportal", *path.relative_to(SRC).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every ``buergerportal.*`` module the file imports, at any depth of the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("buergerportal.")}


def _app(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2:
        return ""
    if parts[1] == "services" and len(parts) > 2:
        return f"services.{parts[2]}"
    return parts[1]


def module_graph() -> dict[str, set[str]]:
    return {
        _module_name(path): _imports(path)
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
    }


def app_edges() -> set[tuple[str, str]]:
    edges = set()
    for module, imported in module_graph().items():
        for name in imported:
            source, target = _app(module), _app(name)
            if source and target and source != target:
                edges.add((source, target))
    return edges


def _cycles(edges: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The edges that lie on a cycle (target reaches back to source)."""
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                todo.extend(graph.get(node, ()))
        return False

    return {(s, t) for s, t in edges if reaches(t, s)}


def test_the_graph_sees_module_and_function_level_imports():
    # a sanity check of the walker on this very project: cases.views imports the models at
    # module level, documents.notice imports the kernel's decision inside ``notice_render``
    graph = module_graph()
    assert "buergerportal.applications.models" in graph["buergerportal.cases.views"]
    assert "buergerportal.procedures.decision" in graph["buergerportal.documents.notice"]


def test_core_imports_no_other_app():
    offending = sorted(
        (module, name)
        for module, imported in module_graph().items()
        if _app(module) == "core"
        for name in imported
        if _app(name) != "core"
    )
    assert offending == []


def test_no_import_cycle_between_any_apps():
    assert _cycles(app_edges()) == set()


def test_no_import_cycle_between_the_lifecycle_apps():
    edges = {(s, t) for s, t in app_edges() if s in LIFECYCLE_APPS and t in LIFECYCLE_APPS}
    assert _cycles(edges) == set()
    kernel_uses = {target for source, target in edges if source == "procedures"}
    assert kernel_uses == set()  # the kernel imports none of its clients
