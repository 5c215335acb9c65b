"""The plugin as another Wagtail project gets it: the wheel, installed into a fresh project.

    python tools/plugin_host_check.py WHEEL [--versions lowest newest]

Checks the wheel holds ``scenarios`` alone with its templates, static files and compiled catalogs;
makes a new virtualenv, installs the wheel (with the lowest versions its ranges allow, or the newest
ones they allow), runs ``wagtail start``, adds the settings diff a Wagtail developer would add (printed
at the end), and runs ``check``, ``migrate`` and a request for a scenario page, in Japanese. Then it
runs the plugin's own suite (a copy of scenarios/tests, outside the checkout) against the installed
wheel with those same versions, so both ends of the ranges are tested, not only installed: without
the optional extras at the lowest versions (their tests skip), with them at the newest. Both ends
are checked side by side, each in its own project (most of a check is waiting on pip), and each
one's output is printed when it ends.
Exits non-zero if a step of either fails. Used by ``make plugin-check`` (and so by CI).
"""

import argparse
import concurrent.futures
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The lower end of pyproject's ranges: what the plugin promises to work with (Wagtail 7.0 is an LTS
# release; on Wagtail 7 the plugin serves API v2 alone, see scenarios/compat.py).
LOWEST = [
    "wagtail==7.0",
    "Django==5.2",
    "wagtail-localize==1.14.3",
    "holidays==0.60",
    "phonenumbers==8.13.0",
    "snowballstemmer==2.2.0",
]

# What a Wagtail developer adds to a project made by `wagtail start` to use the plugin.
SETTINGS_DIFF = """
INSTALLED_APPS = ["scenarios"] + INSTALLED_APPS
LANGUAGE_CODE = "ja"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("ja", "Japanese"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
SCENARIOS = {"COUNTRY": "JP", "TIME_ZONE": "Asia/Tokyo"}
"""
URLS_DIFF = """
from django.conf.urls.i18n import i18n_patterns
urlpatterns = urlpatterns[:-1] + i18n_patterns(
    path("", include("scenarios.urls")), path("", include(wagtail_urls)), prefix_default_language=True
)
"""
RENDER_SCENARIO = """
import datetime
from django.test import Client
from wagtail.models import Page, Site
from scenarios.models import ContactHours, IncidentScenarioPage, InsuranceLineIndexPage, OperatorInfo

home = Site.objects.get(is_default_site=True).root_page.specific
line = InsuranceLineIndexPage(title="IT業務賠償", slug="it-work", coverage_summary="IT業務の賠償責任")
home.add_child(instance=line)
line.save_revision().publish()
scenario = IncidentScenarioPage(
    title="サーバー停止", slug="server-outage", what_happened="サーバーが止まった。",
    claim_or_payment="逸失利益を請求された。", payout_kind="liability",
)
line.add_child(instance=scenario)
scenario.save_revision().publish()
ContactHours.objects.create(heading="お問い合わせ", phone_number="0120-000-000",
                            opens_at=datetime.time(9), closes_at=datetime.time(18))
OperatorInfo.objects.create(operator_name="代理店", site_name="事故例", scenario_disclaimer="個別に判断します。")
response = Client().get(scenario.url)
html = response.content.decode()
assert response.status_code == 200, (scenario.url, response.status_code)
# The plugin's own labels in Japanese come from the compiled catalogs in the wheel.
expected = ["サーバー停止", "サーバーが止まった。", "個別に判断します。", 'href="tel:+81120000000"']
for text in expected + ["事故の内容", "損害賠償請求の内容"]:
    assert text in html, text
print("rendered", scenario.url, response.status_code, len(html), "bytes")
"""


def check_wheel(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == {"scenarios"}, f"the wheel must hold scenarios alone, not {sorted(top_level)}"
    for needed in (
        "scenarios/locale/ja/LC_MESSAGES/django.mo",
        "scenarios/templates/scenarios/incident_scenario_page.html",
        "scenarios/static/scenarios/contact-hours.js",
        "scenarios/migrations/0001_initial.py",
    ):
        assert needed in names, f"the wheel lacks {needed}"
    assert not any(name.startswith("scenarios/tests/") for name in names), "the wheel ships the plugin's tests"
    print(f"wheel: {len(names)} files, scenarios only, catalogs compiled")


def run(log, *command, cwd=None):
    """``command``, its output going to ``log``; raises CalledProcessError if it fails."""
    print("$", " ".join(str(part) for part in command), file=log, flush=True)
    subprocess.run([str(part) for part in command], cwd=cwd, check=True, stdout=log, stderr=subprocess.STDOUT)


# What the plugin's suite needs beyond the plugin, at the versions requirements-dev.txt pins.
TEST_REQUIREMENTS = ("pytest", "pytest-django", "pytest-cov", "factory-boy", "time-machine")
# The optional extras, whose tests skip without them: installed for the newest versions only, so
# that one end runs the suite without them and the other with them.
EXTRAS = ("wagtail-headless-preview",)
# The plugin's line coverage without the site, checked once, with the newest versions.
COVERAGE = ("--cov=scenarios", "--cov-report=term:skip-covered", "--cov-fail-under=90")
INSTALLED_COPY = (
    "import scenarios, sysconfig; from pathlib import Path; "
    "assert Path(scenarios.__file__).is_relative_to(sysconfig.get_path('purelib')), scenarios.__file__; "
    "print('the suite tests', scenarios.__file__)"
)


def pinned(names):
    pins = {}
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / requirements).read_text().splitlines():
            requirement = line.split("#")[0].strip()
            if "==" in requirement:
                pins[requirement.split("==")[0].lower()] = requirement
    return [pins[name] for name in names]


def plugin_suite(log, python, workdir, newest):
    """The plugin's tests against the wheel the venv has installed, in one process (the other end of
    the ranges is being checked on the other core). The suite is copied out of the checkout and run
    from there, so ``import scenarios`` can only find the installed copy."""
    requirements = TEST_REQUIREMENTS + (EXTRAS if newest else ())
    run(log, python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pinned(requirements))
    versions = "import django, wagtail; print('Wagtail', wagtail.__version__, 'Django', django.__version__)"
    run(log, python, "-c", versions)
    suite = workdir / "suite"
    shutil.copytree(ROOT / "scenarios" / "tests", suite / "plugin_suite", ignore=shutil.ignore_patterns("__pycache__"))
    run(log, python, "-c", INSTALLED_COPY, cwd=suite)
    pytest = ["-m", "pytest", "plugin_suite", "--ds=plugin_suite.settings", "-p", "no:cacheprovider", "-q", "-rs"]
    run(log, python, *pytest, *(COVERAGE if newest else ()), cwd=suite)


def host_project(log, wheel, versions, workdir):
    venv = workdir / "venv"
    run(log, sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    pins = LOWEST if versions == "lowest" else []
    run(log, python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, *pins)
    run(log, venv / "bin" / "wagtail", "start", "hostsite", cwd=workdir)
    project = workdir / "hostsite"
    settings = project / "hostsite" / "settings" / "base.py"
    settings.write_text(settings.read_text() + SETTINGS_DIFF)
    urls = project / "hostsite" / "urls.py"
    urls.write_text(urls.read_text() + URLS_DIFF)
    run(log, python, "manage.py", "check", "--fail-level", "WARNING", cwd=project)
    run(log, python, "manage.py", "migrate", "--no-input", "--verbosity", "0", cwd=project)
    run(log, python, "manage.py", "shell", "-c", RENDER_SCENARIO, cwd=project)
    plugin_suite(log, python, workdir, newest=versions == "newest")


def check_versions(wheel, versions):
    """One end of the ranges in a project of its own: whether it passed, and what it printed."""
    with tempfile.TemporaryDirectory(prefix=f"plugin-host-{versions}-") as workdir:
        log_path = Path(workdir) / "output.log"
        with log_path.open("w") as log:
            try:
                host_project(log, wheel, versions, Path(workdir))
                passed = True
            except subprocess.CalledProcessError as error:
                print(f"failed ({error.returncode}): the command above", file=log)
                passed = False
        return passed, log_path.read_text()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--versions", choices=["lowest", "newest"], nargs="+", default=["lowest", "newest"])
    args = parser.parse_args()
    check_wheel(args.wheel)
    with concurrent.futures.ThreadPoolExecutor(len(args.versions)) as pool:
        checks = {versions: pool.submit(check_versions, args.wheel.resolve(), versions) for versions in args.versions}
    failed = []
    for versions, check in checks.items():
        passed, output = check.result()
        print(f"== host project, {versions} versions", output, sep="\n")
        if passed:
            print(f"host project ({versions} versions): check, migrate, a scenario page and the plugin's suite passed")
        else:
            failed.append(versions)
    print("settings added to the project made by `wagtail start`:" + textwrap.indent(SETTINGS_DIFF, "  "))
    print("urls added:" + textwrap.indent(URLS_DIFF, "  "))
    if failed:
        sys.exit(f"the host project failed with the {' and '.join(failed)} versions")


if __name__ == "__main__":
    main()
