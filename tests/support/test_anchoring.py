"""The manager's link: signed, for one anchoring only, shown only after the manager proves
the address (signed in, or a one-time code); bad, expired, replaced or used links and
guessed or reused codes get a clear page, never a 500 and never the application."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from portal.privacy import find_personal_numbers
from support.models import Anchoring
from support.services import anchoring as anchoring_service
from support.services import applications as application_service

from ..portal.test_forms_never_fail import FUZZ, form_data

pytestmark = pytest.mark.django_db

GOALS = "Att upptäcka oro tidigt i skolan."
MANAGER = "socialchef@kalmar.se"


@pytest.fixture
def requested(application_round, activity, coordinator_a, committed):
    """Kalmar's draft, with its manager asked to anchor it; returns (anchoring, link)."""
    application, _created = application_service.start(by=coordinator_a, activity=activity)
    application_service.update(
        application,
        by=coordinator_a,
        activities=[activity],
        goals=GOALS,
        integration="I verksamhetsplanen.",
        collaboration="",
    )
    with committed():
        made = anchoring_service.request_anchoring(
            application.participants.get(),
            by=coordinator_a,
            manager_name="Anna Chef",
            manager_title="Socialchef",
            manager_email=MANAGER,
        )
    [email] = [m for m in mail.outbox if m.to == [MANAGER]]
    link = re.search(r"http://testserver(/stod/ansokan/forankring/\S+/)", email.body)[1]
    return made, link


def send_code(client, link, committed):
    mail.outbox.clear()
    with committed():
        client.post(link, {"action": "send_code"})
    [email] = mail.outbox
    return re.search(r"^(\d{6})$", email.body, re.MULTILINE)[1]


def wrong(code):
    return f"{(int(code) + 1) % 10**6:06d}"


def test_the_request_email_says_who_asks_and_how_long_the_link_works(requested):
    [email] = [m for m in mail.outbox if m.to == [MANAGER]]
    assert email.subject == "Bekräfta förankring: ansökan om stöd från Kalmar"
    assert "Karin Person, kontaktperson för Kalmar" in email.body
    assert "Länken gäller i 14 dagar" in email.body


def test_the_link_alone_shows_nothing_of_the_application(client, requested):
    anchoring, link = requested
    page = client.get(link).content.decode()
    assert "Visa först att förfrågan når rätt person" in page
    assert GOALS not in page and "Kartläggning" not in page
    client.post(link, {"action": "answer", "decision": "confirm"})
    anchoring.refresh_from_db()
    assert anchoring.status == "pending"


def test_someone_signed_in_with_another_address_must_still_prove_the_managers(
    client, requested, coordinator_a
):
    _anchoring, link = requested
    client.force_login(coordinator_a)
    assert GOALS not in client.get(link).content.decode()


def test_a_link_with_a_wrong_signature_gets_a_clear_page(client, requested):
    _anchoring, link = requested
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    response = client.get(tampered)
    assert response.status_code == 404
    assert "Länken är inte giltig" in response.content.decode()
    assert client.get("/stod/ansokan/forankring/inte-en-lank/").status_code == 404


def test_a_link_for_another_secret_does_not_work(client, requested):
    anchoring, _link = requested
    from django.core import signing

    forged = signing.dumps({"a": anchoring.pk, "s": "gissat"}, salt=anchoring_service.SALT)
    assert client.get(f"/stod/ansokan/forankring/{forged}/").status_code == 404


def test_an_expired_link_gets_a_clear_page(client, requested, settings):
    _anchoring, link = requested
    later = time.time() + timedelta(days=15).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(link)
    assert response.status_code == 410
    assert "Länken har gått ut." in response.content.decode()
    with mock.patch(
        "django.core.signing.time.time",
        return_value=time.time() + timedelta(days=13).total_seconds(),
    ):
        assert client.get(link).status_code == 200


def test_naming_another_manager_stops_the_old_link(client, requested, coordinator_a, committed):
    anchoring, old_link = requested
    mail.outbox.clear()
    with committed():
        anchoring_service.request_anchoring(
            anchoring.participant,
            by=coordinator_a,
            manager_name="Bo Chef",
            manager_title="Förvaltningschef",
            manager_email="forvaltningschef@kalmar.se",
        )
    anchoring.refresh_from_db()
    assert anchoring.status == "withdrawn"
    response = client.get(old_link)
    assert response.status_code == 410 and "Förfrågan har ersatts" in response.content.decode()
    assert client.post(old_link, {"action": "send_code"}).status_code == 410
    [new_request] = mail.outbox
    new_link = re.search(r"http://testserver(/stod/ansokan/forankring/\S+/)", new_request.body)[1]
    assert client.get(new_link).status_code == 200


def test_a_replaced_confirmed_anchoring_no_longer_counts(requested, coordinator_a):
    anchoring, _link = requested
    Anchoring.objects.filter(pk=anchoring.pk).update(status="confirmed")
    anchoring_service.request_anchoring(
        anchoring.participant,
        by=coordinator_a,
        manager_name="Bo Chef",
        manager_title="Förvaltningschef",
        manager_email="forvaltningschef@kalmar.se",
    )
    missing = application_service.missing_for_submit(anchoring.participant.application)
    assert "Bo Chef (Kalmar) har inte bekräftat förankringen ännu." in missing


def test_the_sixth_try_at_a_code_is_refused_even_with_the_right_code(
    client, requested, committed, settings
):
    anchoring, link = requested
    code = send_code(client, link, committed)
    for left in (4, 3, 2, 1):
        page = client.post(link, {"action": "verify", "code": wrong(code)}).content.decode()
        assert f"Fel kod. Du har {left} försök kvar." in page
    page = client.post(link, {"action": "verify", "code": wrong(code)}).content.decode()
    assert "Du har inga försök kvar; be om en ny kod." in page
    page = client.post(link, {"action": "verify", "code": code}).content.decode()
    assert "Du har försökt för många gånger. Be om en ny kod." in page
    assert GOALS not in client.get(link).content.decode()
    # A new code starts over (once a minute at most).
    settings.SUPPORT_ANCHORING_CODE_RESEND_SECONDS = 0
    code = send_code(client, link, committed)
    assert client.post(link, {"action": "verify", "code": code}).status_code == 302
    assert GOALS in client.get(link).content.decode()


def test_a_code_is_used_once(client, requested, committed):
    _anchoring, link = requested
    code = send_code(client, link, committed)
    assert client.post(link, {"action": "verify", "code": code}).status_code == 302
    other = Client()
    page = other.post(link, {"action": "verify", "code": code}).content.decode()
    assert "Det finns ingen giltig kod. Be om en ny kod." in page
    assert GOALS not in other.get(link).content.decode()


def test_an_expired_code_is_refused(client, requested, committed):
    anchoring, link = requested
    code = send_code(client, link, committed)
    Anchoring.objects.filter(pk=anchoring.pk).update(
        code_expires_at=timezone.now() - timedelta(seconds=1)
    )
    page = client.post(link, {"action": "verify", "code": code}).content.decode()
    assert "Koden har gått ut. Be om en ny kod." in page


def test_codes_are_stored_hashed_and_not_sent_twice_a_minute(client, requested, committed):
    anchoring, link = requested
    code = send_code(client, link, committed)
    anchoring.refresh_from_db()
    assert anchoring.code_hash and code not in anchoring.code_hash
    page = client.post(link, {"action": "send_code"}, follow=True).content.decode()
    assert "En kod skickades alldeles nyss" in page


def test_a_declined_anchoring_with_a_comment_tells_the_coordinators(
    client, requested, committed, coordinator_a
):
    anchoring, link = requested
    code = send_code(client, link, committed)
    client.post(link, {"action": "verify", "code": code})
    mail.outbox.clear()
    with committed():
        response = client.post(
            link, {"action": "answer", "decision": "decline", "comment": "Inte i år."}
        )
    assert "inte är förankrad" in response.content.decode()
    [email] = mail.outbox
    assert email.to == [coordinator_a.email]
    assert email.subject == "Förankringen är avböjd: Kalmar" and "Inte i år." in email.body
    # The used link says so.
    page = client.get(link)
    assert page.status_code == 410 and "redan besvarad" in page.content.decode()


def test_a_personal_number_in_the_comment_is_refused_and_nothing_is_lost(
    client, requested, committed
):
    anchoring, link = requested
    code = send_code(client, link, committed)
    client.post(link, {"action": "verify", "code": code})
    page = client.post(
        link, {"action": "answer", "decision": "confirm", "comment": "Gäller 19121212-1212."}
    ).content.decode()
    assert "innehåller något som ser ut som ett personnummer" in page
    assert "Gäller 19121212-1212." in page
    anchoring.refresh_from_db()
    assert anchoring.status == "pending" and anchoring.comment == ""


def test_once_submitted_the_link_is_closed(client, requested, coordinator_a):
    anchoring, link = requested
    Anchoring.objects.filter(pk=anchoring.pk).update(status="pending")
    application = anchoring.participant.application
    type(application).objects.filter(pk=application.pk).update(status="withdrawn")
    response = client.get(link)
    assert response.status_code == 410
    assert "inte längre ett utkast" in response.content.decode()


@FUZZ
@given(data=st.data())
def test_the_anchoring_forms_never_answer_with_a_server_error(client, requested, data):
    anchoring, link = requested
    session = client.session
    session[anchoring_service.SESSION_KEY] = {str(anchoring.pk): anchoring.link_secret}
    session.save()
    payload = data.draw(form_data(["decision", "comment", "code"]))
    payload["action"] = data.draw(st.sampled_from(["answer", "verify", "send_code", ""]))
    assert client.post(link, payload).status_code < 500, payload
    anchoring.refresh_from_db()
    assert find_personal_numbers(anchoring.comment) == []
    Anchoring.objects.filter(pk=anchoring.pk).update(status="pending", comment="")
