"""Organisations of every kind: the reference files, the loader, the admin and the domains
that approve members at once."""

import pytest
from django.core.exceptions import ValidationError

from organisations.models import (
    County,
    Municipality,
    Organisation,
    OrganisationEmailDomain,
    organisation_for_email,
    organisations_serving,
)
from organisations.services import load_reference_data

pytestmark = pytest.mark.django_db

Kind = Organisation.Kind


def test_the_files_give_every_county_its_region_and_county_board_and_a_police_region(
    municipalities,
):
    counts = {kind: Organisation.objects.filter(kind=kind).count() for kind in Kind}
    assert counts[Kind.MUNICIPALITY] == 290
    assert counts[Kind.REGION] == 21
    assert counts[Kind.COUNTY_BOARD] == 21
    assert counts[Kind.POLICE_REGION] == 7
    for county in County.objects.all():
        serving = Organisation.objects.filter(counties=county)
        assert serving.filter(kind=Kind.REGION).count() == 1, county
        assert serving.filter(kind=Kind.COUNTY_BOARD).count() == 1, county
        assert serving.filter(kind=Kind.POLICE_REGION).count() == 1, county
    assert Organisation.objects.get(code="R08").name == "Region Kalmar län"
    assert Organisation.objects.get(code="L14").name == "Länsstyrelsen i Västra Götalands län"
    assert sorted(
        Organisation.objects.get(code="PSYD").counties.values_list("name", flat=True)
    ) == [
        "Blekinge län",
        "Kalmar län",
        "Kronobergs län",
        "Skåne län",
    ]


def test_every_municipality_is_an_organisation_of_its_county(municipalities):
    kalmar = Municipality.objects.get(name="Kalmar")
    organisation = kalmar.organisation
    assert organisation.kind == Kind.MUNICIPALITY and organisation.name == "Kalmar"
    assert list(organisation.counties.all()) == [kalmar.county]
    assert not Municipality.objects.filter(organisation__isnull=True).exists()


def test_a_municipality_is_served_by_its_region_county_board_and_police_region(municipalities):
    kalmar = Municipality.objects.get(name="Kalmar")
    assert [(o.name, o.get_kind_display()) for o in organisations_serving(kalmar)] == [
        ("Region Kalmar län", "Region"),
        ("Länsstyrelsen i Kalmar län", "Länsstyrelse"),
        ("Polisregion Syd", "Polisregion"),
    ]


def test_reloading_keeps_what_editors_changed_and_adds_nothing_twice(municipalities):
    region = Organisation.objects.get(code="R08")
    region.name = "Region Kalmar län (BUP)"
    region.save()
    OrganisationEmailDomain.objects.create(organisation=region, domain="regionkalmar.se")
    before = Organisation.objects.count()
    loaded = load_reference_data()
    assert loaded.organisations == 49 and loaded.organisations_created == 0
    assert Organisation.objects.count() == before
    region.refresh_from_db()
    assert region.name == "Region Kalmar län (BUP)"
    assert list(region.email_domains.values_list("domain", flat=True)) == ["regionkalmar.se"]


def test_an_address_on_a_regions_domain_names_the_region(municipalities):
    region = Organisation.objects.get(code="R08")
    OrganisationEmailDomain.objects.create(organisation=region, domain="RegionKalmar.se")
    assert organisation_for_email("bup.kollega@regionkalmar.se") == region
    assert organisation_for_email("someone@barn.regionkalmar.se") == region
    assert organisation_for_email("someone@kalmar.se") is None


@pytest.mark.parametrize("domain", ["lansstyrelsen.se", "polisen.se", "gmail.com", "Hotmail.com"])
def test_a_shared_or_open_domain_cannot_approve_anyone(municipalities, domain):
    board = Organisation.objects.get(code="L08")
    with pytest.raises(ValidationError) as error:
        OrganisationEmailDomain(organisation=board, domain=domain).full_clean()
    assert "kan inte godkänna någon automatiskt" in str(error.value.message_dict["domain"])
