"""A front end's Python client, generated from /api/v3/openapi.json, type-checks and reads the site.

As a front-end developer would: fetch the OpenAPI document of a running copy of the site, generate a
client for the read endpoints with openapi-python-client (no warning allowed), type-check a plain
anonymous use of it with mypy --strict, then run that use against the site.
"""

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
USE = '''
"""What a front end does first: the scenario cards of a language, one scenario, the phone line."""
import sys

from scenario_api_client import Client
from scenario_api_client.api.contact_hours import contact_hours_list
from scenario_api_client.api.pages import pages_detail
from scenario_api_client.api.scenarios import scenarios_detail, scenarios_list
from scenario_api_client.models import (
    IncidentScenarioPageSchema,
    PagedContactHoursOut,
    PagedScenarioSchema,
    ScenarioSchema,
)

client = Client(base_url=sys.argv[1])

listing = scenarios_list.sync(client=client, locale="en", limit=50)
assert isinstance(listing, PagedScenarioSchema)  # else a ProblemDetails saying what was wrong
cards: list[ScenarioSchema] = listing.items
assert len(cards) == listing.count >= 21  # the seed's 21, and any a browser test published in English
first: ScenarioSchema = cards[0]
headline: str = first.headline
line_url: str = first.insurance_line.url
disclaimer: str = first.disclaimer
loss_names: list[str] = [loss_type.name for loss_type in first.loss_types]
japanese = [translation for translation in first.translations if translation.locale == "ja"]
assert headline and line_url.startswith(sys.argv[1] + "/en/") and disclaimer and loss_names and japanese

one = scenarios_detail.sync(client=client, scenario_id=first.id)
assert isinstance(one, ScenarioSchema) and one.headline == headline

page = pages_detail.sync(client=client, page_id=first.id)
assert isinstance(page, IncidentScenarioPageSchema)
what_happened: str = page.what_happened

hours = contact_hours_list.sync(client=client, locale="ja")
assert isinstance(hours, PagedContactHoursOut)
phone = hours.items[0]
weekdays: list[int] = phone.open_weekdays
open_now: bool = phone.status.open_now
assert weekdays == [0, 1, 2, 3, 4] and phone.opens_at == "09:00"
print("ok", len(cards), headline)
'''


def read_only(document):
    document = json.loads(json.dumps(document))
    for path in list(document["paths"]):
        operations = {method: operation for method, operation in document["paths"][path].items() if method == "get"}
        if operations:
            document["paths"][path] = operations
        else:
            del document["paths"][path]
    return document


def test_a_generated_client_type_checks_and_reads_the_site(live_site_url, tmp_path):
    with urllib.request.urlopen(f"{live_site_url}/api/v3/openapi.json") as response:
        document = json.load(response)
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(read_only(document)))
    (tmp_path / "config.yml").write_text("post_hooks: []\npackage_name_override: scenario_api_client\n")
    generated = subprocess.run(
        [BIN / "openapi-python-client", "generate", "--path", spec, "--meta", "none", "--config", "config.yml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    assert "Warning" not in generated.stdout + generated.stderr, generated.stdout + generated.stderr

    (tmp_path / "use.py").write_text(USE)
    env = {**os.environ, "MYPYPATH": str(tmp_path)}
    checked = subprocess.run(
        [BIN / "mypy", "--strict", "--no-incremental", "use.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr

    ran = subprocess.run(
        [sys.executable, "use.py", live_site_url], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert ran.returncode == 0 and ran.stdout.startswith("ok "), ran.stdout + ran.stderr


def test_the_document_is_valid_openapi_31_and_the_same_in_every_language(client):
    from openapi_spec_validator import validate

    japanese = client.get("/api/v3/openapi.json", HTTP_ACCEPT_LANGUAGE="ja").json()
    english = client.get("/api/v3/openapi.json", HTTP_ACCEPT_LANGUAGE="en").json()
    assert japanese == english and japanese["openapi"].startswith("3.1")
    validate(japanese)
    assert json.dumps(japanese).isascii() or all(ord(char) < 0x3000 for char in json.dumps(japanese, ensure_ascii=False))


def test_always_present_fields_are_required_and_typed(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    scenario = schemas["IncidentScenarioPageSchema"]
    for name in ("headline", "what_happened", "claim_or_payment", "payout", "loss_types", "caveat", "translations", "seo"):
        assert name in scenario["required"], name
        assert "anyOf" not in scenario["properties"][name], name
    assert scenario["properties"]["headline"]["type"] == "string"
    assert set(schemas["ScenarioSchema"]["required"]) >= {"headline", "insurance_line", "disclaimer", "translations"}


def test_every_operation_describes_its_errors_and_find_its_redirect(client):
    document = client.get("/api/v3/openapi.json").json()
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            assert {"400", "404", "422"} <= set(operation["responses"]), (method, path)
    find = document["paths"]["/api/v3/pages/find/"]["get"]["responses"]
    assert "302" in find and "Location" in find["302"]["headers"]
    assert "AllowAnonymous" not in document["components"]["securitySchemes"]
