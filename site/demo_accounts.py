"""The development accounts ``make run`` creates, whose passwords are printed and published.

They make the site easy to try, and would open it to anyone in production: production refuses to
start while one of them still has its published password (``itrisk.wsgi``), and
``manage.py check --deploy`` reports them.
"""

from django.contrib.auth import get_user_model
from django.core import checks
from django.db import DatabaseError

from home.editorial.roles import APPROVERS, EDITORS, TRANSLATORS

ADMIN = ("admin", "admin-dev-only")
ROLE_ACCOUNTS = [  # (username, password, group)
    ("editor", "editor-dev-only", EDITORS),
    ("translator", "translator-dev-only", TRANSLATORS),
    ("approver", "approver-dev-only", APPROVERS),
]
PUBLISHED_PASSWORDS = dict([ADMIN] + [(username, password) for username, password, _group in ROLE_ACCOUNTS])


def accounts_with_published_passwords():
    """Usernames of active accounts whose password is still the one printed by ``make run``."""
    users = get_user_model().objects.filter(username__in=PUBLISHED_PASSWORDS, is_active=True)
    return sorted(user.username for user in users if user.check_password(PUBLISHED_PASSWORDS[user.username]))


def refusal_message(usernames):
    return (
        f"The development accounts {', '.join(usernames)} still have the passwords printed by 'make run'. "
        "Delete them or give them new passwords before serving with production settings "
        "(python manage.py changepassword <name>)."
    )


def check_no_published_passwords(app_configs, **kwargs):
    """``check --deploy``: an error while a development account has its published password."""
    try:
        usernames = accounts_with_published_passwords()
    except DatabaseError:
        return []  # no database yet: nothing to refuse
    if not usernames:
        return []
    return [checks.Error(refusal_message(usernames), id="itrisk.E001")]
