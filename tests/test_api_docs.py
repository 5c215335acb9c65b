"""Every curl example of docs/api.md runs against a real running copy of the site and gets JSON."""

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "api.md"
DOC_BASE_URL = "http://127.0.0.1:8000"


def doc_curl_commands():
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("curl ")]


def test_the_guide_has_examples_for_each_task():
    commands = " ".join(doc_curl_commands())
    for needle in [
        "InsuranceLineIndexPage", "IncidentScenarioPage", "contact-hours", "locale=en", "/api/v3/scenarios/",
        "pages/find/?html_path=/en/", "operator-info", "fields=translations",
    ]:
        assert needle in commands


@pytest.mark.parametrize("command", doc_curl_commands())
def test_each_curl_example_answers_json(live_site_url, command):
    args = shlex.split(command.replace(DOC_BASE_URL, live_site_url))
    result = subprocess.run(args, capture_output=True, text=True, timeout=30, check=True)
    output = result.stdout
    if "-w" in args:  # the example prints the status code after the body: an error it explains
        output, status = output.rstrip("\n").rsplit("\n", 1)
        body = json.loads(output)
        assert status == "400" and (body.get("message") or body.get("detail")), output
        return
    data = json.loads(output)
    assert data.get("items") or data.get("id"), command
