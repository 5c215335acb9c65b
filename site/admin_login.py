"""The admin's sign-in form, with labels people can read in their language.

Wagtail's form declares its password and "remember me" fields without labels, so Django shows
the field names ("Password", "Remember") untranslated; here they get translatable labels.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class SignInForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
        self.fields["remember"].label = _("Remember me")
