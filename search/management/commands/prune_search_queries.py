from django.core.management.base import BaseCommand, CommandError

from search import querylog


class Command(BaseCommand):
    help = (
        "Delete the query report's daily counts older than --days days (default: "
        "SEARCH_QUERY_KEEP_DAYS). Safe to run again; run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = querylog.keep_days() if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        deleted = querylog.prune(days)
        self.stdout.write(f"Deleted {deleted} daily counts older than {days} days.")
