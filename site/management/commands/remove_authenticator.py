"""``manage.py remove_authenticator USERNAME``: for someone who lost the phone with their authenticator app.

They then sign in with their password alone (and, where two-step sign-in is required, add a new
authenticator at once).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Removes a user's authenticator app, turning their two-step sign-in off."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        removed, _details = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"Removed {removed} authenticator(s) of {username}.")
