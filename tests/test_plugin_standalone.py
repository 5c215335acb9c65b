"""The scenarios plugin installs into a Wagtail project that has neither site/ nor home/."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_plugins_own_suite_passes_in_a_minimal_project():
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "scenarios/tests",
            "--ds=scenarios.tests.settings", "-p", "no:cacheprovider", "-q",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout


def test_the_plugin_imports_nothing_from_the_site():
    offending = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "scenarios").rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("from home", "import home", "from itrisk", "import itrisk"))
    ]
    assert offending == []
