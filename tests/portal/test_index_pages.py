"""The index pages share one abstract page, and their listings one filter-form include."""

import pytest

from events.models import WorkshopIndexPage
from portal.models import (
    FilteredListingMixin,
    GoodExampleIndexPage,
    IndexPage,
    SupportAreaIndexPage,
)

from ..factories import WorkshopIndexPageFactory

INDEX_PAGES = [GoodExampleIndexPage, WorkshopIndexPage, SupportAreaIndexPage]


@pytest.mark.parametrize("page_type", INDEX_PAGES, ids=lambda model: model.__name__)
def test_index_pages_share_one_abstract_index_page(page_type):
    assert issubclass(page_type, IndexPage)
    intro = page_type._meta.get_field("intro")
    assert intro.model is page_type and not intro.null and intro.blank
    assert page_type.parent_page_types == ["portal.HomePage"] and page_type.max_count == 1


def test_the_filtered_listings_use_the_listing_mixin():
    assert issubclass(GoodExampleIndexPage, FilteredListingMixin)
    assert issubclass(WorkshopIndexPage, FilteredListingMixin)


@pytest.mark.django_db
def test_clearing_workshop_filters_keeps_showing_past_workshops(client, home_page):
    index = WorkshopIndexPageFactory(parent=home_page)
    html = client.get(index.url + "?visa=tidigare&format=digital").content.decode()
    assert '<input type="hidden" name="visa" value="tidigare">' in html
    assert f'<a href="{index.url}?visa=tidigare">Rensa filter</a>' in html
    html = client.get(index.url + "?format=digital").content.decode()
    assert 'name="visa"' not in html and f'<a href="{index.url}">Rensa filter</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, heading, button",
    [
        ("/goda-exempel/", "Filtrera", "Visa exempel"),
        ("/workshoppar/", "Filtrera", "Visa workshoppar"),
        ("/kommuner/sok/", "Sök på utmaning, metod eller län", "Visa kommuner"),
    ],
)
def test_every_listing_shows_the_same_filter_form(
    client, example_index, municipalities, path, heading, button
):
    WorkshopIndexPageFactory(parent=example_index.get_parent())
    html = client.get(path + "?county=99").content.decode()
    assert '<form method="get" class="filters" aria-labelledby="filters-heading">' in html
    assert f'<h2 id="filters-heading" class="filters__heading">{heading}</h2>' in html
    assert f'<button type="submit">{button}</button>' in html
    assert 'id="id_county_error"' in html
