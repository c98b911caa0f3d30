"""Holes an attacker's review of the network workspace found (issue 16), each kept shut."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import Meeting, Network, NetworkMembership
from network.services import networks
from network.services.networks import workspace

from .test_meetings import form_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def network(kalmar, vaxjo, editor):
    """Coordinated by Växjö; Kalmar and Växjö are active members."""
    network = Network.objects.create(
        name="Samverkan med BUP", slug="bup", coordinator_organisation=vaxjo.organisation
    )
    for municipality in (kalmar, vaxjo):
        NetworkMembership.objects.create(
            network=network, organisation=municipality.organisation, status="active"
        )
    return network


def test_a_meeting_title_cannot_add_lines_to_the_calendar(client, network, coordinator_b):
    client.force_login(coordinator_b)
    for title in ("a\rATTENDEE:mailto:x@example.se", "a\nATTENDEE:mailto:x@example.se"):
        response = client.post("/kommuner/natverk/bup/moten/nytt/", form_data(title=title))
        assert response.status_code == 302
    assert Meeting.objects.count() == 2
    for meeting in Meeting.objects.all():
        assert meeting.title == "a ATTENDEE:mailto:x@example.se"
        ics = client.get(f"/kommuner/natverk/bup/moten/{meeting.pk}/mote.ics").content
        assert b"\rATTENDEE" not in ics and b"\nATTENDEE" not in ics


def test_a_meeting_link_with_a_personal_identity_number_is_refused(client, network, coordinator_b):
    client.force_login(coordinator_b)
    link = "https://mote.example.se/j/19121212-1212"
    response = client.post("/kommuner/natverk/bup/moten/nytt/", form_data(meeting_link=link))
    assert response.status_code == 200
    assert "personnummer" in response.content.decode()
    assert link in response.content.decode()  # what was typed stays in the form
    assert not Meeting.objects.exists()


def test_an_organisation_that_leaves_gives_up_coordinating(client, network, vaxjo, coordinator_b):
    assert networks.can_coordinate(coordinator_b, network)
    networks.leave(network, vaxjo.organisation, by=coordinator_b)
    network.refresh_from_db()
    assert network.coordinator_organisation is None
    assert not networks.can_coordinate(coordinator_b, network)
    client.force_login(coordinator_b)
    assert client.get("/kommuner/natverk/bup/moten/").status_code == 403
    assert client.get("/kommuner/natverk/bup/moten/nytt/").status_code == 403


def test_an_author_whose_organisation_left_removes_nothing(
    client, network, kalmar, member_a, coordinator_a
):
    item = workspace.add_document(
        network, member_a, title="Plan", file=SimpleUploadedFile("plan.pdf", PDF)
    )
    networks.leave(network, kalmar.organisation, by=coordinator_a)
    client.force_login(member_a)
    path = f"/kommuner/natverk/bup/lankar-och-dokument/{item.pk}/ta-bort/"
    assert client.get(path).status_code == 403
    assert client.post(path).status_code == 403
    assert type(item).objects.filter(pk=item.pk).exists()


def test_a_stored_document_name_cannot_be_guessed_from_its_title(network, member_a):
    item = workspace.add_document(
        network, member_a, title="Plan", file=SimpleUploadedFile("handlingsplan.pdf", PDF)
    )
    name = item.document.filename
    assert name.startswith("handlingsplan-") and name.endswith(".pdf")
    assert len(name) > len("handlingsplan-.pdf") + 10


def test_a_refused_page_says_so_in_swedish_with_the_reason(
    client, network, member_a, coordinator_a
):
    """Someone else's post: the page explains, in the portal's layout, instead of a bare 403."""
    from network.models import Thread

    thread = networks.start_thread(network, coordinator_a, title="Remisser", body="Hur gör ni?")
    post = thread.posts.get()
    client.force_login(member_a)
    response = client.get(f"/kommuner/natverk/bup/inlagg/{post.pk}/andra/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Du har inte behörighet till sidan" in page
    assert "Mina sidor" in page
    assert Thread.objects.filter(pk=thread.pk).exists()


def test_leaving_asks_first_and_says_what_it_means(client, network, vaxjo, coordinator_b):
    client.force_login(coordinator_b)
    page = client.get("/kommuner/natverk/bup/").content.decode()
    assert 'href="/kommuner/natverk/bup/lamna/"' in page
    confirm = client.get("/kommuner/natverk/bup/lamna/")
    assert confirm.status_code == 200
    text = confirm.content.decode()
    assert "Hela Växjö lämnar nätverket" in text
    assert "Växjö samordnar nätverket" in text  # Växjö coordinates this one
    assert NetworkMembership.objects.get(organisation=vaxjo.organisation).status == "active"
    client.post("/kommuner/natverk/bup/lamna/")
    assert NetworkMembership.objects.get(organisation=vaxjo.organisation).status == "left"


def test_only_the_organisations_coordinator_sees_the_leave_confirmation(client, network, member_a):
    client.force_login(member_a)
    assert client.get("/kommuner/natverk/bup/lamna/").status_code == 403
