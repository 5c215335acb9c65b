"""The plugin's parts import one another in one direction only: no circle, not even through an
import inside a function (the usual way of hiding one).

A part is a subpackage (``scenarios.models``, ``scenarios.api``, ``scenarios.templatetags``, ...) or a
top-level module (``scenarios.visibility``). The models describe content; the API, the views and the
template tags read it; shared pieces (``scenarios.representation``, ``scenarios.api_fields``,
``scenarios.visibility``) sit below both. The site's own boundaries (the plugin never imports the site
or home, home never imports the site) are ruff's banned-api rules (pyproject.toml, home/ruff.toml).
"""

import ast
from pathlib import Path

PLUGIN = Path(__file__).resolve().parent.parent / "scenarios"


def part(module):
    names = module.split(".")
    return ".".join(names[:2]) if names[0] == "scenarios" and len(names) > 1 else None


def imported_modules(path, module):
    """Every module ``path`` (the module ``module``) imports, wherever the import statement is."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1])
            if node.module:
                yield f"{base}.{node.module}"
            else:
                yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph():
    graph = {}
    for path in PLUGIN.rglob("*.py"):
        relative = path.relative_to(PLUGIN.parent)
        if {"tests", "migrations"} & set(relative.parts):
            continue
        module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        source = part(module)
        if source is None:
            continue
        for target in map(part, imported_modules(path, module)):
            if target and target != source:
                graph.setdefault(source, set()).add(target)
    return graph


def circles(graph):
    """The strongly connected parts with more than one member (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            members = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.add(member)
                if member == node:
                    break
            if len(members) > 1:
                found.append(sorted(members))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_the_plugins_parts_import_each_other_without_a_circle():
    graph = import_graph()
    assert "scenarios.models" in graph["scenarios.api"]  # the graph was read
    assert circles(graph) == []


def test_the_circle_check_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
