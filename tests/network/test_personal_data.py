"""What the networks hold about a person: in the export, and after the account is deleted."""

import json

import pytest

from network.models import Network, NetworkMembership, PostReport
from network.services import networks

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(kalmar, editor):
    network = Network.objects.create(name="Samverkan med BUP", slug="bup", coordinator_user=editor)
    NetworkMembership.objects.create(
        network=network, organisation=kalmar.organisation, status="active"
    )
    return network


def test_personal_data_export_holds_my_threads_posts_reports_and_digest_choices(
    client, home_page, network, member_a, make_person, kalmar
):
    colleague = make_person("kollega@kalmar.se", kalmar.organisation)
    mine = networks.start_thread(network, member_a, title="Remisser till BUP", body="Tips?")
    theirs = networks.start_thread(network, colleague, title="Annat", body="Något olämpligt")
    networks.report_post(theirs.posts.get(), member_a, reason="Pekar ut en person")
    networks.set_digest(member_a, network, True)

    client.force_login(member_a)
    data = json.loads(client.get("/mina-sidor/mina-uppgifter.json").content)["nätverk"]

    assert [t["rubrik"] for t in data["trådar du har startat"]] == [mine.title]
    assert [p["text"] for p in data["inlägg"]] == ["Tips?"]
    assert data["inlägg du har anmält"][0]["skäl"] == "Pekar ut en person"
    assert data["inlägg du har anmält"][0]["tråd"] == "Annat"
    assert [d["nätverk"] for d in data["e-post om diskussionen"]] == ["Samverkan med BUP"]
    assert data["e-post om diskussionen"][0]["val"].startswith("En sammanfattning om dagen")


def test_posts_of_a_deleted_account_stay_in_the_discussion_signed_deleted_user(
    client, home_page, network, member_a, make_person, kalmar
):
    colleague = make_person("kollega@kalmar.se", kalmar.organisation, first_name="Kalle")
    thread = networks.start_thread(network, member_a, title="Remisser till BUP", body="Tips?")
    networks.reply(thread, colleague, body="Vi ringer BUP direkt.")
    networks.report_post(thread.posts.get(author=colleague), member_a, reason="Fel tråd")
    networks.set_digest(member_a, network, True)

    member_a.delete()

    client.force_login(colleague)
    html = client.get(f"/kommuner/natverk/bup/trad/{thread.pk}/").content.decode()
    assert "Tips?" in html and "Vi ringer BUP direkt." in html
    assert "Borttagen användare, Kalmar" in html
    assert "Maja Person" not in html
    assert "Kalle Person, Kalmar" in html
    # The report stays for the editors, without who made it; the digest choice goes.
    assert PostReport.objects.get().reporter is None
    assert not network.subscriptions.exists()
