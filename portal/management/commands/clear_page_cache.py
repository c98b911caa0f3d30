from django.core.management.base import BaseCommand

from portal.page_cache.store import clear


class Command(BaseCommand):
    help = (
        "Clear every cached public page, on every app server (each one's own copies too). "
        "Run after a release that changed templates; sessions and everything else stay."
    )

    def handle(self, *args, **options):
        clear()
        self.stdout.write("Cleared the cached pages.")
