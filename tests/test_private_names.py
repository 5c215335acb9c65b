"""``make lint``'s check for private names of other projects (tools/check_private_names.py)."""

import ast
import importlib.util
from pathlib import Path

import pytest

CHECKER = Path(__file__).resolve().parent.parent / "tools" / "check_private_names.py"


@pytest.fixture(scope="module")
def checker():
    spec = importlib.util.spec_from_file_location("check_private_names", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def found(checker, source):
    trees = {Path("example.py"): ast.parse(source)}
    return [what for _path, _line, what in checker.findings(trees, checker.defined_names(trees))]


@pytest.mark.parametrize(
    "source, finding",
    [
        ("site = request._wagtail_site", "private attribute _wagtail_site"),
        ("Page._get_path('0001', 2, 1)", "private attribute _get_path"),
        ("getattr(request, '_wagtail_cached_site_root_paths', None)", "private attribute _wagtail_cached_site_root_paths by name"),
        ("from django.utils.functional import _lazy_proxy", "private name _lazy_proxy imported from django.utils.functional"),
    ],
)
def test_a_private_name_of_a_library_is_reported(checker, source, finding):
    assert found(checker, source) == [finding]


@pytest.mark.parametrize(
    "source",
    [
        "class Walk:\n    def __init__(self):\n        self._seen = set()\n    def look(self):\n        return self._seen",
        "fields = Page._meta.get_fields()",
        "manager = Page._default_manager",
        "name = page.__class__.__name__",
        "from ._version import number",
    ],
)
def test_the_projects_own_private_names_and_djangos_documented_ones_pass(checker, source):
    assert found(checker, source) == []


def test_the_project_uses_no_private_name_of_a_library(checker, capsys):
    assert checker.main() == 0, capsys.readouterr().out
