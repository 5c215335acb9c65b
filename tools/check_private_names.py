"""Fails when the project reaches into a private name of Wagtail, Django, treebeard or any library.

A leading underscore is a library's way of saying "this may change in any release without notice".
The check reads every Python file of the project (``site/``, ``home/``, ``scenarios/``, ``tools/``,
``tests/``) and reports:

- an attribute ``x._name`` whose name the project never defines itself (a method, a class, an
  attribute it assigns, a parameter), so ``self._cache`` of our own class passes, ``request._wagtail_site``
  does not;
- the same name as a string given to ``getattr``/``setattr``/``hasattr``/``delattr``;
- ``from library import _name``.

Names that Django documents for public use despite the underscore are allowed (``_meta``, ``_state``,
``_default_manager``, ``_base_manager``, ``_do_not_call_in_templates``), as is ``sys._getframe`` in no file
(it is not on the list). Run: ``python tools/check_private_names.py``; exit status 1 on a finding.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("site", "home", "scenarios", "tools", "tests", "manage.py")
# Underscored names that Django documents as public API.
DOCUMENTED = {"_meta", "_state", "_default_manager", "_base_manager", "_do_not_call_in_templates"}
ATTRIBUTE_BUILTINS = {"getattr", "setattr", "hasattr", "delattr"}


def _is_private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def python_files():
    for package in PACKAGES:
        path = ROOT / package
        if path.is_file():
            yield path
            continue
        for file in sorted(path.rglob("*.py")):
            if "migrations" not in file.parts and "node_modules" not in file.parts:
                yield file


def defined_names(trees):
    """Every underscored name the project defines, in any file: its own private API."""
    names = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
            elif isinstance(node, ast.alias) and node.asname:
                names.add(node.asname)
    return {name for name in names if _is_private(name)}


def _first_party(module):
    return module is None or module.split(".")[0] in {"itrisk", "home", "scenarios", "tests", "tools"}


def findings(trees, own):
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _is_private(node.attr):
                if node.attr not in own and node.attr not in DOCUMENTED:
                    yield path, node.lineno, f"private attribute {node.attr}"
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ATTRIBUTE_BUILTINS
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                name = node.args[1].value
                if _is_private(name) and name not in own and name not in DOCUMENTED:
                    yield path, node.lineno, f"private attribute {name} by name"
            elif isinstance(node, ast.ImportFrom) and not _first_party(node.module) and node.level == 0:
                for alias in node.names:
                    if _is_private(alias.name):
                        yield path, node.lineno, f"private name {alias.name} imported from {node.module}"


def main():
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path)) for path in python_files()}
    found = sorted(findings(trees, defined_names(trees)))
    for path, line, what in found:
        print(f"{path.relative_to(ROOT)}:{line}: {what}")
    if found:
        print(f"{len(found)} use(s) of private names of other projects: use their public API.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
