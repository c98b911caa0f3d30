from django.core.management.base import BaseCommand

from events.services.offers import expire_offers


class Command(BaseCommand):
    help = (
        "End seat offers from workshop waitlists that were not confirmed in time, and offer "
        "each seat to the next in line. Safe to run as often as you like, even twice at "
        "once: run it from cron, e.g. every 5 minutes."
    )

    def handle(self, *args, **options):
        expired = expire_offers()
        self.stdout.write(f"Expired {expired} offer(s).")
