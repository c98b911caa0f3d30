"""The link in the email to approvers: sign-in first, only those who may decide, 7 days,
and a log that names who decided and says it came from the link."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry

from portal.services import memberships as services

pytestmark = pytest.mark.django_db

DAY = 24 * 3600


@pytest.fixture
def request_to_kalmar(outsider, coordinator_a, kalmar, committed):
    """The outsider asks to act for Kalmar; Kalmar's coordinator is emailed a link."""
    with committed():
        membership = services.request_membership(
            outsider, kalmar.organisation, job_title="Socialsekreterare"
        )
    email = next(m for m in mail.outbox if m.to == [coordinator_a.email])
    path = re.search(r"http://testserver(/mina-sidor/beslut/[^\s]+)", email.body).group(1)
    mail.outbox.clear()
    return membership, path, email


def issued_days_ago(membership, days):
    with mock.patch("django.core.signing.time.time", return_value=time.time() - days * DAY):
        return f"/mina-sidor/beslut/{services.decision_token(membership)}/"


def test_a_decision_link_opened_without_signing_in_shows_nothing_and_leads_to_sign_in(
    client, home_page, request_to_kalmar, outsider
):
    membership, path, _email = request_to_kalmar
    page = client.get(path)
    assert page.status_code == 302
    assert page["Location"].startswith("/konto/login/?next=/mina-sidor/beslut/")
    assert outsider.email not in page.content.decode()
    attempt = client.post(path, {"action": "approve"})
    assert attempt["Location"].startswith("/konto/login/")
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_a_decision_link_brings_the_coordinator_back_after_sign_in_and_logs_the_link(
    client, home_page, request_to_kalmar, coordinator_a, outsider, committed
):
    membership, path, email = request_to_kalmar
    assert "länken gäller i 7 dagar" in email.body
    login = client.get(path, follow=True)
    assert "Logga in" in login.content.decode()
    signed_in = client.post(
        client.get(path)["Location"],
        {"login": coordinator_a.email, "password": "lösen-ord-123"},
    )
    assert signed_in["Location"] == path
    assert outsider.email in client.get(path).content.decode()
    with committed():
        client.post(path, {"action": "approve"})
    membership.refresh_from_db()
    assert (membership.status, membership.decided_by) == ("approved", coordinator_a)
    entry = ModelLogEntry.objects.get(action="portal.membership.approved")
    assert entry.user_id == coordinator_a.pk
    message = log_actions.get_formatter(entry).format_message(entry)
    assert message == "Medlemskap godkänt via länken i e-postmeddelandet"


def test_a_forwarded_decision_link_records_the_signed_in_editor_who_decided(
    client, home_page, request_to_kalmar, editor
):
    membership, path, _email = request_to_kalmar
    client.force_login(editor)
    client.post(path, {"action": "decline", "reason": "Okänd hos oss"})
    membership.refresh_from_db()
    assert (membership.status, membership.decided_by) == ("declined", editor)
    entry = ModelLogEntry.objects.get(action="portal.membership.declined")
    assert entry.user_id == editor.pk
    assert log_actions.get_formatter(entry).format_message(entry) == (
        "Medlemskap avslaget via länken i e-postmeddelandet"
    )


def test_a_decision_link_is_refused_to_people_who_may_not_decide_for_the_municipality(
    client, home_page, request_to_kalmar, coordinator_b, member_a, outsider
):
    membership, path, _email = request_to_kalmar
    for somebody in (coordinator_b, member_a):  # Växjö's coordinator; a Kalmar member
        client.force_login(somebody)
        page = client.get(path)
        assert page.status_code == 403
        assert outsider.email not in page.content.decode()
        assert client.post(path, {"action": "approve"}).status_code == 403
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_a_decision_link_expires_after_7_days_with_a_clear_page(
    client, home_page, request_to_kalmar, coordinator_a
):
    membership, _path, _email = request_to_kalmar
    client.force_login(coordinator_a)
    assert client.get(issued_days_ago(membership, 6)).status_code == 200
    expired = client.get(issued_days_ago(membership, 8))
    assert expired.status_code == 400
    html = expired.content.decode()
    assert "Länken har gått ut. Länkar i e-post gäller i 7 dagar." in html
    assert "Gå till Mina sidor" in html
    assert client.post(issued_days_ago(membership, 8), {"action": "approve"}).status_code == 400
    membership.refresh_from_db()
    assert membership.status == "pending"
