"""Networks as a person meets them: joining, discussing, reporting, digests, proposals."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from network.models import MunicipalityProfile, Network, NetworkMembership, Post, Thread
from network.services import networks
from network.services.grouping import suggest_networks
from organisations.models import Municipality

from ..factories import ChallengeFactory, MethodFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(kalmar, editor):
    network = Network.objects.create(
        name="Samverkan med BUP",
        slug="bup",
        purpose="Att dela erfarenheter.",
        coordinator_user=editor,
    )
    NetworkMembership.objects.create(
        network=network, organisation=kalmar.organisation, status="active"
    )
    return network


def test_the_discussion_is_for_members_of_member_organisations_only(
    client, home_page, network, member_a, coordinator_b
):
    thread = networks.start_thread(network, member_a, title="Remisser till BUP", body="Tips?")
    client.force_login(coordinator_b)
    page = client.get(network.get_absolute_url()).content.decode()
    assert "Remisser till BUP" not in page
    assert "bara öppen för medarbetare i nätverkets organisationer" in page
    assert client.get(f"/kommuner/natverk/bup/trad/{thread.pk}/").status_code == 403
    client.force_login(member_a)
    assert "Remisser till BUP" in client.get(network.get_absolute_url()).content.decode()
    assert "Tips?" in client.get(f"/kommuner/natverk/bup/trad/{thread.pk}/").content.decode()


def test_posts_go_through_the_privacy_guard(client, home_page, network, member_a):
    client.force_login(member_a)
    response = client.post(
        "/kommuner/natverk/bup/ny-trad/",
        {"title": "Ett ärende", "body": "Flickan 070423-4046 behöver hjälp"},
    )
    html = response.content.decode()
    assert 'id="id_body_error"' in html and 'value="Ett ärende"' in html
    assert not Thread.objects.exists()


def test_a_reported_post_is_seen_by_editors_with_the_reason_and_can_be_hidden(
    client, home_page, network, member_a, make_person, kalmar, editor, committed
):
    thread = networks.start_thread(network, member_a, title="Fråga", body="Olämpligt inlägg")
    colleague = make_person("kollega@kalmar.se", kalmar.organisation)
    post = thread.posts.get()
    client.force_login(colleague)
    with committed():
        client.post(
            f"/kommuner/natverk/bup/inlagg/{post.pk}/report/", {"reason": "Pekar ut en person"}
        )
    assert any(editor.email in m.to for m in mail.outbox)
    client.force_login(editor)
    html = client.get(f"/kommuner/natverk/bup/trad/{thread.pk}/").content.decode()
    assert "Pekar ut en person" in html
    client.post(f"/kommuner/natverk/bup/inlagg/{post.pk}/hide/", {"reason": "Personuppgift"})
    client.force_login(colleague)
    html = client.get(f"/kommuner/natverk/bup/trad/{thread.pk}/").content.decode()
    assert "Olämpligt inlägg" not in html and "dolt av en redaktör" in html


def test_the_digest_is_sent_at_most_once_a_day(network, member_a, make_person, kalmar, committed):
    networks.set_digest(member_a, network, True)
    other = make_person("annan@kalmar.se", kalmar.organisation)
    thread = networks.start_thread(network, other, title="Nytt", body="Första")
    networks.reply(thread, other, body="Andra")
    networks.reply(thread, member_a, body="Mitt eget")
    with committed():  # emails leave after the commit
        assert networks.send_digests() == 1
    # (The other person hears of member A's reply at once, by default: not a digest.)
    [body] = [m.body for m in mail.outbox if m.to == [member_a.email]]
    assert "Första" in body and "Andra" in body and "Mitt eget" not in body
    networks.reply(thread, other, body="Tredje")
    assert networks.send_digests() == 0  # not again the same day
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    with committed():
        assert networks.send_digests(now=tomorrow) == 1
    assert "Tredje" in mail.outbox[-1].body and "Första" not in mail.outbox[-1].body


def test_invite_accept_and_leave(
    client, home_page, network, editor, coordinator_b, vaxjo, committed
):
    with committed():
        networks.invite_organisation(network, vaxjo.organisation, by=editor)
    assert mail.outbox[-1].to == [coordinator_b.email]
    client.force_login(coordinator_b)
    assert "Tacka ja till Samverkan med BUP" in client.get("/mina-sidor/").content.decode()
    client.post("/kommuner/natverk/bup/ga-med/")
    assert network.memberships.get(organisation=vaxjo.organisation).status == "active"
    client.post("/kommuner/natverk/bup/lamna/")
    assert network.memberships.get(organisation=vaxjo.organisation).status == "left"


def test_a_request_waits_for_the_network_coordinator(
    client, home_page, network, editor, coordinator_b, vaxjo, committed
):
    client.force_login(coordinator_b)
    with committed():
        client.post("/kommuner/natverk/bup/ga-med/")
    membership = network.memberships.get(organisation=vaxjo.organisation)
    assert membership.status == "requested"
    assert any(m.to == [editor.email] for m in mail.outbox)
    client.force_login(editor)
    client.post(f"/kommuner/natverk/bup/ta-emot/{membership.pk}/")
    membership.refresh_from_db()
    assert membership.status == "active"


def test_the_network_page_shows_members_meetings_and_a_map(client, home_page, network):
    html = client.get(network.get_absolute_url()).content.decode()
    assert "Kalmar" in html and "<svg" in html and "map-area--highlighted" in html
    assert "Nätverkets kommuner: Kalmar" in html  # the map's text alternative


def test_the_coordinator_edits_the_profile(client, home_page, coordinator_a, kalmar):
    bup = ChallengeFactory(name="Samverkan med BUP", slug="bup")
    sig = MethodFactory(name="SIG", slug="sig")
    client.force_login(coordinator_a)
    both = client.post(
        "/kommuner/kalmar/profil/",
        {
            "challenges": [bup.pk],
            "methods_in_use": [sig.pk],
            "methods_planned": [sig.pk],
            "ongoing_work": "Vi bygger upp SIG.",
        },
    )
    assert "kan inte både användas och planeras" in both.content.decode()
    response = client.post(
        "/kommuner/kalmar/profil/",
        {
            "challenges": [bup.pk],
            "methods_planned": [sig.pk],
            "looking_for_peers": "on",
            "ongoing_work": "Vi bygger upp SIG.",
        },
    )
    assert response["Location"] == "/kommuner/kalmar/"
    profile = MunicipalityProfile.objects.get(municipality=kalmar)
    assert profile.looking_for_peers and profile.updated_by == coordinator_a
    html = client.get("/kommuner/kalmar/").content.decode()
    assert "Vi bygger upp SIG." in html and "Samverkan med BUP" in html


def test_an_empty_profile_says_so(client, home_page, municipalities):
    html = client.get("/kommuner/kiruna/").content.decode()
    assert "Kiruna har inte fyllt i sin profil ännu." in html


def test_finding_municipalities_by_challenge(client, home_page, municipalities):
    bup = ChallengeFactory(name="Samverkan med BUP", slug="bup")
    for name in ("Kalmar", "Umeå"):
        profile = MunicipalityProfile.objects.create(
            municipality=Municipality.objects.get(name=name)
        )
        profile.challenges.set([bup])
    html = client.get("/kommuner/sok/?challenge=bup").content.decode()
    assert "2 kommuner" in html and "Kommuner i resultatet: Kalmar, Umeå" in html


def test_suggested_networks_group_neighbours_and_are_created_with_one_click(
    client, home_page, municipalities, editor, make_person, committed
):
    bup = ChallengeFactory(name="Samverkan med BUP", slug="bup")
    names = ["Kalmar", "Nybro", "Emmaboda", "Växjö", "Kiruna"]
    for name in names:
        profile = MunicipalityProfile.objects.create(
            municipality=Municipality.objects.get(name=name), looking_for_peers=True
        )
        profile.challenges.set([bup])
    make_person(
        "kontakt@nybro.se",
        Municipality.objects.get(name="Nybro").organisation,
        role="coordinator",
    )
    (proposal,) = suggest_networks()
    assert {m.name for m in proposal.municipalities} == {"Kalmar", "Nybro", "Emmaboda", "Växjö"}
    assert "Kalmar län och grannlän: Kronobergs län" in proposal.reasons
    client.force_login(editor)
    assert "Skapa nätverket och bjud in" in client.get("/admin/natverk-forslag/").content.decode()
    with committed():
        response = client.post(
            "/admin/natverk-forslag/skapa/", {"challenge": "bup", "codes": proposal.codes}
        )
    network = Network.objects.get(challenge=bup)
    assert response["Location"] == network.get_absolute_url()
    assert set(network.memberships.values_list("status", flat=True)) == {"invited"}
    assert network.memberships.count() == 4
    assert any(m.to == ["kontakt@nybro.se"] for m in mail.outbox)
    assert suggest_networks() == []  # those invited are not proposed again


def test_deleting_a_member_keeps_their_posts_without_name(network, member_a):
    thread = networks.start_thread(network, member_a, title="Fråga", body="Hur gör ni?")
    member_a.delete()
    post = Post.objects.get(thread=thread)
    assert post.author is None and post.body == "Hur gör ni?"
