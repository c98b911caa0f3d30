"""Email leaves the request: a mail server that is down never turns a saved action into an
error page, and no email is lost or sent twice (portal/services/email_queue.py)."""

import datetime
import threading
import time
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from events import services
from events.models import Registration
from network.models import Network, NetworkMembership
from network.services import networks
from portal import emails
from portal.models import Membership, OutgoingEmail
from portal.services import email_queue

from ..factories import WorkshopIndexPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db

MAIL_SERVER_DOWN = "tests.portal.test_email_queue.RefusingBackend"
MAIL_SERVER_UP = "django.core.mail.backends.locmem.EmailBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down: every connection is refused."""

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, email_messages):
        self.open()


class SlowRecordingBackend(BaseEmailBackend):
    """A mail server that takes its time, and remembers every message it accepted."""

    accepted = []
    lock = threading.Lock()

    def send_messages(self, email_messages):
        time.sleep(0.01)
        with self.lock:
            self.accepted.extend(email_messages)
        return len(email_messages)


def later(minutes):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def queued_for(address):
    return OutgoingEmail.objects.get(recipient=address)


def assert_waits_for_a_retry(row):
    assert row.status == "queued"
    assert row.attempts == 1
    assert row.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
    assert "Connection refused" in row.last_error


# Real commits, so the emails are sent inside the request, as in the embedded default.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_registering_for_a_workshop_while_the_mail_server_is_down_still_gives_the_seat(
    client, settings, home_page, member_a
):
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page), title="RBM i praktiken", capacity=2
    )
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN
    client.force_login(member_a)

    page = client.post(f"/workshop/{workshop.pk}/anmal/", follow=True)

    assert page.status_code == 200
    assert "Du har en plats" in page.content.decode()
    assert Registration.objects.get(user=member_a).status == "confirmed"
    assert_waits_for_a_retry(queued_for(member_a.email))
    assert mail.outbox == []

    settings.EMAIL_BACKEND = MAIL_SERVER_UP  # the server is back
    assert email_queue.drain(now=later(2)) == (1, 0)
    assert email_queue.drain(now=later(60 * 24)) == (0, 0)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([member_a.email], "Bekräftad plats: RBM i praktiken")
    ]
    assert mail.outbox[0].attachments[0][2] == "text/calendar"
    assert queued_for(member_a.email).status == "sent"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approving_a_membership_while_the_mail_server_is_down_still_approves_it(
    client, settings, home_page, outsider, coordinator_a, kalmar
):
    membership = Membership.objects.create(
        user=outsider, organisation=kalmar.organisation, job_title="Kurator"
    )
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN
    client.force_login(coordinator_a)

    page = client.post(
        f"/mina-sidor/medlemskap/{membership.pk}/", {"action": "approve"}, follow=True
    )

    assert page.status_code == 200
    membership.refresh_from_db()
    assert membership.status == "approved"
    assert_waits_for_a_retry(queued_for(outsider.email))

    settings.EMAIL_BACKEND = MAIL_SERVER_UP
    call_command("send_queued_emails", "--once", stdout=StringIO())  # too early: waits
    assert mail.outbox == []
    assert email_queue.drain(now=later(2)) == (1, 0)
    assert email_queue.drain(now=later(2)) == (0, 0)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([outsider.email], "Du är nu medlem för Kalmar")
    ]


def test_a_refused_email_is_retried_with_back_off_then_given_up_and_shown_to_editors(
    client, settings, committed, editor, outsider
):
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN
    with committed():  # the first try, right after the commit
        emails.send("portal/emails/membership_pending", [outsider.email], {"membership": None})
    row = queued_for(outsider.email)
    waits = []
    while row.status == "queued":
        now = row.next_attempt_at
        email_queue.drain(now=now)
        row.refresh_from_db()
        if row.status == "queued":
            waits.append(round((row.next_attempt_at - now).total_seconds() / 60))
    assert waits == [5, 30, 120, 720]  # after the first try: 1 minute
    assert (row.status, row.attempts) == ("failed", 6)
    assert email_queue.drain(now=later(60 * 24 * 7)) == (0, 0)  # given up: no more tries

    client.force_login(editor)
    html = client.get("/admin/e-post/").content.decode()
    assert "E-post som inte gick fram" in html
    assert outsider.email in html and row.subject in html
    assert "Connection refused" in html
    assert "Försök igen" in html
    assert "/admin/e-post/" in client.get("/admin/").content.decode()  # under Reports

    settings.EMAIL_BACKEND = MAIL_SERVER_UP
    with committed():
        page = client.post("/admin/e-post/", {"email": row.pk}, follow=True)
    assert f"E-posten till {outsider.email} skickas igen." in page.content.decode()
    assert [m.to for m in mail.outbox] == [[outsider.email]]
    row.refresh_from_db()
    assert row.status == "sent"
    assert "Försök igen" not in client.get("/admin/e-post/").content.decode()


def test_members_cannot_see_or_retry_failed_emails(client, member_a):
    client.force_login(member_a)
    assert client.get("/admin/e-post/").status_code in (302, 403)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_drains_at_once_never_send_an_email_twice(settings, home_page):
    settings.EMAIL_DRAIN_ON_COMMIT = False
    settings.EMAIL_BACKEND = "tests.portal.test_email_queue.SlowRecordingBackend"
    SlowRecordingBackend.accepted.clear()
    addresses = [f"person{n}@example.se" for n in range(60)]
    emails.send("portal/emails/membership_pending", addresses, {"membership": None})

    barrier = threading.Barrier(4)
    errors = []

    def worker():
        try:
            barrier.wait(timeout=30)
            email_queue.drain()
        except Exception as error:  # noqa: BLE001 - every failure is reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    delivered = sorted(message.to[0] for message in SlowRecordingBackend.accepted)
    assert delivered == sorted(addresses)  # every one, none twice
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


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


def run_cron():
    call_command("send_workshop_emails", stdout=StringIO())


def test_reminders_are_not_lost_when_the_mail_server_is_down(
    settings, committed, home_page, member_a
):
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page),
        sessions=[timezone.now() + datetime.timedelta(hours=24)],
    )
    services.register(workshop, member_a)
    OutgoingEmail.objects.all().delete()  # the confirmation, never sent in this test
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN

    with committed():
        run_cron()
    with committed():
        run_cron()  # marked as reminded: not queued again

    row = queued_for(member_a.email)
    assert row.subject == f"Påminnelse: {workshop.title}"
    assert_waits_for_a_retry(row)
    settings.EMAIL_BACKEND = MAIL_SERVER_UP
    assert email_queue.drain(now=later(2)) == (1, 0)
    assert [m.subject for m in mail.outbox] == [f"Påminnelse: {workshop.title}"]


def test_digests_are_not_lost_when_the_mail_server_is_down(
    settings, committed, network, member_a, make_person, kalmar
):
    networks.set_digest(member_a, network, True)
    other = make_person("annan@kalmar.se", kalmar)
    thread = networks.start_thread(network, other, title="Nytt", body="Första inlägget")
    OutgoingEmail.objects.all().delete()
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN

    with committed():
        assert networks.send_digests() == 1
    with committed():
        assert networks.send_digests() == 0  # marked as sent today: not queued again

    assert thread.posts.exists()
    row = queued_for(member_a.email)
    assert_waits_for_a_retry(row)
    settings.EMAIL_BACKEND = MAIL_SERVER_UP
    assert email_queue.drain(now=later(2)) == (1, 0)
    assert "Första inlägget" in mail.outbox[-1].body
    assert [m.to for m in mail.outbox] == [[member_a.email]]


def test_sent_emails_are_forgotten_after_30_days(settings, outsider, member_a):
    settings.EMAIL_DRAIN_ON_COMMIT = False
    emails.send("portal/emails/membership_pending", [outsider.email], {"membership": None})
    emails.send("portal/emails/membership_pending", [member_a.email], {"membership": None})
    email_queue.drain()
    OutgoingEmail.objects.filter(recipient=outsider.email).update(
        sent_at=timezone.now() - datetime.timedelta(days=31)
    )
    output = StringIO()
    call_command("send_queued_emails", "--once", stdout=output)
    assert "Forgot 1 old email(s)." in output.getvalue()
    assert list(OutgoingEmail.objects.values_list("recipient", flat=True)) == [member_a.email]


def test_a_persons_emails_are_in_their_data_export_and_go_with_their_account(
    client, settings, outsider
):
    settings.EMAIL_DRAIN_ON_COMMIT = False
    emails.send("portal/emails/membership_pending", [outsider.email], {"membership": None})
    client.force_login(outsider)
    export = client.get("/mina-sidor/mina-uppgifter.json").json()
    assert [email["status"] for email in export["e-post"]] == ["I kö"]
    outsider.delete()
    assert not OutgoingEmail.objects.exists()


def test_an_email_with_a_reply_to_address_carries_it_and_others_carry_none(
    committed, settings, outsider
):
    with committed():
        emails.send(
            "portal/emails/membership_pending",
            [outsider.email],
            {"membership": None},
            reply_to="kontakt@kalmar.se",
        )
        emails.send("portal/emails/membership_pending", ["annan@example.se"], {"membership": None})
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient[outsider.email].reply_to == ["kontakt@kalmar.se"]
    assert "Reply-To: kontakt@kalmar.se" in by_recipient[outsider.email].message().as_string()
    assert by_recipient[outsider.email].from_email == settings.DEFAULT_FROM_EMAIL
    assert by_recipient["annan@example.se"].reply_to == []
    assert "Reply-To" not in by_recipient["annan@example.se"].message().as_string()
