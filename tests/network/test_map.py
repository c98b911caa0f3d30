"""The map: one static outline shared by every page, each page carrying only its marks."""

import pytest
from django.conf import settings

from network.models import MunicipalityProfile
from network.services.maps import OUTLINE, outline_svg

from ..factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def test_the_static_outline_is_the_geometry_as_it_is_now():
    """`manage.py build_map` writes it; run it after the geometry changes."""
    committed = (settings.BASE_DIR / "static" / OUTLINE).read_text(encoding="utf-8")
    assert committed == outline_svg()
    assert committed.count("<path ") == 290


def test_a_municipality_page_is_light_and_marks_only_its_peers(
    client, home_page, municipalities, kalmar, vaxjo
):
    shared = ChallengeFactory(name="Rekrytering till kriminella nätverk")
    for town in (kalmar, vaxjo):
        profile = MunicipalityProfile.objects.get_or_create(municipality=town)[0]
        profile.looking_for_peers = True
        profile.save()
        profile.challenges.set([shared])
    response = client.get("/kommuner/kalmar/")
    html = response.content.decode()
    assert len(response.content) < 30_000, len(response.content)
    assert "sweden-municipalities" in html  # the outline, drawn from the static file
    assert html.count("map-area--primary") == 1
    assert "map-area--highlighted" in html
    assert html.count("<path ") <= 6  # Kalmar and at most five similar municipalities
    assert "Kalmar och liknande kommuner: Växjö" in html  # the text alternative
