"""Writing to another organisation through the portal: 'Kontakta' on a municipality's page
and on each suggestion, a message to its coordinators with the sender as Reply-To, through
the privacy guard, within limits, logged without its content."""

import datetime
import json
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from network.models import ContactRequest, MunicipalityProfile
from network.services import contact
from organisations.models import Municipality

from ..factories import ChallengeFactory
from ..portal.test_forms_never_fail import FUZZ, form_data

pytestmark = pytest.mark.django_db

URL = "/kommuner/vaxjo/kontakta/"
MESSAGE = {"subject": "Samverkan med BUP", "message": "Hur har ni ordnat remisserna till BUP?"}


def messages_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_a_coordinator_writes_and_every_coordinator_of_the_other_municipality_gets_it(
    client, settings, committed, make_person, vaxjo, coordinator_a, coordinator_b
):
    colleague = make_person("socialchef@vaxjo.se", vaxjo, role="coordinator", first_name="Sara")
    plain_member = make_person("medlem@vaxjo.se", vaxjo)
    client.force_login(coordinator_a)
    with committed():
        response = client.post(URL, MESSAGE, follow=True)

    assert response.redirect_chain == [("/kommuner/vaxjo/", 302)]
    assert (
        "Ditt meddelande har skickats till kontaktpersonerna för Växjö" in response.content.decode()
    )
    for person in (coordinator_b, colleague):
        [email] = messages_to(person.email)
        assert email.reply_to == [coordinator_a.email]
        assert "Reply-To: kontakt@kalmar.se" in email.message().as_string()
        assert email.from_email == settings.DEFAULT_FROM_EMAIL
        assert "Samverkan med BUP" in email.subject and "Kalmar" in email.subject
        assert "Karin Person, Kalmar" in email.body
        assert "kontakt@kalmar.se" in email.body
        assert MESSAGE["message"] in email.body
        assert "http://testserver/kommuner/kalmar/" in email.body
    assert messages_to(plain_member.email) == []
    [copy] = messages_to(coordinator_a.email)
    assert copy.subject.startswith("Kopia: Samverkan med BUP")
    assert "2 kontaktpersoner för Växjö" in copy.body and MESSAGE["message"] in copy.body


def test_the_log_holds_who_wrote_to_whom_and_when_never_what(
    client, committed, vaxjo, coordinator_a, coordinator_b
):
    client.force_login(coordinator_a)
    with committed():
        client.post(URL, {"subject": "Hemligt ämne", "message": "Hemlig text"})

    request = ContactRequest.objects.get()
    assert (request.sender, request.sender_organisation, request.recipient) == (
        coordinator_a,
        coordinator_a.memberships.get().organisation,
        vaxjo.organisation,
    )
    text_fields = [
        f.name for f in ContactRequest._meta.get_fields() if f.get_internal_type() == "TextField"
    ]
    assert text_fields == []
    entry = ModelLogEntry.objects.get(action="network.contact.sent")
    assert entry.user == coordinator_a and entry.label == "Växjö"
    assert entry.message == "Kontaktad via portalen av Karin Person (Kalmar), 1 mottagare"
    stored = json.dumps(entry.data, ensure_ascii=False)
    assert "Hemlig" not in stored and "Hemlig" not in str(entry.message)


def test_the_persons_contacts_are_in_their_data_export_without_content(
    client, committed, vaxjo, coordinator_a, coordinator_b
):
    client.force_login(coordinator_a)
    with committed():
        client.post(URL, {"subject": "Hemligt ämne", "message": "Hemlig text"})
    data = json.loads(client.get("/mina-sidor/mina-uppgifter.json").content)["nätverk"]
    [row] = data["kontakter via portalen"]
    assert (row["till"], row["för"]) == ("Växjö", "Kalmar")
    assert "Hemlig" not in json.dumps(row, ensure_ascii=False)


@pytest.mark.parametrize("field", ["subject", "message"])
def test_a_personal_identity_number_is_refused_next_to_the_field_and_nothing_is_lost(
    client, committed, coordinator_a, coordinator_b, field
):
    client.force_login(coordinator_a)
    data = {**MESSAGE, field: "Flickan 070423-4046 behöver hjälp"}
    with committed():
        response = client.post(URL, data)

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert "personnummer" in form.errors[field][0]
    html = response.content.decode()
    assert "Flickan 070423-4046 behöver hjälp" in html  # nothing typed is lost
    other = "message" if field == "subject" else "subject"
    assert data[other] in html
    assert mail.outbox == [] and not ContactRequest.objects.exists()


def test_the_service_refuses_a_personal_identity_number_too(coordinator_a, coordinator_b, vaxjo):
    with pytest.raises(contact.ContactError):
        contact.contact_organisation(
            sender=coordinator_a,
            organisation=vaxjo.organisation,
            subject="Ämne",
            message="Pojken 19121212-1212",
        )
    assert not ContactRequest.objects.exists()


def test_one_message_a_day_to_the_same_organisation(
    client, committed, coordinator_a, coordinator_b
):
    client.force_login(coordinator_a)
    with committed():
        client.post(URL, MESSAGE)
        response = client.post(URL, {"subject": "Igen", "message": "En sak till"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Du har redan skrivit till Växjö det senaste dygnet" in html
    assert "En sak till" in html  # still in the form
    assert len(messages_to(coordinator_b.email)) == 1
    assert ContactRequest.objects.count() == 1

    ContactRequest.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    with committed():
        response = client.post(URL, {"subject": "Igen", "message": "En sak till"})
    assert response.status_code == 302
    assert len(messages_to(coordinator_b.email)) == 2


def test_at_most_so_many_messages_a_day_in_all(
    client, settings, committed, make_person, municipalities, coordinator_a
):
    settings.CONTACT_MESSAGES_PER_DAY = 2
    for slug in ("vaxjo", "umea", "lund"):
        make_person(f"kontakt@{slug}.se", Municipality.objects.get(slug=slug), role="coordinator")
    client.force_login(coordinator_a)
    with committed():
        first = client.post("/kommuner/vaxjo/kontakta/", MESSAGE)
        second = client.post("/kommuner/umea/kontakta/", MESSAGE)
        third = client.post("/kommuner/lund/kontakta/", MESSAGE)

    assert (first.status_code, second.status_code, third.status_code) == (302, 302, 200)
    assert "Du har skickat 2 meddelanden genom portalen det senaste dygnet" in (
        third.content.decode()
    )
    assert messages_to("kontakt@lund.se") == []


def test_the_per_recipient_limit_is_a_setting(
    client, settings, committed, coordinator_a, coordinator_b
):
    settings.CONTACT_MESSAGES_PER_RECIPIENT_PER_DAY = 2
    client.force_login(coordinator_a)
    with committed():
        assert client.post(URL, MESSAGE).status_code == 302
        assert client.post(URL, MESSAGE).status_code == 302
        assert client.post(URL, MESSAGE).status_code == 200
    assert len(messages_to(coordinator_b.email)) == 2


def test_no_coordinator_in_the_portal_is_said_plainly_with_the_team_contact_instead(
    client, committed, municipalities, coordinator_a, editor
):
    umea = Municipality.objects.get(slug="umea")
    contact.set_team_contact(umea, editor, by=editor)
    client.force_login(coordinator_a)

    page = client.get("/kommuner/umea/kontakta/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Umeå har ingen kontaktperson i portalen ännu" in html
    assert "<textarea" not in html
    assert "Ella Person" in html and 'href="mailto:redaktor@socialstyrelsen.se"' in html

    with committed():
        response = client.post("/kommuner/umea/kontakta/", MESSAGE)
    assert response.status_code == 200
    assert "Umeå har ingen kontaktperson i portalen ännu" in response.content.decode()
    assert mail.outbox == [] and not ContactRequest.objects.exists()

    municipality_page = client.get("/kommuner/umea/").content.decode()
    assert "Umeå har ingen kontaktperson i portalen ännu." in municipality_page
    assert "/kommuner/umea/kontakta/" not in municipality_page


def test_a_visitor_is_asked_to_sign_in(client, coordinator_b):
    page = client.get("/kommuner/vaxjo/").content.decode()
    assert 'href="/konto/login/?next=/kommuner/vaxjo/kontakta/"' in page
    assert "Logga in för att kontakta Växjö" in page
    response = client.post(URL, MESSAGE)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    assert mail.outbox == []


def test_a_member_who_is_not_a_coordinator_is_told_who_writes(client, member_a, coordinator_b):
    client.force_login(member_a)
    page = client.get("/kommuner/vaxjo/").content.decode()
    assert "Det är kontaktpersonerna för Kalmar som kontaktar andra organisationer" in page
    form_page = client.get(URL)
    assert form_page.status_code == 200
    assert "Det är kontaktpersonerna för Kalmar" in form_page.content.decode()
    assert "<textarea" not in form_page.content.decode()
    assert client.post(URL, MESSAGE).status_code == 403
    assert mail.outbox == [] and not ContactRequest.objects.exists()


def test_a_signed_in_person_without_an_organisation_cannot_write(client, outsider, coordinator_b):
    client.force_login(outsider)
    assert "Du företräder ingen organisation ännu" in client.get(URL).content.decode()
    assert client.post(URL, MESSAGE).status_code == 403


def test_no_one_writes_to_their_own_organisation(client, coordinator_b):
    client.force_login(coordinator_b)
    page = client.get("/kommuner/vaxjo/").content.decode()
    assert "Det här är din egen kommun." in page
    assert 'href="/kommuner/vaxjo/kontakta/"' not in page
    assert client.post(URL, MESSAGE).status_code == 403
    assert not ContactRequest.objects.exists()


def test_a_coordinator_of_a_county_board_may_write_and_a_region_member_may_not(
    client, committed, make_person, county_board_kalmar, region_kalmar, coordinator_b
):
    board = make_person("samordnare@lansstyrelsen.se", county_board_kalmar, role="coordinator")
    region_member = make_person("bup@regionkalmar.se", region_kalmar)
    client.force_login(region_member)
    assert client.post(URL, MESSAGE).status_code == 403
    client.force_login(board)
    with committed():
        assert client.post(URL, MESSAGE).status_code == 302
    [email] = messages_to(coordinator_b.email)
    assert "Länsstyrelsen i Kalmar län" in email.body
    assert email.reply_to == [board.email]


def test_an_editor_may_write_for_the_team(client, committed, editor, coordinator_b):
    client.force_login(editor)
    assert 'href="/kommuner/vaxjo/kontakta/"' in client.get("/kommuner/vaxjo/").content.decode()
    with committed():
        assert client.post(URL, MESSAGE).status_code == 302
    [email] = messages_to(coordinator_b.email)
    assert "Ella Person, förstärkningsteamet" in email.body
    assert ContactRequest.objects.get().sender_organisation is None


def test_what_people_type_reaches_the_email_as_typed_and_adds_no_headers(
    client, committed, coordinator_a, coordinator_b
):
    client.force_login(coordinator_a)
    with committed():
        client.post(
            URL,
            {
                "subject": "<b>BUP</b> & skola\r\nBcc: alla@example.se",
                "message": "<script>alert('x')</script> & \"citat\"",
            },
        )
    [email] = messages_to(coordinator_b.email)
    assert "<b>BUP</b> & skola" in email.subject  # plain text: not HTML-escaped
    assert "<script>alert('x')</script> & \"citat\"" in email.body
    assert "&lt;" not in email.body and "&amp;" not in email.subject
    headers = email.message().as_string().split("\n\n")[0]
    assert "Bcc:" not in headers and email.bcc == []
    assert "Ämne: <b>BUP</b> & skola Bcc: alla@example.se\n" in email.body  # one line


def test_names_on_the_municipality_page_are_escaped(client, editor, vaxjo, member_a):
    editor.first_name = "<b>Ella</b>"
    editor.save()
    contact.set_team_contact(vaxjo, editor, by=editor)
    client.force_login(member_a)
    html = client.get("/kommuner/vaxjo/").content.decode()
    assert "&lt;b&gt;Ella&lt;/b&gt; Person" in html
    assert "<b>Ella</b>" not in html


@pytest.fixture
def peers(kalmar, vaxjo):
    """Kalmar and Växjö look for peers and share a challenge: each is the other's suggestion."""
    bup = ChallengeFactory(name="Samverkan med BUP")
    for municipality in (kalmar, vaxjo):
        profile = MunicipalityProfile.objects.create(
            municipality=municipality, looking_for_peers=True
        )
        profile.challenges.set([bup])


def test_each_suggestion_has_a_kontakta_link(client, peers, coordinator_a):
    html = client.get("/kommuner/kalmar/").content.decode()
    link = '<a href="/kommuner/vaxjo/kontakta/">Kontakta <span class="visually-hidden">Växjö</span>'
    assert link in html


def test_ones_own_municipality_among_the_suggestions_has_no_kontakta_link(
    client, peers, coordinator_a, coordinator_b
):
    client.force_login(coordinator_b)
    html = client.get("/kommuner/kalmar/").content.decode()
    assert 'href="/kommuner/vaxjo/"' in html  # the suggestion is there
    assert 'href="/kommuner/vaxjo/kontakta/"' not in html
    assert 'href="/kommuner/kalmar/kontakta/"' in html  # Kalmar itself can be written to


def test_the_form_says_who_gets_the_message(client, coordinator_a, coordinator_b):
    client.force_login(coordinator_a)
    html = client.get(URL).content.decode()
    assert "kontaktpersonen för Växjö" in html
    assert '<label for="id_subject"' in html and '<label for="id_message"' in html


# Two posts at once -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_messages_at_once_to_the_same_organisation_only_one_goes(
    municipalities, make_person, settings
):
    settings.EMAIL_DRAIN_ON_COMMIT = False
    kalmar = Municipality.objects.get(slug="kalmar")
    vaxjo = Municipality.objects.get(slug="vaxjo")
    sender = make_person("kontakt@kalmar.se", kalmar, role="coordinator")
    make_person("kontakt@vaxjo.se", vaxjo, role="coordinator")
    barrier = threading.Barrier(2)
    outcomes = []

    def write():
        try:
            barrier.wait(timeout=30)
            contact.contact_organisation(
                sender=sender, organisation=vaxjo.organisation, subject="Hej", message="Hej"
            )
            outcomes.append("sent")
        except contact.ContactError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["refused", "sent"]
    assert ContactRequest.objects.count() == 1


def test_a_too_long_message_is_refused_and_kept(client, coordinator_a, coordinator_b):
    client.force_login(coordinator_a)
    response = client.post(URL, {"subject": "Ämne", "message": "x" * 5001})
    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert response.context["form"]["message"].value() == "x" * 5001
    assert not ContactRequest.objects.exists()


@FUZZ
@given(data=st.data())
def test_the_contact_form_never_answers_with_a_server_error(
    client, coordinator_a, coordinator_b, data
):
    client.force_login(coordinator_a)
    payload = data.draw(form_data(["subject", "message"]))
    assert client.post(URL, payload).status_code < 500, payload
