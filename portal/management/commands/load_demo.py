from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo.builder import build_demo_site


class Command(BaseCommand):
    help = (
        "Build the demo site from the source documents' facts: support areas, guidance, "
        "good examples, methods, collaboration forms and all municipalities. Safe to rerun."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = build_demo_site()
        call_command("rebuild_search_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place:"))
        for kind, count in counts.items():
            self.stdout.write(f"  {kind}: {count}")
