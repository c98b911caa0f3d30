"""A good example names its municipality and, where the source says so, the other
organisations that did it together with the municipality."""

import pytest

from search import api

pytestmark = pytest.mark.django_db


def test_an_example_names_the_region_that_took_part_and_search_finds_it_by_the_region(
    client, good_example, region_kalmar, committed
):
    good_example.other_organisations.add(region_kalmar)
    with committed():
        good_example.save_revision().publish()
    html = client.get(good_example.url).content.decode()
    assert "Tillsammans med" in html
    assert (
        "Region Kalmar län\n        (region)" in html
        or "Region Kalmar län (region)" in " ".join(html.split())
    )
    assert good_example.url in [hit.url for hit in api.search("Region Kalmar län").hits]


def test_renaming_the_region_reindexes_the_example(client, good_example, region_kalmar, committed):
    good_example.other_organisations.add(region_kalmar)
    with committed():
        good_example.save_revision().publish()
    with committed():
        region_kalmar.name = "Region Kalmar län och BUP Kalmar"
        region_kalmar.save()
    assert good_example.url in [hit.url for hit in api.search("BUP Kalmar").hits]
