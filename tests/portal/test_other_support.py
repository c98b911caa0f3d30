"""Other national support: what other agencies offer, listed with filters a person would use,
shown on the support areas it concerns and found by search. The counts are those of the
demo content (portal/demo/support.py): five entries from Ds 2025:19."""

import re

import pytest
from django.test import override_settings

from organisations.models import Municipality
from portal.models import OtherSupportPage, SupportAreaPage
from search import api

from ..factories import OtherSupportIndexPageFactory, OtherSupportPageFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db

LISTING = "/annat-nationellt-stod/"


def titles(response):
    return [page.title for page in response.context["supports"]]


def slugs(response):
    return sorted(page.slug for page in response.context["supports"])


def test_listing_shows_all_five_entries_with_actor_and_heading(demo, client):
    response = client.get(LISTING)
    assert response.status_code == 200
    assert response.context["total"] == 5
    html = response.content.decode()
    assert "5 stöd från andra aktörer" in html
    assert "Brottsförebyggande rådet (Brå) · Nationell myndighet" in html
    assert "Länsstyrelserna · Länsstyrelse" in html
    assert titles(response) == sorted(titles(response)), "alphabetical"
    # A plain GET form, the shared filter form: works without JavaScript.
    assert '<form method="get" class="filters"' in html


@pytest.mark.parametrize(
    "query, expected",
    [
        (
            "support_area=sammanhang-och-systematik",
            [
                "bob",
                "brottsforebyggande-ansvaret-och-bras-stod",
                "lansstyrelserna",
                "ny-socialtjanstlag",
                "skolverket-samverkan-for-basta-skola",
            ],
        ),
        (
            "support_area=basta-tillgangliga-kunskap",
            ["brottsforebyggande-ansvaret-och-bras-stod", "ny-socialtjanstlag"],
        ),
        ("support_area=lokal-utveckling", ["brottsforebyggande-ansvaret-och-bras-stod"]),
        (
            "actor_kind=agency",
            [
                "brottsforebyggande-ansvaret-och-bras-stod",
                "ny-socialtjanstlag",
                "skolverket-samverkan-for-basta-skola",
            ],
        ),
        ("actor_kind=county_board", ["lansstyrelserna"]),
        ("actor_kind=other", ["bob"]),
        (
            "target_group=barn-i-riskzon",
            ["bob", "brottsforebyggande-ansvaret-och-bras-stod", "ny-socialtjanstlag"],
        ),
        ("target_group=unga-som-begar-brott", ["bob", "ny-socialtjanstlag"]),
        (
            "support_area=sammanhang-och-systematik&actor_kind=agency"
            "&target_group=unga-som-begar-brott",
            ["ny-socialtjanstlag"],
        ),
    ],
)
def test_filters_give_the_entries_the_demo_says(demo, client, query, expected):
    response = client.get(f"{LISTING}?{query}")
    assert response.status_code == 200
    assert slugs(response) == expected
    assert response.context["total"] == len(expected)
    assert "Rensa filter" in response.content.decode()


def test_a_filter_without_matches_says_so_and_offers_to_clear(demo, client):
    response = client.get(f"{LISTING}?support_area=samverkan-med-bup")
    assert response.context["total"] == 0
    html = response.content.decode()
    assert "0 stöd från andra aktörer" in html
    assert "Inget stöd matchar filtren. Prova att ta bort något filter." in html
    assert f'<a href="{LISTING}">Rensa filter</a>' in html

    police = client.get(f"{LISTING}?actor_kind=police_region")
    assert police.context["total"] == 0


def test_an_unknown_value_is_reported_and_the_rest_still_lists(demo, client):
    response = client.get(f"{LISTING}?actor_kind=kommun&target_group=barn-i-riskzon")
    assert response.context["filter_form"].errors["actor_kind"]
    assert response.context["total"] == 3


def test_filter_offers_the_actor_kinds_and_only_target_groups_in_use(demo, client):
    form = client.get(LISTING).context["filter_form"]
    assert [value for value, _ in form.fields["actor_kind"].choices] == [
        "",
        "region",
        "county_board",
        "police_region",
        "support_structure",
        "agency",
        "other",
    ]
    groups = [group.slug for group in form.fields["target_group"].queryset]
    assert groups == ["barn-i-riskzon", "unga-som-begar-brott"]
    areas = [area.slug for area in form.fields["support_area"].queryset]
    assert len(areas) == 4


@override_settings(PORTAL_EXAMPLES_PER_PAGE=2)
def test_listing_is_paginated_and_keeps_the_filters(demo, client):
    first = client.get(f"{LISTING}?support_area=sammanhang-och-systematik")
    assert len(first.context["supports"]) == 2
    assert first.context["total"] == 5
    html = first.content.decode()
    assert "support_area=sammanhang-och-systematik&amp;sida=2" in html
    last = client.get(f"{LISTING}?support_area=sammanhang-och-systematik&sida=3")
    assert len(last.context["supports"]) == 1


def test_an_empty_listing_says_nothing_is_published(client, home_page):
    index = OtherSupportIndexPageFactory(parent=home_page)
    html = client.get(index.url).content.decode()
    assert "Inget stöd från andra aktörer är publicerat ännu." in html


def test_support_area_pages_list_the_support_they_concern(demo, client):
    area = SupportAreaPage.objects.get(slug="basta-tillgangliga-kunskap")
    html = client.get(area.url).content.decode()
    assert "Annat nationellt stöd inom området" in html
    for slug in ["brottsforebyggande-ansvaret-och-bras-stod", "ny-socialtjanstlag"]:
        entry = OtherSupportPage.objects.get(slug=slug)
        assert f'<a href="{entry.url}">{entry.title}</a>' in html
    assert "Skolverkets Samverkan för bästa skola" not in html
    assert f"{LISTING}?support_area=basta-tillgangliga-kunskap" in html

    without = SupportAreaPage.objects.get(slug="samverkan-med-bup")
    assert "Annat nationellt stöd inom området" not in client.get(without.url).content.decode()


def test_entry_page_shows_who_for_whom_how_and_its_source(demo, client):
    entry = OtherSupportPage.objects.get(slug="skolverket-samverkan-for-basta-skola")
    html = client.get(entry.url).content.decode()
    assert "Skolverket (nationell myndighet)" in html
    assert "För vem" in html and "Så får man stödet" in html
    assert "Källa: Ds 2025:19, avsnitt 4.5, 4.7.1, 5.5.1 och 6.5.2" in html
    assert '<a href="https://www.skolverket.se" rel="external">' in html


def test_every_demo_entry_cites_the_report_links_plainly_and_names_no_municipality(demo, client):
    names = list(Municipality.objects.values_list("name", flat=True))
    entries = OtherSupportPage.objects.live()
    assert entries.count() == 5
    for entry in entries:
        assert re.fullmatch(r"Ds 2025:19, avsnitt [0-9., och]+", entry.source), entry.title
        assert entry.link in {
            "",
            "https://bra.se",
            "https://www.lansstyrelsen.se",
            "https://www.socialstyrelsen.se",
            "https://www.skolverket.se",
        }
        html = client.get(entry.url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        text = re.sub(r"<[^>]+>", " ", main)
        named = [name for name in names if re.search(rf"\b{re.escape(name)}\b", text)]
        assert named == [], (entry.title, named)
        # No external assets: the only external address is the plain link.
        assert not re.search(r'(src|srcset)="https?://', main)


def test_search_finds_an_entry_by_its_actor_and_by_a_target_group(demo):
    skolverket = OtherSupportPage.objects.get(slug="skolverket-samverkan-for-basta-skola").url
    hits = api.search("Skolverket", filters={"kind": "other_support"}).hits
    assert hits[0].url == skolverket

    results = api.search("Länsstyrelse")
    assert OtherSupportPage.objects.get(slug="lansstyrelserna").url in [h.url for h in results.hits]

    young = api.search("unga som begår brott", filters={"kind": "other_support"})
    found = {hit.url for hit in young.hits}
    for slug in ["bob", "ny-socialtjanstlag"]:
        assert OtherSupportPage.objects.get(slug=slug).url in found
    assert api.search("Skolverket").facets["kind"]["other_support"] >= 1


def test_renaming_a_target_group_reindexes_the_support(committed, home_page, support_area):
    group = TargetGroupFactory(name="Fritidsledare")
    index = OtherSupportIndexPageFactory(parent=home_page)
    with committed():
        page = OtherSupportPageFactory(parent=index, support_areas=[support_area])
        page.target_groups.set([group])
        page.save_revision().publish()
    assert [hit.url for hit in api.search("fritidsledare").hits] == [page.url]
    with committed():
        group.name = "Idrottsledare"
        group.save()
    assert [hit.url for hit in api.search("fritidsledare").hits] == []
    assert [hit.url for hit in api.search("idrottsledare").hits] == [page.url]


def test_the_demo_has_five_entries_with_their_target_groups(demo):
    """(Loading the demo twice gives the same pages, these among them: test_load_demo.)"""
    assert OtherSupportPage.objects.count() == 5
    entry = OtherSupportPage.objects.get(slug="bob")
    assert [group.slug for group in entry.target_groups.order_by("slug")] == [
        "barn-i-riskzon",
        "unga-som-begar-brott",
    ]
