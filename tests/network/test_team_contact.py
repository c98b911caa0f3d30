"""The team's contact person for each municipality (Ds 2025:19, 4.3): an editor chosen in
the admin, shown on the municipality's page and on Mina sidor with a way to reach them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from network.models import TeamContact
from network.services import contact

pytestmark = pytest.mark.django_db

EDIT = "/admin/snippets/network/municipality/edit/{code}/"
LIST = "/admin/snippets/network/municipality/"


def form_data(municipality, team_contact=""):
    return {
        "code": municipality.code,
        "name": municipality.name,
        "slug": municipality.slug,
        "county": municipality.county_id,
        "population": municipality.population,
        "population_year": municipality.population_year,
        "group_code": municipality.group_code,
        "group_name": municipality.group_name,
        "pilot_year": municipality.pilot_year or "",
        "team_contact": team_contact,
    }


@pytest.fixture
def second_editor(make_person):
    user = make_person("handlaggare@socialstyrelsen.se", first_name="Hanna")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_editor_chooses_the_contact_person_among_the_editors(
    client, home_page, kalmar, editor, second_editor, member_a
):
    client.force_login(editor)
    page = client.get(EDIT.format(code=kalmar.code)).content.decode()
    assert "Kontaktperson i förstärkningsteamet" in page
    assert "Hanna Person (handlaggare@socialstyrelsen.se)" in page
    assert "medlem@kalmar.se" not in page  # only editors can be chosen

    response = client.post(EDIT.format(code=kalmar.code), form_data(kalmar, second_editor.pk))
    assert response.status_code == 302
    assert TeamContact.objects.get(municipality=kalmar).user == second_editor
    entry = ModelLogEntry.objects.get(action="network.team_contact.set")
    assert entry.user == editor and entry.label == "Kalmar"
    assert entry.message == "Kontaktperson i förstärkningsteamet vald"
    # The form shows the choice when opened again.
    form = client.get(EDIT.format(code=kalmar.code)).context["form"]
    assert form.initial["team_contact"] == second_editor.pk


def test_a_member_cannot_be_made_the_teams_contact_person(
    client, home_page, kalmar, editor, member_a
):
    client.force_login(editor)
    response = client.post(EDIT.format(code=kalmar.code), form_data(kalmar, member_a.pk))
    assert response.status_code == 200
    assert "team_contact" in response.context["form"].errors
    assert not TeamContact.objects.exists()
    with pytest.raises(contact.ContactError):
        contact.set_team_contact(kalmar, member_a, by=editor)


def test_clearing_the_choice_leaves_the_municipality_without_one(client, home_page, kalmar, editor):
    contact.set_team_contact(kalmar, editor, by=editor)
    client.force_login(editor)
    response = client.post(EDIT.format(code=kalmar.code), form_data(kalmar, ""))
    assert response.status_code == 302
    assert not TeamContact.objects.exists()
    assert ModelLogEntry.objects.filter(action="network.team_contact.cleared").exists()


def test_a_personal_identity_number_in_the_municipality_form_is_refused(
    client, home_page, kalmar, editor
):
    client.force_login(editor)
    data = {**form_data(kalmar, editor.pk), "group_name": "Större stad 121212-1212"}
    response = client.post(EDIT.format(code=kalmar.code), data)
    assert response.status_code == 200
    assert "group_name" in response.context["form"].errors
    assert not TeamContact.objects.exists()


def test_the_list_shows_the_contact_person_and_finds_those_without_one(
    client, home_page, kalmar, vaxjo, editor
):
    contact.set_team_contact(kalmar, editor, by=editor)
    client.force_login(editor)
    listing = client.get(LIST, {"county": kalmar.county_id}).content.decode()
    assert "Kontaktperson i teamet" in listing and "Ella Person" in listing

    without = client.get(LIST, {"county": kalmar.county_id, "team_contact": "null"})
    names = [m.name for m in without.context["object_list"]]
    assert "Kalmar" not in names and "Nybro" in names
    assert all(m.county_id == kalmar.county_id for m in without.context["object_list"])

    with_editor = client.get(LIST, {"team_contact": editor.pk}).context["object_list"]
    assert [m.name for m in with_editor] == ["Kalmar"]


def test_the_municipality_page_names_the_contact_and_members_see_how_to_reach_them(
    client, kalmar, editor, member_a
):
    contact.set_team_contact(kalmar, editor, by=editor)

    visitor_page = client.get("/kommuner/kalmar/").content.decode()
    assert "Förstärkningsteamets kontaktperson" in visitor_page
    assert "Ella Person" in visitor_page
    assert "redaktor@socialstyrelsen.se" not in visitor_page

    client.force_login(member_a)
    member_page = client.get("/kommuner/kalmar/").content.decode()
    assert '<a href="mailto:redaktor@socialstyrelsen.se">redaktor@socialstyrelsen.se</a>' in (
        member_page
    )


def test_without_a_contact_person_the_page_says_so(client, kalmar):
    page = client.get("/kommuner/kalmar/").content.decode()
    assert "Förstärkningsteamet har inte utsett någon kontaktperson för Kalmar ännu." in page


def test_a_deactivated_editor_or_one_no_longer_an_editor_is_not_shown(
    client, kalmar, vaxjo, editor, second_editor
):
    contact.set_team_contact(kalmar, editor, by=editor)
    contact.set_team_contact(vaxjo, second_editor, by=editor)
    editor.is_active = False
    editor.save()
    second_editor.groups.clear()

    for slug, name in (("kalmar", "Ella"), ("vaxjo", "Hanna")):
        page = client.get(f"/kommuner/{slug}/").content.decode()
        assert f"{name} Person" not in page
        assert "Förstärkningsteamet har inte utsett någon kontaktperson" in page
    assert contact.team_contact_for(kalmar) is None


def test_mina_sidor_shows_a_municipality_member_their_team_contact(
    client, home_page, kalmar, editor, member_a
):
    client.force_login(member_a)
    page = client.get("/mina-sidor/").content.decode()
    assert "Förstärkningsteamet har inte utsett någon kontaktperson för Kalmar ännu." in page

    contact.set_team_contact(kalmar, editor, by=editor)
    page = client.get("/mina-sidor/").content.decode()
    assert "Förstärkningsteamets kontaktperson" in page
    assert 'href="mailto:redaktor@socialstyrelsen.se"' in page
    assert "den i förstärkningsteamet som Kalmar kan vända sig till" in page


def test_mina_sidor_has_no_team_contact_panel_for_other_organisations(
    client, home_page, make_person, region_kalmar
):
    client.force_login(make_person("bup@regionkalmar.se", region_kalmar))
    assert "Förstärkningsteamet" not in client.get("/mina-sidor/").content.decode()
