"""Reloading the reference data (manage.py load_municipalities) after editors have been at
work: the files own population, county and SKR group; editors own names, slugs and pilot
years. What a reload changes reaches the search index through its outbox."""

import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from organisations import services as reference_data
from organisations.models import Municipality
from search import api
from search.models import IndexOutbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_files(tmp_path, monkeypatch):
    """A copy of organisations/data that the loader reads; edit(name, old, new) changes it."""
    for path in reference_data.DATA_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(reference_data, "DATA_DIR", tmp_path)

    def edit(name, old, new):
        path = tmp_path / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def reload():
    out = StringIO()
    call_command("load_municipalities", stdout=out)
    return out.getvalue()


def test_reload_keeps_the_name_slug_and_pilot_year_an_editor_set(municipalities):
    Municipality.objects.filter(name="Kalmar").update(
        name="Kalmar kommun", slug="kalmar-kommun", pilot_year=None
    )
    Municipality.objects.filter(name="Nybro").update(pilot_year=2026)

    reload()

    kalmar = Municipality.objects.get(code="0880")
    assert (kalmar.name, kalmar.slug, kalmar.pilot_year) == ("Kalmar kommun", "kalmar-kommun", None)
    assert Municipality.objects.get(code="0881").pilot_year == 2026
    assert Municipality.objects.count() == 290


def test_reload_updates_population_county_and_group_from_the_files(municipalities, data_files):
    Municipality.objects.filter(code="0880").update(name="Kalmar kommun")
    data_files(
        "municipalities.csv",
        "0880,Kalmar,08,Kalmar län,72704,2024",
        "0880,Kalmar,08,Kalmar län,73000,2025",
    )
    data_files("municipality_groups.csv", "0880,B3,Större stad,2023", "0880,A1,Storstad,2025")

    assert "0 new, 1 updated" in reload()

    kalmar = Municipality.objects.get(code="0880")
    assert (kalmar.population, kalmar.population_year) == (73000, 2025)
    assert (kalmar.group_code, kalmar.group_name) == ("A1", "Storstad")
    assert kalmar.name == "Kalmar kommun"


def test_a_population_change_in_the_files_reaches_the_search_outbox(municipalities, data_files):
    IndexOutbox.objects.all().delete()
    data_files("municipalities.csv", ",72704,2024", ",73000,2025")

    reload()

    assert list(IndexOutbox.objects.values_list("key", flat=True)) == ["municipality:0880"]


def test_a_reload_that_changes_nothing_leaves_the_outbox_alone(municipalities):
    IndexOutbox.objects.all().delete()

    assert "0 new, 0 updated" in reload()

    assert not IndexOutbox.objects.exists()


def test_a_new_group_in_the_files_is_found_in_search_after_the_reload(
    committed, municipalities, data_files
):
    data_files("municipality_groups.csv", "0880,B3,Större stad,2023", "0880,B3,Kustmetropol,2025")

    with committed():
        reload()

    assert [hit.url for hit in api.search("kustmetropol").hits] == ["/kommuner/kalmar/"]
