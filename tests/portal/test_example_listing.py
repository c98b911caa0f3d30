"""The good-example listing: filters a person would use, kept in the URL, paginated."""

import pytest
from django.test import override_settings

from organisations.models import Municipality

from ..factories import GoodExamplePageFactory, MethodFactory, SupportAreaPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(example_index, support_area_index, municipalities):
    """Four examples that differ in one respect each, so every filter has one right answer."""
    collaboration = SupportAreaPageFactory(
        parent=support_area_index, title="Samverkan", slug="samverkan"
    )
    knowledge = SupportAreaPageFactory(parent=support_area_index, title="Kunskap", slug="kunskap")
    rbm = MethodFactory(name="RBM-modellen", slug="rbm")
    sspf_method = MethodFactory(name="ISU", slug="isu")
    kalmar = Municipality.objects.get(name="Kalmar")
    vaxjo = Municipality.objects.get(name="Växjö")
    umea = Municipality.objects.get(name="Umeå")
    return {
        "kalmar_rbm": GoodExamplePageFactory(
            parent=example_index,
            title="Kalmar och RBM",
            municipality=kalmar,
            support_areas=[knowledge],
            methods=[rbm],
            prevention_levels=["indicated"],
            tags=["bedömning"],
        ),
        "vaxjo_sspf": GoodExamplePageFactory(
            parent=example_index,
            title="Växjö och SSPF",
            municipality=vaxjo,
            support_areas=[collaboration],
            methods=[sspf_method],
            prevention_levels=["selective"],
            tags=["samverkan"],
        ),
        "umea_universal": GoodExamplePageFactory(
            parent=example_index,
            title="Umeå och skolan",
            municipality=umea,
            support_areas=[collaboration],
            prevention_levels=["universal", "selective"],
        ),
        "unnamed": GoodExamplePageFactory(
            parent=example_index,
            title="En pilotkommuns kartläggning",
            unnamed_municipality="En pilotkommun",
            support_areas=[knowledge],
            prevention_levels=["universal"],
        ),
    }


def titles(response):
    return {example.title for example in response.context["examples"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            {"Kalmar och RBM", "Växjö och SSPF", "Umeå och skolan", "En pilotkommuns kartläggning"},
        ),
        ("support_area=samverkan", {"Växjö och SSPF", "Umeå och skolan"}),
        ("support_area=kunskap", {"Kalmar och RBM", "En pilotkommuns kartläggning"}),
        ("prevention_level=selective", {"Växjö och SSPF", "Umeå och skolan"}),
        ("prevention_level=universal", {"Umeå och skolan", "En pilotkommuns kartläggning"}),
        ("prevention_level=indicated", {"Kalmar och RBM"}),
        ("county=07", {"Växjö och SSPF"}),
        ("county=08", {"Kalmar och RBM"}),
        ("county=01", set()),
        ("municipality=umea", {"Umeå och skolan"}),
        ("method=rbm", {"Kalmar och RBM"}),
        ("tag=samverkan", {"Växjö och SSPF"}),
        ("support_area=samverkan&prevention_level=universal", {"Umeå och skolan"}),
        ("support_area=kunskap&county=08&method=rbm", {"Kalmar och RBM"}),
    ],
)
def test_filters_return_what_they_should(client, catalogue, example_index, query, expected):
    response = client.get(f"{example_index.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_filter_form_shows_the_chosen_values_again(client, catalogue, example_index):
    response = client.get(f"{example_index.url}?county=07&prevention_level=selective")
    html = response.content.decode()
    assert '<option value="07" selected>Kronobergs län</option>' in html
    assert '<option value="selective" selected>Selektiv prevention</option>' in html
    assert "Rensa filter" in html


def test_only_municipalities_and_tags_with_examples_are_offered(client, catalogue, example_index):
    form = client.get(example_index.url).context["filter_form"]
    offered = {m.name for m in form.fields["municipality"].queryset}
    assert offered == {"Kalmar", "Växjö", "Umeå"}
    assert dict(form.fields["tag"].choices).keys() == {"", "bedomning", "samverkan"}


def test_an_invalid_filter_is_explained_and_the_others_still_apply(
    client, catalogue, example_index
):
    response = client.get(f"{example_index.url}?county=99&support_area=samverkan")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_county_error"' in html
    assert "Välj ett giltigt alternativ" in html
    assert titles(response) == {"Växjö och SSPF", "Umeå och skolan"}


def test_no_match_says_so(client, catalogue, example_index):
    response = client.get(f"{example_index.url}?county=01")
    assert "Inga goda exempel matchar filtren" in response.content.decode()


def test_empty_listing_says_nothing_is_published(client, example_index):
    response = client.get(example_index.url)
    assert "Inga goda exempel är publicerade ännu." in response.content.decode()


def test_drafts_never_appear(client, catalogue, example_index):
    GoodExamplePageFactory(parent=example_index, title="Utkast", live=False)
    assert "Utkast" not in titles(client.get(example_index.url))


@override_settings(PORTAL_EXAMPLES_PER_PAGE=1)
def test_pagination_keeps_the_filters(client, catalogue, example_index):
    first = client.get(f"{example_index.url}?prevention_level=selective")
    assert first.context["examples"].paginator.num_pages == 2
    assert 'href="?prevention_level=selective&amp;sida=2"' in first.content.decode()
    second = client.get(f"{example_index.url}?prevention_level=selective&sida=2")
    assert titles(first) | titles(second) == {"Växjö och SSPF", "Umeå och skolan"}
    assert titles(first).isdisjoint(titles(second))


def test_one_page_of_results_has_no_pagination(client, catalogue, example_index):
    html = client.get(f"{example_index.url}?support_area=kunskap").content.decode()
    assert "sida=" not in html


@override_settings(PORTAL_EXAMPLES_PER_PAGE=2)
def test_a_page_number_out_of_range_shows_the_last_page(client, catalogue, example_index):
    response = client.get(f"{example_index.url}?sida=99")
    assert response.status_code == 200
    assert response.context["examples"].number == 2
