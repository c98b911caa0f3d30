from django.core.management.base import BaseCommand

from network.services.networks import send_digests


class Command(BaseCommand):
    help = (
        "Email each subscriber the new posts in their networks, at most once a day per "
        "network. Safe to run as often as you like (e.g. hourly from cron)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_digests()} digest(s).")
