"""Password guessing is stopped: the admin login and a page's password form lock out after repeated
failures (per username and address), say so clearly, and an operator can lift the lockout."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from .helpers import scenarios_in

pytestmark = pytest.mark.django_db

LIMIT = 5


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("guarded-editor", password="correct horse battery")
    user.groups.add(Group.objects.get(name="編集者"))
    return user


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_admin_login_locks_out_after_repeated_failures(client, editor):
    for _ in range(LIMIT - 1):
        assert sign_in(client, editor.username, "wrong").status_code == 200  # the form again, with an error
    locked = sign_in(client, editor.username, "wrong")
    assert locked.status_code == 429
    assert "ログインに続けて失敗したため" in locked.content.decode()
    assert "15 分後" in locked.content.decode()
    # The right password does not get in while locked out...
    assert sign_in(client, editor.username, "correct horse battery").status_code == 429
    # ...from that address; the same person elsewhere, or another user here, is not affected.
    assert sign_in(client, editor.username, "correct horse battery", address="198.51.100.9").status_code == 302


def test_an_operator_lifts_a_lockout_with_a_command(client, editor):
    for _ in range(LIMIT):
        sign_in(client, editor.username, "wrong")
    assert sign_in(client, editor.username, "correct horse battery").status_code == 429
    call_command("axes_reset_username", editor.username)
    assert sign_in(client, editor.username, "correct horse battery").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, editor):
    for _ in range(LIMIT - 1):
        sign_in(client, editor.username, "wrong")
    assert sign_in(client, editor.username, "correct horse battery").status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        assert sign_in(client, editor.username, "wrong").status_code == 200


@pytest.fixture
def private_scenario():
    page = scenarios_in("ja").first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="seikai-2026"
    )
    return page, restriction


def enter_page_password(client, page, password, address="203.0.113.7"):
    form = client.get(page.url, REMOTE_ADDR=address).content.decode()
    action = re.search(r'<form[^>]+action="([^"]+)"', form).group(1)
    translation.activate("ja")  # a fresh server thread starts in the default language, whatever the URL's
    return client.post(action, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def test_the_page_password_form_locks_out_after_repeated_failures(client, private_scenario):
    page, restriction = private_scenario
    for _ in range(LIMIT - 1):
        assert enter_page_password(client, page, "chigau").status_code == 200
    locked = enter_page_password(client, page, "chigau")
    assert locked.status_code == 429
    assert "パスワードが続けて間違って入力されたため" in locked.content.decode()
    assert enter_page_password(client, page, "seikai-2026").status_code == 429
    assert client.get(page.url, REMOTE_ADDR="203.0.113.7").content.decode().count(page.title) == 0

    call_command("axes_reset_username", f"page-password:{page.pk}")
    assert enter_page_password(client, page, "seikai-2026").status_code == 302
    assert page.title in client.get(page.url, REMOTE_ADDR="203.0.113.7").content.decode()


def test_the_english_page_password_form_works_and_locks_out_in_english(client, private_scenario):
    page, _restriction = private_scenario
    english = page.get_translation(scenarios_in("en").first().locale)
    assert enter_page_password(Client(), english, "seikai-2026", address="192.0.2.45").status_code == 302
    for _ in range(LIMIT):
        locked = enter_page_password(client, english, "wrong", address="192.0.2.44")
    assert locked.status_code == 429
    assert "entered wrongly too many times" in locked.content.decode()


def test_guesses_in_both_languages_count_against_one_secret(client, private_scenario):
    page, _restriction = private_scenario
    english = page.get_translation(scenarios_in("en").first().locale)
    assert english.get_view_restrictions().exists()  # the English copy of the restriction
    for number in range(LIMIT - 1):
        assert enter_page_password(client, page if number % 2 else english, "chigau").status_code == 200
    assert enter_page_password(client, english, "chigau").status_code == 429
    assert enter_page_password(client, page, "seikai-2026").status_code == 429


@pytest.mark.parametrize("password", ["short-1", "password1234", "123456789012", "guarded-editor1"])
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)
