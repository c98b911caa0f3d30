"""Remind the owners of engagement steps past their date, and warn team contacts six
months before an engagement's two-year limit. Each reminder is sent once; safe to run as
often as you like, and two runs at once (support.services.next_steps)."""

from django.core.management.base import BaseCommand

from support.services import next_steps


class Command(BaseCommand):
    help = "Påminn om försenade steg i insatser och varna inför tvåårsgränsen (en gång var)."

    def handle(self, *args, **options):
        steps = next_steps.remind_overdue_steps()
        limits = next_steps.warn_of_limits()
        self.stdout.write(
            f"Påminnelser om försenade steg: {steps}. Varningar om tvåårsgränsen: {limits}."
        )
