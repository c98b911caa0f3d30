from django.core.management.base import BaseCommand

from network.services.networks import send_meeting_reminders


class Command(BaseCommand):
    help = (
        "Remind the people of a network of its meetings, a day before. Each meeting's "
        "reminder goes out once however often this runs: run it from cron, e.g. every "
        "15 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours-before", type=int, default=24, help="Remind this many hours ahead."
        )

    def handle(self, *args, hours_before, **options):
        sent = send_meeting_reminders(hours_before=hours_before)
        self.stdout.write(f"Sent reminders of {sent} meeting(s).")
