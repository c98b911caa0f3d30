import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from whoosh.index import LockError

from search.indexer import drain


class Command(BaseCommand):
    help = (
        "Keep the search index in step with the database: drain the outbox continuously. "
        "Run one per deployment when SEARCH_DRAIN_ON_COMMIT is off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="drain once and exit")

    def handle(self, *args, interval, once, **options):
        running = True

        def stop(*_args):
            nonlocal running
            running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while running:
            close_old_connections()
            try:
                applied = drain()
            except LockError:
                applied = 0  # a rebuild holds the writer; try again shortly
            if applied:
                self.stdout.write(f"Indexed {applied} change(s).")
            if once:
                break
            time.sleep(interval)
