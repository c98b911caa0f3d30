import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

# Wagtail's own groups: editors write pages, moderators also publish them.
EDITOR_GROUPS = ["Editors", "Moderators"]


class Command(BaseCommand):
    help = (
        "Create (or reset) an account for the national team's editors in Wagtail's admin. "
        "Prints a generated password once unless --password is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--password", help="Use this password instead of a generated one.")
        parser.add_argument(
            "--admin", action="store_true", help="Make the account an administrator."
        )

    @transaction.atomic
    def handle(self, *args, email, password=None, admin=False, **options):
        try:
            validate_email(email)
        except Exception as exc:
            raise CommandError(f"Not a valid email address: {email}") from exc
        User = get_user_model()
        user, created = User.objects.get_or_create(email=email.lower())
        generated = password is None
        password = password or secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = admin or user.is_staff
        user.is_superuser = admin or user.is_superuser
        user.save()
        user.groups.add(*Group.objects.filter(name__in=EDITOR_GROUPS))
        # The operator vouches for the address, so sign-in needs no confirmation email.
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        role = "administrator" if user.is_superuser else "editor"
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} {role} {user.email}."))
        if generated:
            self.stdout.write(f"Password (shown once): {password}")
        self.stdout.write("Sign in at /admin/.")
