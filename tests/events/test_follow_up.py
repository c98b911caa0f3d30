"""Reminders, the calendar feed, the meeting link, feedback, interest, and the admin."""

import csv
import io
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import services
from events.models import Feedback, Registration, ThemeInterest, WorkshopSession
from events.services.feedback import feedback_path, read_feedback_token
from events.services.reminders import send_feedback_requests

from ..factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


def run_cron():
    output = StringIO()
    call_command("send_workshop_emails", stdout=output)
    return output.getvalue()


def test_reminders_go_out_once_however_often_cron_runs(
    workshop_index, make_person, kalmar_kommun, soon, committed
):
    tomorrow = WorkshopPageFactory(parent=workshop_index, capacity=1, sessions=[soon(hours=24)])
    later = WorkshopPageFactory(parent=workshop_index, sessions=[soon(days=10)])
    coming, waiting = (
        make_person("a@kalmar.se", kalmar_kommun),
        make_person("b@kalmar.se", kalmar_kommun),
    )
    with committed():  # their confirmations leave now, as after a real commit
        services.register(tomorrow, coming)
        services.register(tomorrow, waiting)  # waitlisted: no reminder
        services.register(later, coming)  # too far ahead
    mail.outbox.clear()

    with committed():  # emails leave after the commit
        assert "Sent 1 reminder(s)" in run_cron()
    with committed():
        assert "Sent 0 reminder(s)" in run_cron()
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([coming.email], f"Påminnelse: {tomorrow.title}")
    ]
    assert mail.outbox[0].attachments[0][2] == "text/calendar"


def test_feedback_is_requested_once_after_the_last_session(workshop, member_a, soon, committed):
    registration = services.register(workshop, member_a)
    WorkshopSession.objects.filter(occasion__workshop=workshop).update(
        starts_at=soon(hours=-5), ends_at=soon(hours=-2)
    )
    mail.outbox.clear()
    with committed():  # emails leave after the commit
        assert send_feedback_requests() == 1
    with committed():
        assert send_feedback_requests() == 0
    token = re.search(r"http://testserver/workshop/utvardering/(\S+)/", mail.outbox[0].body)[1]
    # The token carries the second it was signed, so compare what it is for.
    assert read_feedback_token(token) == registration


def test_the_feedback_form(client, workshop, member_a, soon):
    registration = services.register(workshop, member_a)
    path = feedback_path(registration)
    assert "öppnar när workshoppen är slut" in client.get(path).content.decode()
    WorkshopSession.objects.filter(occasion__workshop=workshop).update(
        starts_at=soon(hours=-5), ends_at=soon(hours=-2)
    )
    answers = {
        "usefulness": "4",
        "concreteness": "5",
        "would_recommend": "nej",
        "next_steps": "Prova RBM i vår grupp.",
        "comment": "Pojken 070423-4046 passade inte.",
    }
    refused = client.post(path, answers).content.decode()
    assert 'id="id_comment_error"' in refused and "Prova RBM i vår grupp." in refused
    client.post(path, {**answers, "comment": "Mer tid för övningar."})
    feedback = Feedback.objects.get(registration=registration)
    assert (feedback.usefulness, feedback.concreteness, feedback.would_recommend) == (4, 5, False)
    assert "Tack för dina svar" in client.get(path).content.decode()
    assert client.get("/workshop/utvardering/fel/").status_code == 400


def test_the_calendar_feed_lists_confirmed_workshops_only(
    client, workshop_index, member_a, make_person, kalmar_kommun
):
    confirmed = WorkshopPageFactory(parent=workshop_index, title="Bekräftad workshop", capacity=1)
    full = WorkshopPageFactory(parent=workshop_index, title="Full workshop", capacity=1)
    services.register(full, make_person("first@kalmar.se", kalmar_kommun))
    services.register(confirmed, member_a)
    services.register(full, member_a)  # waitlisted
    client.force_login(member_a)
    html = client.get("/mina-sidor/").content.decode()
    feed_path = re.search(r"(/workshop/kalender/[^<\s]+\.ics)", html)[1]
    client.logout()
    feed = client.get(feed_path)
    assert feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "SUMMARY:Bekräftad workshop" in body
    assert "Full workshop" not in body
    assert client.get("/workshop/kalender/gissat.ics").status_code == 404


def test_the_meeting_link_is_shown_to_confirmed_participants_only(
    client, workshop, member_a, make_person, kalmar_kommun
):
    link = workshop.occasions.get().meeting_link
    assert link not in client.get(workshop.url).content.decode()  # visitor
    client.force_login(member_a)
    assert link not in client.get(workshop.url).content.decode()  # not registered
    services.register(workshop, member_a)
    assert link in client.get(workshop.url).content.decode()  # confirmed
    services.register(workshop, make_person("b@kalmar.se", kalmar_kommun))
    waiting = make_person("c@kalmar.se", kalmar_kommun)
    services.register(workshop, waiting)
    client.force_login(waiting)
    html = client.get(workshop.url).content.decode()
    assert "nummer 1 på väntelistan" in html
    assert link not in html
    assert link not in client.get(workshop.get_parent().url).content.decode()


def test_interest_in_a_theme_is_told_when_a_workshop_is_published(
    client, committed, workshop_index, theme, member_a, outsider
):
    client.force_login(member_a)
    client.post(f"/workshop/teman/{theme.slug}/intresse/")
    client.post(f"/workshop/teman/{theme.slug}/intresse/")
    assert ThemeInterest.objects.filter(user=member_a).count() == 1
    client.force_login(outsider)
    html = client.post(f"/workshop/teman/{theme.slug}/intresse/", follow=True).content.decode()
    assert "Du behöver företräda en organisation för att anmäla intresse." in html
    mail.outbox.clear()
    with committed():
        WorkshopPageFactory(parent=workshop_index, theme=theme, title="Ny om BUP")
    assert [m.to for m in mail.outbox] == [[member_a.email]]
    assert "Ny om BUP" in mail.outbox[0].body
    mail.outbox.clear()
    with committed():
        WorkshopPageFactory(parent=workshop_index, theme=theme, title="En till")
    assert mail.outbox == []  # told once


def test_editors_see_registrations_mark_attendance_move_and_export(
    client, workshop, editor, make_person, kalmar_kommun, vaxjo_kommun
):
    a = make_person("anna@kalmar.se", kalmar_kommun, first_name="Anna")
    b = make_person("bo@kalmar.se", kalmar_kommun, first_name="Bo")
    c = make_person("cia@vaxjo.se", vaxjo_kommun, first_name="Cia")
    first = services.register(workshop, a)
    services.register(workshop, b)
    waiting = services.register(workshop, c)
    client.force_login(editor)
    page = client.get(f"/admin/workshoppar/{workshop.pk}/anmalningar/").content.decode()
    assert "Anna Person" in page and "Cia Person" in page
    client.post(
        f"/admin/workshoppar/{workshop.pk}/anmalningar/",
        {"registration": first.pk, "action": "attended"},
    )
    first.refresh_from_db()
    assert first.attended is True
    full = client.post(
        f"/admin/workshoppar/{workshop.pk}/anmalningar/",
        {"registration": waiting.pk, "action": "promote"},
        follow=True,
    )
    assert "fullbokad" in full.content.decode()
    (occasion,) = workshop.occasions.all()
    occasion.capacity = 3
    workshop.occasions = [occasion]
    workshop.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == "offered"  # the added seat goes to the first in line

    export = client.get(f"/admin/workshoppar/{workshop.pk}/anmalningar.csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Namn",
        "Organisation",
        "Slag",
        "Tillfälle",
        "Status",
        "Plats i kön",
        "Närvarade",
    ]
    when = timezone.localtime(occasion.starts_at).strftime("%Y-%m-%d %H:%M")
    assert ["Anna Person", "Kalmar", "Kommun", when, "Bekräftad", "", "Ja"] in rows
    assert "@" not in export.content.decode()  # no email addresses


def test_members_cannot_reach_the_registration_admin(client, workshop, member_a):
    client.force_login(member_a)
    response = client.get(f"/admin/workshoppar/{workshop.pk}/anmalningar/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_feedback_results_per_workshop_and_theme_with_a_chart(client, workshop, editor, member_a):
    registration = services.register(workshop, member_a)
    Feedback.objects.create(
        registration=registration, usefulness=4, concreteness=2, would_recommend=True
    )
    client.force_login(editor)
    html = client.get("/admin/workshoppar/utvardering/").content.decode()
    assert "<svg" in html and "Medelvärden per tema" in html
    assert "RBM i praktiken" in html and "Samverkan med BUP" in html
    assert "<td>4,0</td><td>2,0</td>" in html  # Swedish decimal comma


def test_interest_per_theme_and_county(client, theme, editor, member_a, kalmar_kommun):
    ThemeInterest.objects.create(user=member_a, theme=theme, organisation=kalmar_kommun)
    client.force_login(editor)
    html = client.get("/admin/workshoppar/intresse/").content.decode()
    assert "Samverkan med BUP" in html
    assert "08 = Kalmar län" in html


def test_my_pages_show_registrations_and_waitlist_places(
    client, workshop, member_a, make_person, kalmar_kommun
):
    for n in range(2):
        services.register(workshop, make_person(f"f{n}@kalmar.se", kalmar_kommun))
    services.register(workshop, member_a)
    client.force_login(member_a)
    html = client.get("/mina-sidor/").content.decode()
    assert "Mina workshoppar" in html and "Nummer 1 på väntelistan" in html
    assert "för Kalmar (Kommun)" in html
    client.post(f"/workshop/{workshop.pk}/avboka/", {"next": "/mina-sidor/"})
    assert Registration.objects.get(user=member_a).status == "cancelled"
