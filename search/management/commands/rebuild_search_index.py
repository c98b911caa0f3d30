import sys

from django.core.management.base import BaseCommand

from search.documents import all_keys
from search.indexer import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database, beside the current one, then swap: "
        "search keeps answering from the old index until the new one is complete."
    )

    def handle(self, *args, **options):
        total = sum(1 for _key in all_keys())
        width = 40

        def progress(done):
            if done % 25 and done != total:
                return
            filled = int(width * min(done, total) / max(total, 1))
            self.stdout.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
            )
            sys.stdout.flush()

        count = rebuild(progress=progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
