import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal.services import email_queue

PURGE_EVERY = 3600  # seconds between clean-ups of old sent and given-up emails


class Command(BaseCommand):
    help = (
        "Send the queued emails and retry failed ones with back-off, continuously; forget "
        "sent and given-up emails after EMAIL_KEEP_DAYS. Run it when EMAIL_DRAIN_ON_COMMIT "
        "is off (production). Several at once are safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="send what is due and exit")

    def handle(self, *args, interval, once, **options):
        running = True

        def stop(*_args):
            nonlocal running
            running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        purged_at = None
        while running:
            if purged_at is None or time.monotonic() - purged_at > PURGE_EVERY:
                if deleted := email_queue.purge():
                    self.stdout.write(f"Forgot {deleted} old email(s).")
                purged_at = time.monotonic()
            sent, failed = email_queue.drain()
            if sent or failed or once:
                self.stdout.write(f"Sent {sent} email(s), {failed} failed.")
            if once:
                break
            time.sleep(interval)
            close_old_connections()  # a long-running process: drop broken connections
