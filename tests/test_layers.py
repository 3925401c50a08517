"""The package's layers: each imports only the layers below it, and no modules import each
other in a circle. Read from the source with ``ast``: every import, at the top of a module or
inside a function. Imports under ``if TYPE_CHECKING:`` are left out: they name a type for an
annotation and load nothing (the configuration's values name the Glossary and Layout that
reading it makes)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx

from helpers import ROOT

PACKAGE = ROOT / "kblint"
# From the bottom up; a layer may import its own modules and any layer before it.
LAYERS = ("model", "formats", "kb", "lang", "corpus", "rules", "store", "run", "output", "app")
# What a rule module may import: the rule API and the layers below the rules.
RULE_IMPORTS = ("kblint.rules.api", "kblint.model", "kblint.formats", "kblint.kb", "kblint.lang", "kblint.corpus")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The kblint modules ``path`` imports (``from kblint.x import name`` may name a module)."""
    found = set()
    for node in _runtime_nodes(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.startswith("kblint"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("kblint"))
    return found


def _runtime_nodes(tree: ast.AST):
    """Every node of ``tree`` but those under ``if TYPE_CHECKING:``."""
    waiting = [tree]
    while waiting:
        node = waiting.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and isinstance(child.test, ast.Name) and child.test.id == "TYPE_CHECKING":
                waiting.extend(child.orelse)
                continue
            waiting.append(child)


def _graph() -> networkx.DiGraph:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = networkx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for target in _imports(path):
            if target in modules and target != name and target != "kblint":
                graph.add_edge(name, target)
    return graph


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_lies_in_a_layer():
    outside = [m for m in _graph() if _layer(m) is None and m not in ("kblint", "kblint.__main__")]
    assert outside == []


def test_each_layer_imports_only_the_layers_below_it():
    upward = [
        f"{a} -> {b}"
        for a, b in _graph().edges
        if _layer(a) is not None and _layer(b) is not None and _layer(b) > _layer(a)
    ]
    assert upward == []


def test_no_modules_import_each_other_in_a_circle():
    circles = [sorted(c) for c in networkx.strongly_connected_components(_graph()) if len(c) > 1]
    assert circles == []


def test_a_rule_imports_only_the_rule_api_and_the_layers_below():
    graph = _graph()
    rule_modules = [m for m in graph if m.startswith("kblint.rules.") and m.split(".")[2] not in ("api", "registry", "packs", "explain")]
    wrong = [
        f"{module} -> {target}"
        for module in rule_modules
        for target in graph.successors(module)
        if not target.startswith(RULE_IMPORTS)
    ]
    assert wrong == []


def test_nothing_below_run_uses_the_store_and_nothing_uses_the_app():
    below_run = set(LAYERS[: LAYERS.index("store")])
    wrong = [
        f"{a} -> {b}"
        for a, b in _graph().edges
        if (b.startswith("kblint.store") and a.split(".")[1] in below_run) or (b.startswith("kblint.app") and not a.startswith(("kblint.app", "kblint.__main__")))
    ]
    assert wrong == []


def test_no_function_is_over_sixty_lines():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []
