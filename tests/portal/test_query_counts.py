"""The number of SQL queries for the main pages does not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import Municipality

from ..factories import GoodExamplePageFactory, MethodFactory

pytestmark = pytest.mark.django_db

# A fixed ceiling, so that a page cannot quietly become expensive even at a constant count.
MAX_QUERIES = 30


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root paths, settings)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_examples(count, *, parent, support_area, method, start=0):
    municipalities = list(Municipality.objects.order_by("code")[:50])
    for number in range(start, start + count):
        GoodExamplePageFactory(
            parent=parent,
            title=f"Exempel {number}",
            municipality=municipalities[number % len(municipalities)],
            support_areas=[support_area],
            methods=[method],
            tags=[f"tagg-{number % 7}", "gemensam"],
        )


def test_query_counts_do_not_grow_with_examples(
    client, home_page, support_area, guidance_page, example_index, municipalities
):
    method = MethodFactory()
    support_area.methods.set([method])
    support_area.save_revision().publish()
    urls = [
        "/",
        support_area.url,
        guidance_page.url,
        example_index.url,
        f"{example_index.url}?prevention_level=selective&tag=gemensam",
        f"{example_index.url}?sida=3",
        "/kommuner/kalmar/",
        f"/metoder/{method.slug}/",
    ]
    add_examples(10, parent=example_index, support_area=support_area, method=method)
    with_10 = {url: queries_for(client, url) for url in urls}

    add_examples(190, parent=example_index, support_area=support_area, method=method, start=10)
    with_200 = {url: queries_for(client, url) for url in urls}

    assert with_200 == with_10
    assert max(with_200.values()) <= MAX_QUERIES, with_200


def test_query_counts_do_not_grow_with_methods_networks_and_workshops(
    client, home_page, municipalities
):
    """The methods listing, the network directory and a network's page, and the workshop
    listing, with 10 and with 200 items in their listings."""
    from events.models import WorkshopIndexPage  # noqa: F401 (the index page type)
    from network.models import Network, NetworkMembership

    from ..factories import WorkshopIndexPageFactory, WorkshopPageFactory

    index = WorkshopIndexPageFactory(parent=home_page)
    network = Network.objects.create(name="Stort nätverk", slug="stort", purpose="Dela.")
    towns = list(Municipality.objects.order_by("code"))

    def add(start, stop):
        for number in range(start, stop):
            MethodFactory(name=f"Metod {number}", slug=f"metod-{number}")
            Network.objects.create(name=f"Nätverk {number}", slug=f"natverk-{number}")
            NetworkMembership.objects.create(
                network=network, organisation=towns[number].organisation, status="active"
            )
            if number < 10 or number % 8 == 0:  # workshops are slow to build: 34 of them
                WorkshopPageFactory(parent=index, title=f"Workshop {number}")

    urls = ["/metoder/", "/kommuner/natverk/", "/kommuner/natverk/stort/", index.url]
    add(0, 10)
    with_10 = {url: queries_for(client, url) for url in urls}
    add(10, 200)
    with_200 = {url: queries_for(client, url) for url in urls}
    assert with_200 == with_10
    assert max(with_200.values()) <= MAX_QUERIES, with_200
