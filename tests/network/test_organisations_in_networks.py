"""Networks for every kind of organisation, as people meet them on the site: a county
board coordinates a network, a police region asks to join, the network page groups its
members by kind, and a municipality's page names the organisations that serve it."""

import re

import pytest
from django.core import mail

from network.models import Network, NetworkMembership, Thread
from network.services import networks
from organisations.models import Organisation

from ..factories import ChallengeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board_network(county_board_kalmar):
    """A network the county board of Kalmar län coordinates; nobody is a member yet."""
    return Network.objects.create(
        name="Tidiga insatser i Kalmar län",
        slug="tidiga-insatser",
        challenge=ChallengeFactory(name="Tidiga insatser", slug="tidiga-insatser"),
        coordinator_organisation=county_board_kalmar,
    )


@pytest.fixture
def board_coordinator(make_person, county_board_kalmar):
    return make_person(
        "utvecklare@lansstyrelsen.se", county_board_kalmar, role="coordinator", first_name="Lena"
    )


def text(html):
    """The page's text without tags or repeated whitespace, as a screen shows it."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def members_section(html):
    """The text of the section "Medlemmar": the member lists by kind."""
    (section,) = re.findall(
        r'<section aria-labelledby="members-heading">(.*?)</section>', html, flags=re.S
    )
    return text(section)


def test_a_county_board_coordinates_a_network_and_accepts_a_municipality(
    client, home_page, board_network, board_coordinator, coordinator_a, committed
):
    client.force_login(coordinator_a)
    page = client.get(board_network.get_absolute_url()).content.decode()
    assert "Samordnas av Länsstyrelsen i Kalmar län" in page
    assert "Ansök om att Kalmar går med" in page
    with committed():
        response = client.post("/kommuner/natverk/tidiga-insatser/ga-med/", follow=True)
    assert "Ansökan är skickad till nätverkets samordnare." in response.content.decode()
    request_email = mail.outbox[-1]
    assert request_email.to == [board_coordinator.email]
    assert "Kalmar vill gå med" in request_email.subject

    client.force_login(board_coordinator)
    page = text(client.get(board_network.get_absolute_url()).content.decode())
    assert "Ansökningar Kalmar (Kommun) Ta emot Kalmar" in page
    membership = board_network.memberships.get()
    with committed():
        response = client.post(
            f"/kommuner/natverk/tidiga-insatser/ta-emot/{membership.pk}/", follow=True
        )
    html = response.content.decode()
    assert "Kalmar är med i nätverket." in html
    assert "Ta emot Kalmar" not in html
    assert members_section(html) == "Medlemmar Kommuner Kalmar (Kalmar län)"
    assert re.search(r'<a\s+href="/kommuner/kalmar/">Kalmar</a>', html)  # its public page
    assert mail.outbox[-1].to == [coordinator_a.email]
    assert "Kalmar är nu med i nätverket" in mail.outbox[-1].body

    client.force_login(coordinator_a)
    assert (
        "Kalmar är med i nätverket."
        in client.get(board_network.get_absolute_url()).content.decode()
    )
    assert "Tidiga insatser i Kalmar län" in client.get("/mina-sidor/").content.decode()


def test_a_police_region_asks_to_join_and_its_staff_take_part_once_accepted(
    client, home_page, board_network, board_coordinator, police_south, make_person, committed
):
    police_coordinator = make_person(
        "samordnare@polisen.se", police_south, role="coordinator", first_name="Per"
    )
    police_officer = make_person("kpo@polisen.se", police_south, first_name="Pia")
    client.force_login(police_coordinator)
    assert (
        "Ansök om att Polisregion Syd går med"
        in client.get(board_network.get_absolute_url()).content.decode()
    )
    with committed():
        client.post("/kommuner/natverk/tidiga-insatser/ga-med/")
    membership = board_network.memberships.get(organisation=police_south)
    assert membership.status == "requested"
    assert mail.outbox[-1].to == [board_coordinator.email]
    assert "Polisregion Syd vill gå med" in mail.outbox[-1].subject

    client.force_login(police_officer)
    page = client.get(board_network.get_absolute_url()).content.decode()
    assert "bara öppen för medarbetare i nätverkets organisationer" in page
    assert client.get("/kommuner/natverk/tidiga-insatser/ny-trad/").status_code == 403

    client.force_login(board_coordinator)
    page = text(client.get(board_network.get_absolute_url()).content.decode())
    assert "Polisregion Syd (Polisregion) Ta emot Polisregion Syd" in page
    client.post(f"/kommuner/natverk/tidiga-insatser/ta-emot/{membership.pk}/")
    membership.refresh_from_db()
    assert membership.status == "active"

    client.force_login(police_officer)
    html = client.get(board_network.get_absolute_url()).content.decode()
    assert members_section(html) == "Medlemmar Polisregioner Polisregion Syd"
    response = client.post(
        "/kommuner/natverk/tidiga-insatser/ny-trad/",
        {"title": "Samverkan kring SSPF", "body": "Hur lägger ni upp era möten?"},
        follow=True,
    )
    page = text(response.content.decode())
    assert "Samverkan kring SSPF" in page
    assert "Pia Person, Polisregion Syd" in page and "Hur lägger ni upp era möten?" in page


def test_the_network_page_groups_its_members_by_kind(
    client,
    home_page,
    board_network,
    kalmar,
    vaxjo,
    region_kalmar,
    county_board_kalmar,
    police_south,
):
    for organisation in (
        police_south,
        vaxjo.organisation,
        region_kalmar,
        county_board_kalmar,
        kalmar.organisation,
    ):
        NetworkMembership.objects.create(
            network=board_network, organisation=organisation, status="active"
        )
    NetworkMembership.objects.create(
        network=board_network,
        organisation=Organisation.objects.get(code="R07"),  # Region Kronoberg only asked
        status="requested",
    )

    html = client.get(board_network.get_absolute_url()).content.decode()

    assert members_section(html) == (
        "Medlemmar"
        " Kommuner Kalmar (Kalmar län) Växjö (Kronobergs län)"
        " Regioner Region Kalmar län"
        " Länsstyrelser Länsstyrelsen i Kalmar län"
        " Polisregioner Polisregion Syd"
    )
    assert "<h3>Kommuner</h3>" in html and "<h3>Polisregioner</h3>" in html
    # The map marks the municipalities; its text alternative names them.
    assert "Nätverkets kommuner: Kalmar, Växjö" in html


def test_a_network_without_members_says_so(client, home_page, board_network):
    html = client.get(board_network.get_absolute_url()).content.decode()
    assert "Inga organisationer är med ännu." in html


def test_a_municipality_page_lists_the_region_county_board_and_police_region_serving_it(
    client, home_page, municipalities
):
    kalmar = text(client.get("/kommuner/kalmar/").content.decode())
    assert (
        "Organisationer i länet Region, länsstyrelse, polisregion och andra organisationer som"
        " verkar i samma län som Kalmar:"
        " Region Region Kalmar län"
        " Länsstyrelse Länsstyrelsen i Kalmar län"
        " Polisregion Polisregion Syd"
    ) in kalmar
    kiruna = text(client.get("/kommuner/kiruna/").content.decode())
    assert (
        "Region Region Norrbotten Länsstyrelse Länsstyrelsen i Norrbottens län"
        " Polisregion Polisregion Nord"
    ) in kiruna
    assert "Polisregion Syd" not in kiruna and "Region Kalmar län" not in kiruna


def test_a_municipality_page_lists_the_networks_it_is_a_member_of(
    client, home_page, board_network, kalmar, region_kalmar
):
    NetworkMembership.objects.create(
        network=board_network, organisation=region_kalmar, status="active"
    )
    assert "Tidiga insatser i Kalmar län" not in client.get("/kommuner/kalmar/").content.decode()
    NetworkMembership.objects.create(
        network=board_network, organisation=kalmar.organisation, status="active"
    )
    assert "Tidiga insatser i Kalmar län" in client.get("/kommuner/kalmar/").content.decode()


def test_others_cannot_accept_requests_or_read_the_discussion_by_url(
    client,
    home_page,
    board_network,
    board_coordinator,
    coordinator_a,
    kalmar,
    make_person,
    region_kalmar,
    county_board_kalmar,
    editor,
):
    networks.join(board_network, kalmar.organisation, by=coordinator_a)
    membership = board_network.memberships.get()
    thread = networks.start_thread(board_network, editor, title="Bara för medlemmar", body="Hej")
    region_coordinator = make_person(
        "kontakt@regionkalmar.se", region_kalmar, role="coordinator", first_name="Rut"
    )
    board_colleague = make_person("kollega@lansstyrelsen.se", county_board_kalmar)
    accept_url = f"/kommuner/natverk/tidiga-insatser/ta-emot/{membership.pk}/"

    for person in (region_coordinator, board_colleague, coordinator_a):
        client.force_login(person)
        page = client.get(board_network.get_absolute_url()).content.decode()
        assert "Ansökningar" not in page and "Ta emot Kalmar" not in page
        assert client.post(accept_url).status_code == 403
        assert client.get(f"/kommuner/natverk/tidiga-insatser/trad/{thread.pk}/").status_code == 403
        response = client.post(
            "/kommuner/natverk/tidiga-insatser/ny-trad/", {"title": "Inbrytning", "body": "Hej"}
        )
        assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == "requested"
    assert list(Thread.objects.values_list("title", flat=True)) == ["Bara för medlemmar"]

    # Only the organisation's contact person acts for it: a colleague cannot ask to join.
    client.force_login(board_colleague)
    assert client.post("/kommuner/natverk/tidiga-insatser/ga-med/").status_code == 403
    assert not board_network.memberships.filter(organisation=county_board_kalmar).exists()

    # The coordinator of one network cannot accept a request to another through its URL.
    other = Network.objects.create(name="Annat nätverk", slug="annat")
    other_request = NetworkMembership.objects.create(
        network=other, organisation=region_kalmar, status="requested"
    )
    client.force_login(board_coordinator)
    assert client.post(f"/kommuner/natverk/annat/ta-emot/{other_request.pk}/").status_code == 403
    assert (
        client.post(f"/kommuner/natverk/tidiga-insatser/ta-emot/{other_request.pk}/").status_code
        == 404
    )
    other_request.refresh_from_db()
    assert other_request.status == "requested"


def test_an_editor_names_a_county_board_as_the_coordinator_in_the_admin(
    client, home_page, board_network, region_kalmar, editor
):
    client.force_login(editor)
    edit_url = f"/admin/snippets/network/network/edit/{board_network.pk}/"
    html = client.get(edit_url).content.decode()
    assert "Samordnas av organisation" in html and "Länsstyrelsen i Kalmar län" in html
    response = client.post(
        edit_url,
        {
            "name": board_network.name,
            "slug": board_network.slug,
            "challenge": board_network.challenge_id,
            "purpose": "Att lära av varandra.",
            "description": "",
            "coordinator_user": "",
            "coordinator_organisation": region_kalmar.pk,
        },
    )
    assert response.status_code == 302
    page = client.get(board_network.get_absolute_url()).content.decode()
    assert "Samordnas av Region Kalmar län" in page
