from django.core.management.base import BaseCommand

from network.services.municipalities import load_reference_data


class Command(BaseCommand):
    help = "Create or update Sweden's 21 counties and 290 municipalities from network/data."

    def handle(self, *args, **options):
        counties, municipalities = load_reference_data()
        self.stdout.write(
            self.style.SUCCESS(f"{counties} counties and {municipalities} municipalities loaded.")
        )
