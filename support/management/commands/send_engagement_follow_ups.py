from django.conf import settings
from django.core.management.base import BaseCommand

from support.services.follow_up import send_due


class Command(BaseCommand):
    help = (
        "Send the follow-up questionnaire of ended engagements to the organisations that "
        "took part: on the day an engagement ended and SUPPORT_FOLLOW_UP_MONTHS months "
        "later. Each organisation gets each round once however often this runs, two runs "
        "at once included: run it from cron, e.g. once a day."
    )

    def handle(self, *args, **options):
        sent = send_due()
        self.stdout.write(
            f"Sent {sent} follow-up(s) (second round after "
            f"{settings.SUPPORT_FOLLOW_UP_MONTHS} months)."
        )
