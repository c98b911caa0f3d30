from django.core.management.base import BaseCommand

from events.services.follow_up import send_follow_ups
from events.services.offers import expire_offers
from events.services.reminders import send_feedback_requests, send_reminders


class Command(BaseCommand):
    help = (
        "Send reminders before each session, feedback requests after workshops and "
        "follow-ups to the organisations 3 and 6 months later, and end "
        "waitlist offers not confirmed in time. Each email goes out once and each offer "
        "passes on once however often this runs: run it from cron, e.g. every 15 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours-before", type=int, default=48, help="Remind this many hours ahead."
        )

    def handle(self, *args, hours_before, **options):
        reminders = send_reminders(hours_before=hours_before)
        requests = send_feedback_requests()
        follow_ups = send_follow_ups()
        expired = expire_offers()
        self.stdout.write(
            f"Sent {reminders} reminder(s), {requests} feedback request(s) and "
            f"{follow_ups} follow-up(s). "
            f"Expired {expired} offer(s)."
        )
