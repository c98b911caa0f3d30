from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from portal.accounts.services import delete_account


class Command(BaseCommand):
    help = (
        "Delete accounts nobody uses: never verified after --unverified-days, or not signed "
        "in for --months. Editors and administrators are kept. Meant for a monthly cron job."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=24)
        parser.add_argument("--unverified-days", type=int, default=14)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, months, unverified_days, dry_run, **options):
        now = timezone.now()
        inactive_since = now - timedelta(days=30 * months)
        unverified_since = now - timedelta(days=unverified_days)
        candidates = (
            get_user_model()
            .objects.filter(is_staff=False, is_superuser=False)
            .filter(
                Q(last_login__lt=inactive_since)
                | Q(last_login__isnull=True, date_joined__lt=inactive_since)
                | Q(date_joined__lt=unverified_since, emailaddress__verified=False)
            )
            .exclude(groups__name__in=["Editors", "Moderators"])
            .distinct()
        )
        count = 0
        for user in candidates:
            count += 1
            if not dry_run:
                delete_account(user)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} inactive account(s).")
