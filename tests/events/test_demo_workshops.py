"""The demo's workshops, as a visitor finds them."""

import re

from events.models import WorkshopPage


def test_the_workshop_on_collaboration_with_bup_is_open_to_municipalities_and_regions(demo, client):
    bup = WorkshopPage.objects.get(slug="bup-mellanrummen")
    page = client.get(bup.url).content.decode()
    assert re.search(r"<dt>Öppen för</dt>\s*<dd>Kommuner och regioner</dd>", page)
    others = WorkshopPage.objects.exclude(pk=bup.pk)
    assert others.exists() and all(w.open_to == ["municipality"] for w in others)
