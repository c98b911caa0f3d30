"""The demo's workshops, as a visitor finds them."""

import re

from events.models import WorkshopPage


def test_the_workshop_on_collaboration_with_bup_is_open_to_municipalities_and_regions(demo, client):
    bup = WorkshopPage.objects.get(slug="bup-mellanrummen")
    page = client.get(bup.url).content.decode()
    assert re.search(r"<dt>Öppen för</dt>\s*<dd>Kommuner och regioner</dd>", page)
    others = WorkshopPage.objects.exclude(pk=bup.pk)
    assert others.exists() and all(w.open_to == ["municipality"] for w in others)


def test_a_popular_demo_workshop_runs_on_several_dates_each_with_its_seats(demo, client):
    rbm = WorkshopPage.objects.get(slug="rbm-grund")
    assert rbm.occasions.count() == 3
    page = client.get(rbm.url).content.decode()
    assert page.count("40 platser kvar") == 3
    listing = client.get(rbm.get_parent().url).content.decode()
    assert listing.count("40 platser kvar") >= 3


def test_the_demo_has_an_open_webcast_and_a_past_workshop_with_materials(demo, client):
    webcast = WorkshopPage.objects.get(slug="webbsandning-tidiga-signaler")
    assert webcast.open_format and webcast.occasions.get().capacity is None
    assert "Du behöver inte anmäla dig för att delta" in client.get(webcast.url).content.decode()
    past = WorkshopPage.objects.get(slug="rbm-varen")
    page = client.get(past.url).content.decode()
    assert "Material och inspelning" in page and "Logga in för att se det" in page
    assert "Inspelningen av inledningarna" not in page  # for participants only
