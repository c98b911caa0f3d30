"""From a match to working together (issue 16): a coordinator sees a suggestion, contacts
the other municipality, proposes a network with it; an editor approves; the other
coordinator accepts; a member uploads a document and the coordinator plans a meeting. A
member of a third municipality sees neither the document nor gets it by its address."""

import datetime
import re

from django.utils import timezone

from network.models import Meeting, Network, NetworkLink, NetworkMembership

from .helpers import log_in

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_from_a_suggestion_to_a_network_with_a_document_and_a_meeting(
    open_page, person, mailoutbox
):
    malmo = person("Malmö", role="coordinator", first_name="Maria")
    helsingborg = person("Helsingborg", role="coordinator", first_name="Hugo")

    # Malmö's coordinator sees Helsingborg among the suggestions, with why.
    coordinator = open_page()
    log_in(coordinator, malmo)
    coordinator.goto("/kommuner/malmo/")
    suggestion = coordinator.locator("ol.suggestions li").filter(has_text="Helsingborg")
    assert "båda har områden som polisen klassar som utsatta" in suggestion.inner_text()

    # ... and writes to Helsingborg's coordinators from the suggestion.
    suggestion.get_by_role("link", name="Kontakta Helsingborg").click()
    coordinator.get_by_label("Ämne").fill("Erfarenhetsutbyte om utsatta områden")
    coordinator.get_by_label("Meddelande").fill("Vill ni jämföra hur vi arbetar med fältarbete?")
    coordinator.get_by_role("button", name="Skicka meddelandet").click()
    coordinator.get_by_role("status").wait_for()
    to_helsingborg = [m for m in mailoutbox if helsingborg.email in m.to]
    assert len(to_helsingborg) == 1
    assert to_helsingborg[0].reply_to == [malmo.email]
    assert "fältarbete" in to_helsingborg[0].body

    # She proposes a network with Helsingborg.
    coordinator.goto("/kommuner/malmo/")
    coordinator.get_by_role("link", name="Föreslå ett nätverk med dem").click()
    coordinator.get_by_label("Nätverkets namn").fill("Fältarbete i Skåne")
    coordinator.get_by_label("Syfte").fill("Att lära av varandras fältarbete i utsatta områden.")
    coordinator.get_by_role("checkbox", name=re.compile("Helsingborg")).check()
    coordinator.get_by_role("button", name="Skicka förslaget").click()
    coordinator.wait_for_url("**/mina-sidor/")
    assert not Network.objects.filter(name="Fältarbete i Skåne").exists()

    # An editor approves it in the admin; Helsingborg is invited.
    editor = open_page()
    log_in(editor, person(editor=True, first_name="Eva"))
    editor.goto("/admin/natverk-forslag/kontaktpersoner/")
    editor.get_by_role("button", name="Godkänn och skapa nätverket").click()
    editor.get_by_text("Fältarbete i Skåne").first.wait_for()
    network = Network.objects.get(name="Fältarbete i Skåne")
    assert network.coordinator_organisation.name == "Malmö"
    assert any(helsingborg.email in m.to and network.name in m.body for m in mailoutbox)

    # Helsingborg's coordinator accepts the invitation.
    other = open_page()
    log_in(other, helsingborg)
    other.goto(network.get_absolute_url())
    other.get_by_role("button", name="Tacka ja till inbjudan").click()
    other.get_by_text("Välkomna till nätverket!").wait_for()
    assert (
        NetworkMembership.objects.get(network=network, organisation__name="Helsingborg").status
        == "active"
    )

    # A colleague in Malmö uploads a document.
    member = open_page()
    log_in(member, person("Malmö", first_name="Mats"))
    member.goto(network.get_absolute_url())
    member.get_by_role("link", name="Ladda upp ett dokument").click()
    member.get_by_label("Rubrik").fill("Rutin för fältarbete")
    member.get_by_label("Fil").set_input_files(
        {"name": "rutin.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    member.get_by_role("button", name="Ladda upp").click()
    member.get_by_role("link", name="Rutin för fältarbete", exact=True).wait_for()
    document = NetworkLink.objects.get(network=network, title="Rutin för fältarbete").document
    address = document.url

    # The coordinator plans a meeting; the members are invited with an .ics file.
    day = timezone.localdate() + datetime.timedelta(days=14)
    coordinator.goto(network.get_absolute_url())
    coordinator.get_by_role("link", name="Planera ett möte").first.click()
    coordinator.get_by_label("Rubrik").fill("Första träffen")
    coordinator.get_by_label("Datum").fill(day.isoformat())
    coordinator.get_by_label("Börjar kl.").fill("13:00")
    coordinator.get_by_label("Slutar kl.").fill("15:00")
    coordinator.get_by_label("Möteslänk").fill("https://mote.example.se/faltarbete")
    coordinator.get_by_label("Dagordning").fill("Hur vi planerar fältarbetet under sommaren.")
    coordinator.get_by_role("button", name="Planera och bjud in").click()
    coordinator.get_by_text("Första träffen").first.wait_for()
    assert Meeting.objects.filter(network=network, title="Första träffen").exists()
    invitations = [
        m
        for m in mailoutbox
        if helsingborg.email in m.to and any(a[0].endswith(".ics") for a in m.attachments)
    ]
    assert invitations, "Helsingborg's coordinator gets the invitation with an .ics file"

    # The network's people see the document; a member of a third municipality does not,
    # neither on the page nor by its address, nor the meeting link.
    other.goto(network.get_absolute_url())
    other.get_by_role("link", name="Rutin för fältarbete", exact=True).wait_for()

    outsider = open_page()
    log_in(outsider, person("Ljusdal", first_name="Lars"))
    outsider.goto(network.get_absolute_url())
    outsider.get_by_role("heading", name="Fältarbete i Skåne").wait_for()
    assert outsider.get_by_text("Rutin för fältarbete").count() == 0
    assert "mote.example.se" not in outsider.content()
    response = outsider.goto(address)
    assert response.status == 403
    assert PDF not in response.body()
