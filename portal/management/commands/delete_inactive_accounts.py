from django.core.management.base import BaseCommand

from portal.services.accounts import accounts_to_delete, delete_account


class Command(BaseCommand):
    help = (
        "Delete accounts nobody uses: no verified email address after --unverified-days, or "
        "not signed in for --months. Editors and administrators are kept. --dry-run lists "
        "who would go and why. Meant for a monthly cron job."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=24)
        parser.add_argument("--unverified-days", type=int, default=14)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, months, unverified_days, dry_run, verbosity, **options):
        found = accounts_to_delete(months=months, unverified_days=unverified_days)
        for user, reason in found:
            if dry_run:
                self.stdout.write(f"Would delete {user.email}: {reason}.")
            else:
                delete_account(user)
                if verbosity > 1:
                    self.stdout.write(f"Deleted {user.email}: {reason}.")
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {len(found)} account(s).")
