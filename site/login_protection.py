"""Lockout after repeated wrong passwords, on the admin login and on the page-password form.

django-axes counts failed logins per username and address and refuses further tries for a while
(``AXES_*`` in settings). The admin login goes through Django's ``authenticate()``, which axes
watches by itself; Wagtail's page-password form does not, so ``authenticate_with_password`` wraps
Wagtail's view and reports each wrong password to axes under the name of the secret it guards
("page-password:<id>", the id of the source-language page the restriction is set on): the English
copy of a restriction guards the same secret, so guesses in both languages count together.
``manage.py axes_reset_username <name>`` (or ``axes_reset_ip``, ``axes_reset``) lifts a lockout
before it expires.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, PageViewRestriction

PAGE_PASSWORD_PREFIX = "page-password:"  # noqa: S105 - a key prefix, not a password


def lockout_response(request, original_response=None, credentials=None):
    """The page shown while locked out (axes' ``AXES_LOCKOUT_CALLABLE``): what happened and when to retry."""
    username = (credentials or {}).get("username") or ""
    cool_off = get_cool_off(request)
    context = {
        "is_page_password": username.startswith(PAGE_PASSWORD_PREFIX),
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "lockout.html", context, status=429)


def lockout_name(page_view_restriction_id):
    """The name wrong guesses at a restriction's password count under: the id of the page it is set
    on, in the source language (its translations carry copies of the same restriction)."""
    restriction = PageViewRestriction.objects.filter(pk=page_view_restriction_id).select_related("page").first()
    if restriction is None:
        return f"{PAGE_PASSWORD_PREFIX}restriction-{page_view_restriction_id}"
    page = restriction.page
    source = Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default()).first()
    return f"{PAGE_PASSWORD_PREFIX}{(source or page).pk}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, refused while locked out and reporting each wrong password."""
    credentials = {"username": lockout_name(page_view_restriction_id)}
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code != 302:  # the form came back: wrong password
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request, credentials=credentials)
    return response
