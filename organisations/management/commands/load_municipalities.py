from django.core.management.base import BaseCommand

from organisations.services import load_reference_data


class Command(BaseCommand):
    help = (
        "Create Sweden's 21 counties and 290 municipalities from organisations/data, or update "
        "their population, county and SKR group. Names, slugs and pilot years that "
        "editors set are kept."
    )

    def handle(self, *args, **options):
        loaded = load_reference_data()
        self.stdout.write(
            self.style.SUCCESS(
                f"{loaded.counties} counties and {loaded.municipalities} municipalities loaded: "
                f"{loaded.created} new, {loaded.updated} updated."
            )
        )
