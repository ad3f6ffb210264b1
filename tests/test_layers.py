"""The house has floors: every import looks down (or across its own floor), and no import runs in a circle.

Read from the source with ``ast``, every import counts: at the top of a module,
inside a function (the lazy imports that keep start-up fast) and under
``TYPE_CHECKING``. ``docs/architecture.md`` describes the floors.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ntmplan"

# Lowest first. A module may import from its own floor and from the floors below.
FLOORS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("ntmplan", "text", "figures", "findings", "i18n", "paths", "proration", "numbers", "errors",
                    "files", "model", "timing")),
    ("reading", ("loading", "communes")),
    ("features", ("targets", "budget", "check", "schedule", "diff")),
    ("rules", ("rules",)),
    ("runs", ("runs", "config")),
    ("output", ("output", "report")),
    ("commands", ("commands", "cli", "__main__")),
    ("dev", ("dev",)),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def floor(module: str) -> int:
    first = module.split(".")[1] if "." in module else "ntmplan"
    for index, (_name, members) in enumerate(FLOORS):
        if first in members:
            return index
    raise AssertionError(f"{module} is on no floor: add its package to FLOORS")


def imports(path: Path) -> set[str]:
    """The ntmplan modules ``path`` imports, wherever in the file."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("ntmplan")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ntmplan"):
            found.add(node.module)
            for alias in node.names:  # 'from ntmplan.communes import data' imports a module
                if (PACKAGE.parent / node.module.replace(".", "/") / f"{alias.name}.py").exists():
                    found.add(f"{node.module}.{alias.name}")
    return found


GRAPH = {module_name(path): imports(path) for path in PACKAGE.rglob("*.py")}


def test_every_module_is_on_a_floor():
    for module in GRAPH:
        floor(module)


def test_no_import_runs_up_a_floor():
    upward = [
        f"{module} ({FLOORS[floor(module)][0]}) imports {target} ({FLOORS[floor(target)][0]})"
        for module, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if floor(target) > floor(module)
    ]
    assert upward == []


def test_no_import_circle():
    """Tarjan's strongly connected components of the module graph: none larger than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in GRAPH.get(module, ()):
            if target not in GRAPH or target == module:
                continue
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert circles == []
