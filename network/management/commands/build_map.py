"""Write the map's outline, static/img/sweden-municipalities.svg, from the geometry.

Run after organisations/data/municipalities.geojson changes; the file is committed, and
tests/network/test_map.py fails while it is out of date."""

from django.conf import settings
from django.core.management.base import BaseCommand

from network.services.maps import OUTLINE, outline_svg


class Command(BaseCommand):
    help = "Write the municipality map's outline (a static file) from the geometry."

    def handle(self, *args, **options):
        target = settings.BASE_DIR / "static" / OUTLINE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(outline_svg(), encoding="utf-8")
        self.stdout.write(f"{target.relative_to(settings.BASE_DIR)}: {target.stat().st_size} bytes")
