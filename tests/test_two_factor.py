"""Two-step sign-in for the admin: optional for everyone, required of superusers when switched on."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password"


def current_code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return str(totp.token()).zfill(device.digits)


def sign_in(client, user):
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client.get(reverse("wagtailadmin_home"))


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("tf-editor", password=PASSWORD)
    user.groups.add(Group.objects.get(name="編集者"))
    return user


def set_up(client, user):
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    assert client.get(reverse("two_factor_qr"))["Content-Type"] == "image/svg+xml"
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert re.sub(r"\s", "", re.search(r"<code>([A-Z2-7 ]+)</code>", page.content.decode()).group(1))
    response = client.post(reverse("two_factor_setup"), {"code": current_code(device), "password": PASSWORD})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_without_an_authenticator_nobody_is_asked_for_a_code(client, editor):
    assert sign_in(client, editor).status_code == 200


def test_once_added_the_code_is_asked_at_every_sign_in(client, editor):
    sign_in(client, editor)
    device = set_up(client, editor)
    client.logout()

    held = sign_in(client, editor)
    assert held.status_code == 302 and held["Location"].startswith(reverse("two_factor_verify"))
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 302  # nothing else until the code
    wrong = client.post(reverse("two_factor_verify"), {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and "コードが正しくありません" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the throttle makes the next try wait; skip the wait
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(reverse("two_factor_verify"), {"code": current_code(device, offset=1), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_wrong_codes_are_throttled(client, editor):
    sign_in(client, editor)
    device = set_up(client, editor)
    client.logout()
    sign_in(client, editor)
    client.post(reverse("two_factor_verify"), {"code": "000000"})
    blocked = client.post(reverse("two_factor_verify"), {"code": current_code(device, offset=1)})
    assert blocked.status_code == 200 and "しばらく待ってから" in blocked.content.decode()


def test_superusers_must_add_one_when_it_is_required(client, django_user_model, settings):
    settings.STAFF_TWO_FACTOR = True
    admin = django_user_model.objects.create_superuser("tf-admin", password=PASSWORD)
    held = sign_in(client, admin)
    assert held.status_code == 302 and held["Location"] == reverse("two_factor_setup")
    set_up(client, admin)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_turning_it_off_needs_a_code_and_the_password(client, editor):
    sign_in(client, editor)
    device = set_up(client, editor)
    TOTPDevice.objects.filter(pk=device.pk).update(tolerance=2)  # two codes in a row in one test
    device.refresh_from_db()
    refused = client.post(reverse("two_factor_setup"), {"action": "remove", "code": current_code(device, 1), "password": "wrong"})
    assert refused.status_code == 200 and TOTPDevice.objects.filter(user=editor).exists()
    device.refresh_from_db()
    client.post(reverse("two_factor_setup"), {"action": "remove", "code": current_code(device, 2), "password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_an_operator_removes_a_lost_authenticator(client, editor):
    from django.core.management import call_command

    sign_in(client, editor)
    set_up(client, editor)
    call_command("remove_authenticator", editor.username)
    client.logout()
    assert sign_in(client, editor).status_code == 200
