"""A coordinator fills in the municipality's profile, sees suggested peers, asks to join a
network and, once accepted, posts in its discussion."""

from network.models import NetworkMembership, Thread

from .helpers import log_in

NETWORK = "/kommuner/natverk/pilotkommunernas-erfarenhetsutbyte/"


def test_profile_peers_network_and_discussion(open_page, person, mailoutbox):
    coordinator = open_page()
    log_in(coordinator, person("Ljusdal", role="coordinator", first_name="Lena"))

    coordinator.goto("/kommuner/ljusdal/")
    coordinator.get_by_role("link", name="Redigera profilen").click()
    coordinator.get_by_role("group", name="Utmaningar").get_by_label(
        "Systematisk uppföljning"
    ).check()
    coordinator.get_by_label("Vi söker kommuner att utbyta erfarenheter med").check()
    coordinator.get_by_label("Pågående utvecklingsarbete").fill(
        "Vi bygger upp en gemensam uppföljning av insatser med skolan."
    )
    coordinator.get_by_role("button", name="Spara profilen").click()
    coordinator.get_by_role("status").filter(has_text="Profilen för Ljusdal är sparad").wait_for()

    peers = coordinator.locator("ol.suggestions li")
    assert peers.count() > 0
    assert "Systematisk uppföljning" in peers.first.inner_text()

    coordinator.goto(NETWORK)
    coordinator.get_by_role("button", name="Ansök om att Ljusdal går med").click()
    coordinator.get_by_text("Ansökan är skickad till nätverkets samordnare").wait_for()

    editor = open_page()
    log_in(editor, person(editor=True, first_name="Eva"))
    editor.goto(NETWORK)
    editor.get_by_role("button", name="Ta emot Ljusdal").click()
    editor.get_by_text("Ljusdal är med i nätverket").wait_for()
    assert NetworkMembership.objects.get(organisation__name="Ljusdal").status == "active"

    coordinator.goto(NETWORK)
    coordinator.get_by_role("link", name="Starta en ny tråd").click()
    coordinator.get_by_label("Rubrik").fill("Hur följer ni upp SIG-ärenden?")
    coordinator.get_by_label("Inlägg").fill("Vi vill gärna höra hur andra gör med uppföljningen.")
    coordinator.get_by_role("button", name="Publicera").click()
    coordinator.get_by_role("heading", name="Hur följer ni upp SIG-ärenden?").wait_for()
    assert Thread.objects.filter(title="Hur följer ni upp SIG-ärenden?").exists()
