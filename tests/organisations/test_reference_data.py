import csv
import re

import pytest

from organisations.models import County, Municipality
from organisations.services import DATA_DIR, load_reference_data

pytestmark = pytest.mark.django_db


def test_reference_data_has_all_municipalities_in_their_counties(municipalities):
    assert Municipality.objects.count() == 290
    assert County.objects.count() == 21
    assert Municipality.objects.get(code="0180").county.name == "Stockholms län"
    assert Municipality.objects.get(name="Kiruna").county.name == "Norrbottens län"
    assert Municipality.objects.get(name="Växjö").county.name == "Kronobergs län"
    assert Municipality.objects.get(name="Håbo").county.name == "Uppsala län"
    # Every municipality code starts with its county code, as SCB's codes do.
    for code, county_code in Municipality.objects.values_list("code", "county_id"):
        assert code[:2] == county_code
    # The national total matches SCB's figure for 31 December 2024.
    assert sum(Municipality.objects.values_list("population", flat=True)) == 10_587_710


def test_every_county_has_the_municipalities_the_file_says():
    load_reference_data()
    with open(DATA_DIR / "municipalities.csv", encoding="utf-8") as handle:
        expected = {row["code"]: row["county_code"] for row in csv.DictReader(handle)}
    assert dict(Municipality.objects.values_list("code", "county_id")) == expected


def test_loading_twice_changes_nothing(municipalities):
    before = list(Municipality.objects.order_by("code").values())
    load_reference_data()
    assert list(Municipality.objects.order_by("code").values()) == before


def test_slugs_are_unique_even_when_names_fold_to_the_same_letters(municipalities):
    assert Municipality.objects.get(name="Håbo").slug == "habo-0305"
    assert Municipality.objects.get(name="Habo").slug == "habo-0643"
    assert Municipality.objects.get(name="Upplands Väsby").slug == "upplands-vasby"


def test_pilot_municipalities_are_marked(municipalities):
    pilots = dict(
        Municipality.objects.filter(pilot_year__isnull=False).values_list("name", "pilot_year")
    )
    assert pilots == {
        "Borås": 2024,
        "Håbo": 2024,
        "Kalmar": 2024,
        "Sundsvall": 2024,
        "Strängnäs": 2024,
        "Uppsala": 2024,
        "Växjö": 2025,
        "Borlänge": 2025,
        "Huddinge": 2025,
        "Sundbyberg": 2025,
    }


def test_municipality_groups_follow_skr(municipalities):
    assert Municipality.objects.get(name="Stockholm").group_code == "A1"
    assert Municipality.objects.get(name="Uppsala").group_code == "B3"
    assert Municipality.objects.get(name="Kiruna").group_code == "C6"
    assert Municipality.objects.filter(group_code="").count() == 0


def test_municipality_page_shows_facts_and_examples(client, good_example):
    response = client.get("/kommuner/kalmar/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kalmar län" in content
    assert "Pilotkommun sedan 2024" in content
    assert good_example.title in content


def test_municipality_page_without_examples_says_so(client, municipalities, home_page):
    response = client.get("/kommuner/kiruna/")
    assert "Inga goda exempel från Kiruna är publicerade ännu." in response.content.decode()


def test_unknown_municipality_is_a_404(client, municipalities, home_page):
    assert client.get("/kommuner/finns-inte/").status_code == 404


def test_municipality_list_groups_by_county(client, municipalities, home_page):
    response = client.get("/kommuner/")
    content = response.content.decode()
    linked = re.findall(r'href="/kommuner/([a-z0-9-]+)/"', content)
    slugs = set(Municipality.objects.values_list("slug", flat=True))
    assert sorted(slug for slug in linked if slug in slugs) == sorted(slugs)
    assert "Gotlands län" in content
