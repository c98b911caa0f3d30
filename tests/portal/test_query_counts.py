"""The number of SQL queries for the main pages does not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.signal_handlers import disable_reference_index_auto_update

from organisations.models import Municipality

from ..factories import GoodExamplePageFactory, MethodFactory

pytestmark = pytest.mark.django_db

# A fixed ceiling, so that a page cannot quietly become expensive even at a constant count.
MAX_QUERIES = 30


@pytest.fixture(autouse=True)
def no_reference_index():
    """Building 200 items keeps Wagtail's reference index out: it is not what these tests
    count, and it re-reads a page with all its children on every child saved, so that 200
    dates on a workshop cost minutes (page views never touch it)."""
    with disable_reference_index_auto_update():
        yield


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


def test_query_counts_do_not_grow_with_search_results(
    client, home_page, example_index, municipalities
):
    """The search page with 10 and with 200 hits (ten shown, facets over all of them)."""
    from portal.models import GoodExamplePage
    from search.indexer import drain
    from search.outbox import enqueue

    from ..factories import SupportAreaPageFactory

    support_area = SupportAreaPageFactory(parent=home_page, title="Samverkan")
    method = MethodFactory()
    urls = ["/sok/?q=exempel", "/sok/?q=exempel&sortering=datum", "/sok/?q=exempel&kind=example"]

    def add(start, count):
        add_examples(
            count, parent=example_index, support_area=support_area, method=method, start=start
        )
        titles = [f"Exempel {number}" for number in range(start, start + count)]
        pages = GoodExamplePage.objects.filter(title__in=titles).values_list("pk", flat=True)
        enqueue(*(f"page:{pk}" for pk in pages))  # what publishing each records
        drain()

    add(0, 10)
    with_10 = {url: queries_for(client, url) for url in urls}
    assert "10 träffar" in client.get(urls[0]).content.decode()
    add(10, 190)
    with_200 = {url: queries_for(client, url) for url in urls}
    assert "200 träffar" in client.get(urls[0]).content.decode()
    assert with_200 == with_10
    assert max(with_200.values()) <= MAX_QUERIES, with_200


def test_query_counts_do_not_grow_with_the_offers_activities(client, home_page, support_area):
    from support.models import SupportActivity, SupportOfferPage

    from ..factories import SupportAreaPageFactory

    page = SupportOfferPage(title="Stöd från förstärkningsteamet", slug="stod")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    areas = [support_area] + [
        SupportAreaPageFactory(parent=support_area.get_parent(), title=f"Område {n}")
        for n in range(2)
    ]

    def add(start, stop):
        for number in range(start, stop):
            SupportActivity.objects.create(
                support_area=areas[number % len(areas)],
                title=f"Aktivitet {number}",
                format="lecture",
                description="Vad teamet gör.",
                asks_of_municipality="En arbetsgrupp.",
                duration="En dag",
            )

    add(0, 10)
    with_10 = queries_for(client, page.url)
    add(10, 200)
    with_200 = queries_for(client, page.url)
    assert "Aktivitet 199" in client.get(page.url).content.decode()
    assert with_200 == with_10
    assert with_200 <= MAX_QUERIES


def test_query_counts_do_not_grow_with_a_workshops_dates_and_methods(client, home_page):
    """A single workshop page, with 10 and with 200 dates (each with a session) and methods."""
    import datetime

    from django.utils import timezone

    from events.models import Occasion, WorkshopPage, WorkshopSession

    from ..factories import WorkshopIndexPageFactory, WorkshopPageFactory

    workshop = WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=home_page))

    def add(start, stop):
        page = WorkshopPage.objects.get(pk=workshop.pk)
        for number in range(start, stop):
            occasion = Occasion.objects.create(workshop=page, capacity=10, sort_order=number + 1)
            starts = timezone.now() + datetime.timedelta(days=20 + number)
            WorkshopSession.objects.create(
                occasion=occasion, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
            )
            page.methods.add(MethodFactory(name=f"Metod {number}", slug=f"metod-{number}"))
        page.save_revision().publish()  # as an editor does; it creates the seat counters

    add(0, 9)  # and the factory's own date: 10
    with_10 = queries_for(client, workshop.url)
    add(9, 199)
    with_200 = queries_for(client, workshop.url)
    content = client.get(workshop.url).content.decode()
    assert content.count("platser kvar") >= 200
    assert "Metod 198" in content
    assert with_200 == with_10
    assert with_200 <= MAX_QUERIES
