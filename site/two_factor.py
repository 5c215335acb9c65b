"""A second factor for the admin: one-time codes from an authenticator app (TOTP, with django-otp).

- Anyone with admin access may add an authenticator ("二段階認証" in the account menu). From then on,
  after the password the admin asks for the app's current code before showing anything.
- With ``STAFF_TWO_FACTOR`` on (the default in production) a superuser without an authenticator is
  sent to add one before using the admin.
- Codes are throttled by django-otp (each wrong code doubles the wait), and adding or removing an
  authenticator asks for the account's password.

The API's tokens are a separate credential and are not asked for a code.
"""

import io

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

# Admin URLs a signed-in user may reach before giving a code: signing out, and the code screens.
OPEN_URL_NAMES = {
    "wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite",
    "two_factor_verify", "two_factor_setup", "two_factor_qr",
}


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].strip().replace(" ", "")
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Wait a little and try again."))
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(_("That code is not right. Enter the code your app shows now."))
        return code


class SetupForm(CodeForm):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)

    def __init__(self, device, request, *args, **kwargs):
        super().__init__(device, *args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=password) is None:
            raise forms.ValidationError(_("The password is not right."))
        return password


def _requires_setup(user):
    return getattr(settings, "STAFF_TWO_FACTOR", False) and user.is_superuser


class SecondFactorMiddleware:
    """Holds a signed-in admin user at the code screen until the second factor is given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._hold(request)
        return response or self.get_response(request)

    def _hold(self, request):
        if not request.path_info.startswith("/admin/"):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if _url_name(request.path_info) in OPEN_URL_NAMES:
            return None
        if user_has_device(user):
            return redirect(f"{reverse('two_factor_verify')}?next={request.get_full_path()}")
        if _requires_setup(user):
            return redirect("two_factor_setup")
        return None


def _url_name(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path).url_name
    except Resolver404:
        return None


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return reverse("wagtailadmin_home")
    return target


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """After the password: the authenticator's current code."""
    device = next(iter(devices_for_user(request.user, confirmed=True)), None)
    if device is None or request.user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return HttpResponseRedirect(_next_url(request))
    return render(request, "itrisk/admin/two_factor_verify.html", {"form": form, "next": _next_url(request)})


def _pending_device(user):
    """The authenticator being added: unconfirmed until its first code is right."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


@never_cache
@sensitive_post_parameters("code", "password")
def setup(request):
    """Add an authenticator (scan the QR code, give a code and the password), or remove it."""
    confirmed = list(devices_for_user(request.user, confirmed=True))
    if request.method == "POST" and request.POST.get("action") == "remove" and confirmed:
        form = SetupForm(confirmed[0], request, None if request.POST.get("ask") else request.POST)
        if form.is_bound and form.is_valid():
            TOTPDevice.objects.filter(user=request.user).delete()
            return redirect("two_factor_setup")
        return render(request, "itrisk/admin/two_factor_setup.html", {"form": form, "confirmed": True})
    if confirmed:
        return render(request, "itrisk/admin/two_factor_setup.html", {"confirmed": True, "form": None})
    device = _pending_device(request.user)
    form = SetupForm(device, request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save()
        otp_login(request, device)
        return redirect("wagtailadmin_home")
    return render(
        request,
        "itrisk/admin/two_factor_setup.html",
        {
            "form": form,
            "confirmed": False,
            "secret": _grouped_secret(device),
            "required": _requires_setup(request.user),
        },
    )


def _grouped_secret(device):
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


@never_cache
def qr_code(request):
    """The pending authenticator's setup link as a QR code (SVG), for the phone's camera."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        return HttpResponse(status=404)
    image = io.BytesIO()
    write_qrcode_image(device.config_url, image)
    return HttpResponse(image.getvalue(), content_type="image/svg+xml")
