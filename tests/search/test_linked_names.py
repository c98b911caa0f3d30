"""A page is found by everything it shows, the names of what it links to included, and a
renamed snippet or page is followed into every document that shows it."""

import pytest

from network.models import MunicipalityProfile, Network, NetworkMembership
from search import api

from ..factories import (
    CollaborationFormFactory,
    GoodExamplePageFactory,
    GuidancePageFactory,
    MethodFactory,
    TargetGroupFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db


def published(page):
    page.save_revision().publish()
    return page


def found(query):
    return [hit.url for hit in api.search(query).hits]


def rename(instance, field, value):
    setattr(instance, field, value)
    instance.save()


def test_guidance_is_found_by_its_linked_terms_and_labels_and_follows_a_rename(
    committed, support_area
):
    form = CollaborationFormFactory(name="Kvartersråd", abbreviation="KVR")
    group = TargetGroupFactory(name="Fritidsledare")
    with committed():
        page = GuidancePageFactory(parent=support_area, partners=["business"])
        page.collaboration_forms.set([form])
        page.target_groups.set([group])
        published(page)
    assert found("kvartersråd") == [page.url]
    assert found("fritidsledare") == [page.url]
    assert found("fastighetsägare") == [page.url]  # "Näringsliv och fastighetsägare"

    with committed():
        rename(form, "name", "Grannskapsråd")
        rename(group, "name", "Idrottsledare")
    assert found("kvartersråd") == []
    assert found("grannskapsråd") == [page.url]
    assert found("idrottsledare") == [page.url]


def test_a_support_area_is_found_by_its_methods_and_forms_descriptions(committed, support_area):
    method = MethodFactory(name="Nattvandringsmodellen", summary="Vuxna går ute om kvällarna.")
    form = CollaborationFormFactory(
        name="Trygghetsforum", description="Kommunen och polisen möts varje månad."
    )
    with committed():
        support_area.support_formats = ["mapping"]
        support_area.methods.set([method])
        support_area.collaboration_forms.set([form])
        published(support_area)
    assert support_area.url in found("nattvandringsmodellen")
    assert found("trygghetsforum") == [support_area.url]
    assert found("varje månad") == [support_area.url]  # the form's description
    assert found("kartläggning") == [support_area.url]  # a support format's label

    with committed():
        rename(form, "description", "Skolan och socialtjänsten ses varannan vecka.")
    assert found("varje månad") == []
    assert found("varannan vecka") == [support_area.url]


def test_a_method_names_its_support_areas_and_follows_their_renaming(committed, support_area):
    method = MethodFactory(name="Familjestödsprogrammet")
    with committed():
        support_area.methods.set([method])
        published(support_area)
    assert method.get_absolute_url() in found("bästa tillgängliga kunskap")

    with committed():
        support_area.title = "Hållbar implementering"
        published(support_area)
    urls = found("hållbar implementering")
    assert method.get_absolute_url() in urls
    assert method.get_absolute_url() not in found("bästa tillgängliga kunskap")


def test_an_example_shows_organisations_partners_and_areas_and_follows_renames(
    committed, example_index, support_area, kalmar, region_kalmar
):
    with committed():
        page = GoodExamplePageFactory(
            parent=example_index,
            municipality=kalmar,
            support_areas=[support_area],
            partners=["child_psychiatry"],
        )
        page.other_organisations.set([region_kalmar])
        published(page)
    assert found("ungdomspsykiatri") == [page.url]
    assert page.url in found(region_kalmar.name)
    assert page.url in found("kalmar län")
    assert page.url in found("bästa tillgängliga kunskap")

    with committed():
        support_area.title = "Tidiga insatser i skolan"
        published(support_area)
    assert page.url in found("tidiga insatser i skolan")

    with committed():
        rename(region_kalmar, "name", "Regionen Vid Sundet")
    assert page.url in found("regionen vid sundet")


def test_a_workshop_shows_methods_format_and_network_and_follows_renames(
    committed, home_page, kalmar
):
    index = WorkshopIndexPageFactory(parent=home_page)
    method = MethodFactory(name="Mentorskapsprogrammet")
    network = Network.objects.create(name="Östersjönätverket", slug="ostersjo")
    with committed():
        workshop = WorkshopPageFactory(parent=index, network=network)
        workshop.methods.set([method])
        published(workshop)
    assert workshop.url in found("mentorskapsprogrammet")
    assert workshop.url in found("digitalt")  # its format's label
    assert workshop.url in found("östersjönätverket")

    with committed():
        rename(network, "name", "Västkustnätverket")
        rename(method, "name", "Förebildsprogrammet")
    assert workshop.url in found("västkustnätverket")
    assert workshop.url in found("förebildsprogrammet")
    assert workshop.url not in found("östersjönätverket")


def test_a_municipality_shows_its_forms_areas_and_networks_and_a_network_its_members(
    committed, kalmar, vaxjo, support_area
):
    form = CollaborationFormFactory(name="Samrådsgruppen")
    with committed():
        profile = MunicipalityProfile.objects.create(municipality=kalmar)
        profile.collaboration_forms_planned.set([form])
        profile.wants_to_learn.set([support_area])
        profile.save()
    assert found("samrådsgruppen") == [kalmar.get_absolute_url()]
    assert kalmar.get_absolute_url() in found("bästa tillgängliga kunskap")

    with committed():
        rename(form, "name", "Dialoggruppen")
    assert found("samrådsgruppen") == []
    assert found("dialoggruppen") == [kalmar.get_absolute_url()]

    with committed():
        network = Network.objects.create(name="Glasrikenätverket", slug="glasriket")
        membership = NetworkMembership.objects.create(
            network=network, organisation=vaxjo.organisation, status="active"
        )
    assert vaxjo.get_absolute_url() in found("glasrikenätverket")
    assert network.get_absolute_url() in found("växjö")

    with committed():
        rename(network, "name", "Skogsnätverket")
        rename(membership, "status", "left")
    assert vaxjo.get_absolute_url() not in found("skogsnätverket")
    assert network.get_absolute_url() not in found("växjö")


def test_a_heading_is_found_by_its_words_and_not_by_its_levels_label(committed, support_area):
    import json

    page = GuidancePageFactory(parent=support_area, title="Tidiga signaler")
    page.body = json.dumps(
        [{"type": "heading", "value": {"text": "Samråd med förskolan", "level": "h3"}}]
    )
    with committed():
        published(page)
    assert found("förskolan") == [page.url]
    assert found("rubrik") == []  # "Rubrik 3" is the editor's choice of level, not shown
