"""Fixtures, chained the way the site is built: site → home → index pages → content."""

import pytest
from wagtail.models import Page, Site

from network.models import Municipality
from network.services.municipalities import load_reference_data

from .factories import (
    GoodExampleIndexPageFactory,
    GoodExamplePageFactory,
    GuidancePageFactory,
    HomePageFactory,
    MethodFactory,
    SupportAreaIndexPageFactory,
    SupportAreaPageFactory,
)


@pytest.fixture
def municipalities(db):
    """All 290 municipalities and 21 counties, as the reference data loader creates them."""
    load_reference_data()
    return Municipality.objects.all()


@pytest.fixture
def site(db):
    """The default site, as Wagtail's migrations leave it (root page and welcome page)."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    """A HomePage that replaces Wagtail's welcome page as the site root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def support_area_index(home_page):
    return SupportAreaIndexPageFactory(parent=home_page)


@pytest.fixture
def support_area(support_area_index):
    return SupportAreaPageFactory(parent=support_area_index, title="Bästa tillgängliga kunskap")


@pytest.fixture
def guidance_page(support_area):
    return GuidancePageFactory(parent=support_area, title="RBM-modellen i vardagen")


@pytest.fixture
def example_index(home_page):
    return GoodExampleIndexPageFactory(parent=home_page)


@pytest.fixture
def method(db):
    return MethodFactory(name="RBM-modellen", slug="rbm")


@pytest.fixture
def good_example(example_index, support_area, municipalities):
    return GoodExamplePageFactory(
        parent=example_index,
        title="Gemensamt språk med RBM",
        municipality=Municipality.objects.get(name="Kalmar"),
        support_areas=[support_area],
    )
