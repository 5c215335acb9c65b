"""Helpers the backup test runs inside a separate copy of the site (``python -m tests.backup_roundtrip``).

``backup=<file>`` and ``restore=<file>``: ``manage.py backup_site --output <file>`` and
``manage.py restore_site --no-input --no-safety-backup <file>``, run as the commands they are, in
this process: the restore must then also leave nothing this process kept from before it.

``fill``: adds to a seeded site what a real one holds beyond the seed: a draft on a live page, an
extra revision, an uploaded image used on a page, a user and a group of its own. ``change``: does
what a bad day does (edits, a deletion, a lost media file, a new account). ``fingerprint``: every
row of every table and every rendered public page and media file, as digests, so two states can be
compared exactly.
"""

import hashlib
import io
import json
import re
import sys

import django

OPEN_NOW = re.compile(r'<p class="contact-status[^"]*" data-contact-status>.*?</p>')


def fill():
    from django.contrib.auth.models import Group, User
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    from scenarios.models import IncidentScenarioPage, InsuranceLineIndexPage

    scenario = IncidentScenarioPage.objects.filter(locale__language_code="ja").order_by("path").first()
    scenario.caveat = "バックアップ前の下書き"
    scenario.save_revision()  # a draft that is not live

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, format="PNG")
    image = Image(title="事故の写真")
    image.file = ImageFile(buffer, name="incident.png")
    image.save()
    line = InsuranceLineIndexPage.objects.filter(locale__language_code="ja").order_by("path").first()
    line.intro = f'<p>写真: <embed embedtype="image" id="{image.pk}" format="fullwidth" alt="事故の写真"/></p>'
    line.save_revision().publish()

    group = Group.objects.create(name="監査担当")
    user = User.objects.create_user("auditor", password="a long audit password")
    user.groups.add(group)


def change():
    from django.contrib.auth.models import User
    from django.core.files.storage import default_storage
    from wagtail.images.models import Image

    from scenarios.models import ContactHours, IncidentScenarioPage

    pages = IncidentScenarioPage.objects.filter(locale__language_code="ja").order_by("path")
    first, second = pages[0], pages[1]
    first.title = "壊れた見出し"
    first.save_revision().publish()
    second.delete()
    hours = ContactHours.objects.get(locale__language_code="ja")
    hours.phone_number = "0000-000-000"
    hours.save_revision().publish()
    image = Image.objects.get()
    default_storage.delete(image.file.name)
    User.objects.create_user("intruder", password="another long password")


def fingerprint():
    from django.apps import apps
    from django.core import serializers
    from django.core.files.storage import default_storage
    from django.test import Client
    from wagtail.models import Page

    from itrisk.backup import _media_names

    # Pages first: rendering one may store an image rendition, which then counts as a row.
    client = Client(HTTP_HOST="localhost")
    rendered = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
        response = client.get(page.url)
        # "Open now" follows the clock, not the backup.
        html = OPEN_NOW.sub("", response.content.decode())
        rendered[page.url] = (response.status_code, hashlib.sha256(html.encode()).hexdigest())
    rows = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        rows[model._meta.label] = hashlib.sha256(
            serializers.serialize("json", model._default_manager.order_by("pk")).encode()
        ).hexdigest()
    media = {
        name: hashlib.sha256(default_storage.open(name).read()).hexdigest() for name in _media_names(default_storage)
    }
    counts = {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "media files": len(media),
    }
    return {"rows": rows, "rendered": rendered, "media": media, "counts": counts}


def command(name, *args):
    from django.core.management import call_command

    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def backup(path):
    return command("backup_site", "--output", path)


def restore(path):
    return command("restore_site", "--no-input", "--no-safety-backup", path)


if __name__ == "__main__":
    django.setup()
    for step in sys.argv[1:]:  # several steps in one process: each prints its result on a line
        name, _equals, argument = step.partition("=")
        steps = {"fill": fill, "change": change, "fingerprint": fingerprint, "backup": backup, "restore": restore}
        result = steps[name](argument) if argument else steps[name]()
        print(json.dumps(result, ensure_ascii=False))
