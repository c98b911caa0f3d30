"""After a workshop: follow-up with the organisations at 3 and 6 months, open data of
feedback and follow-up, materials for participants or everyone; and the open format,
copying to new dates, messages to an occasion, and seats added to a full occasion."""

import csv
import datetime
import io
import json
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry

from events import services
from events.models import (
    Feedback,
    FollowUp,
    FollowUpAnswer,
    Registration,
    SeatCounter,
    WorkshopSession,
)
from events.services.follow_up import send_follow_ups
from events.services.reminders import send_reminders

from ..factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db

PNR = "19121212-1212"  # a valid personal identity number (the Tax Agency's example)
DAY = datetime.timedelta(days=1)


def ended(workshop, when):
    """Move the workshop's sessions so that the last one ended at `when`."""
    WorkshopSession.objects.filter(occasion__workshop=workshop).update(
        starts_at=when - datetime.timedelta(hours=3), ends_at=when
    )
    return when


def answer_link(email):
    return re.search(r"http://testserver(/workshop/uppfoljning/\S+/)", email.body)[1]


@pytest.fixture
def took_part(workshop, make_person, kalmar_kommun, vaxjo_kommun, coordinator_a, soon, committed):
    """Two from Kalmar (which has a coordinator, who did not come) and one from Växjö
    (no coordinator) took part; a third from Kalmar was marked absent. Ended a while ago."""
    people = [
        make_person("anna@kalmar.se", kalmar_kommun),
        make_person("bo@kalmar.se", kalmar_kommun),
        make_person("cia@vaxjo.se", vaxjo_kommun),
    ]
    workshop.occasions.update(capacity=10)
    workshop.save_revision().publish()
    with committed():  # their confirmations leave now
        registrations = [services.register(workshop, person) for person in people]
        absent = services.register(workshop, make_person("dan@kalmar.se", kalmar_kommun))
    Registration.objects.filter(pk=absent.pk).update(attended=False)
    mail.outbox.clear()
    return ended(workshop, soon(days=-1)), registrations


def test_organisations_are_asked_once_at_three_and_once_at_six_months(
    workshop, took_part, coordinator_a, committed
):
    end, _registrations = took_part
    with committed():
        assert send_follow_ups(now=end + 90 * DAY) == 0  # not before three months
        assert send_follow_ups(now=end + 92 * DAY) == 2  # Kalmar and Växjö
        assert send_follow_ups(now=end + 92 * DAY) == 0
        assert send_follow_ups(now=end + 120 * DAY) == 0
    # Kalmar's coordinator answers for Kalmar; Växjö has none, so its participant does.
    assert sorted(m.to[0] for m in mail.outbox) == ["cia@vaxjo.se", coordinator_a.email]
    assert mail.outbox[0].subject.startswith("Uppföljning efter RBM i praktiken")
    mail.outbox.clear()
    output = io.StringIO()
    with mock.patch("django.utils.timezone.now", return_value=end + 183 * DAY), committed():
        call_command("send_workshop_emails", stdout=output)
        call_command("send_workshop_emails", stdout=output)
    assert "2 follow-up(s)" in output.getvalue() and "0 follow-up(s)" in output.getvalue()
    assert len(mail.outbox) == 2
    rounds = sorted(FollowUp.objects.values_list("organisation__name", "round"))
    assert rounds == [("Kalmar", 3), ("Kalmar", 6), ("Växjö", 3), ("Växjö", 6)]


def test_a_round_long_overdue_is_not_sent(workshop, took_part):
    end, _registrations = took_part
    assert send_follow_ups(now=end + 140 * DAY) == 0  # 3 months + 45 days have passed
    assert not FollowUp.objects.exists()


def test_the_answer_link_opens_that_follow_up_once_guarded_and_expires(
    client, workshop, took_part, coordinator_a, committed
):
    end, _registrations = took_part
    with committed():
        send_follow_ups(now=end + 92 * DAY)
    kalmar = next(m for m in mail.outbox if m.to == [coordinator_a.email])
    link = answer_link(kalmar)
    form = client.get(link).content.decode()
    assert "Uppföljning av RBM i praktiken" in form and "Kalmar" in form

    typed = {"in_practice": "partly", "what": f"Rutin för {PNR}", "obstacles": "Tid"}
    refused = client.post(link, typed)
    assert "personnummer" in refused.content.decode()
    assert "Tid" in refused.content.decode()  # nothing typed is lost
    assert not FollowUpAnswer.objects.exists()

    typed["what"] = "Gemensam rutin för samverkan med skolan"
    assert "Tack för svaret" in client.post(link, typed).content.decode()
    answer = FollowUpAnswer.objects.get()
    assert (answer.follow_up.organisation.name, answer.follow_up.round) == ("Kalmar", 3)
    again = client.post(link, {**typed, "in_practice": "no"}).content.decode()
    assert "redan svarat" in again
    assert FollowUpAnswer.objects.get().in_practice == "partly"

    assert client.get(link[:-3] + "xx/").status_code == 400
    with mock.patch("time.time", return_value=(end + 200 * DAY).timestamp()):
        assert client.get(link).status_code == 410


def test_follow_up_results_per_workshop_and_theme_in_the_admin(
    client, workshop, took_part, editor, member_a
):
    end, _registrations = took_part
    send_follow_ups(now=end + 92 * DAY)
    FollowUpAnswer.objects.create(
        follow_up=FollowUp.objects.get(organisation__name="Växjö"),
        in_practice="yes",
        what="Ett gemensamt språk i utredningen",
    )
    client.force_login(editor)
    html = client.get(f"/admin/workshoppar/uppfoljning/?workshop={workshop.pk}").content.decode()
    rows = re.findall(r"<tr><td>([^<]+)</td><td>3 mån</td>\s*<td>(\d+)</td><td>(\d+)</td>", html)
    assert ("Samverkan med BUP", "2", "1") in rows  # the theme
    assert ("RBM i praktiken", "2", "1") in rows  # the workshop
    assert "Ett gemensamt språk i utredningen" in html
    client.force_login(member_a)
    assert client.get("/admin/workshoppar/uppfoljning/").status_code == 302


def test_the_open_data_counts_equal_the_database(
    client, workshop, took_part, workshop_index, theme, make_person, kalmar_kommun
):
    end, registrations = took_part
    other = WorkshopPageFactory(parent=workshop_index, theme=theme, title="Andra")
    services.register(other, make_person("eva@kalmar.se", kalmar_kommun))
    for registration, (useful, concrete, recommend) in zip(
        registrations, [(5, 4, True), (3, 2, False), (4, 4, True)], strict=True
    ):
        Feedback.objects.create(
            registration=registration,
            usefulness=useful,
            concreteness=concrete,
            would_recommend=recommend,
            comment="Anna Person tyckte om den",
        )
    send_follow_ups(now=end + 92 * DAY)
    FollowUpAnswer.objects.create(
        follow_up=FollowUp.objects.get(organisation__name="Kalmar"), in_practice="yes"
    )

    data = json.loads(client.get("/workshop/oppna-data/workshoppar.json").content)
    row = next(r for r in data["rows"] if r["workshop_id"] == workshop.pk)
    feedback = Feedback.objects.filter(registration__workshop=workshop)
    assert row["participants"] == workshop.registrations.filter(status="confirmed").count() == 4
    assert row["organisations"] == 2
    assert row["feedback_answers"] == feedback.count() == 3
    assert row["usefulness_mean"] == 4.0 and row["concreteness_mean"] == 3.33
    assert row["would_recommend"] == feedback.filter(would_recommend=True).count() == 2
    assert row["follow_up_3m_sent"] == FollowUp.objects.filter(round=3).count() == 2
    assert (row["follow_up_3m_answered"], row["follow_up_3m_yes"]) == (1, 1)
    assert row["follow_up_6m_sent"] == 0
    assert set(data["fields"]) == set(row)

    themes = json.loads(client.get("/workshop/oppna-data/teman.json").content)["rows"]
    (theme_row,) = themes
    assert (theme_row["theme"], theme_row["workshops"]) == ("Samverkan med BUP", 2)
    assert theme_row["participants"] == Registration.objects.filter(status="confirmed").count()
    assert theme_row["feedback_answers"] == 3

    response = client.get("/workshop/oppna-data/workshoppar.csv")
    text = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    csv_row = next(r for r in rows if r["workshop_id"] == str(workshop.pk))
    assert csv_row["feedback_answers"] == "3" and csv_row["follow_up_3m_yes"] == "1"
    for name in ("Anna", "Kalmar", "Växjö", "@"):  # no people, no organisations
        assert name not in text and name not in json.dumps(data, ensure_ascii=False)
    assert client.get("/workshop/oppna-data/annat.csv").status_code == 404


def test_an_open_webcast_has_no_seats_no_waitlist_and_optional_registration(
    client, workshop_index, make_person, kalmar_kommun, soon, committed
):
    webcast = WorkshopPageFactory(
        parent=workshop_index,
        title="Webbsändning om tidiga insatser",
        open_format=True,
        capacity=None,
        per_organisation_cap=1,  # ignored: the open format has no caps
        sessions=[soon(hours=20)],
    )
    visitor_page = client.get(webcast.url).content.decode()
    assert "Du behöver inte anmäla dig för att delta" in visitor_page
    assert "Öppen för alla – inget platstak" in visitor_page
    assert "mote.example.se" not in visitor_page
    people = [make_person(f"p{n}@kalmar.se", kalmar_kommun) for n in range(3)]
    with committed():
        registrations = [services.register(webcast, person) for person in people]
    mail.outbox.clear()
    assert [r.status for r in registrations] == ["confirmed"] * 3
    assert not Registration.objects.filter(status="waitlisted").exists()
    client.force_login(people[0])
    own = client.get(webcast.url).content.decode()
    assert "Du är anmäld och får länken och påminnelser." in own
    assert "https://mote.example.se/hemligt-rum" in own
    assert "Avanmäl mig" in own
    with committed():
        assert send_reminders() == 3
    assert len(mail.outbox) == 3
    services.cancel(registrations[0], by=people[0])
    assert not Registration.objects.filter(status="offered").exists()


def test_a_full_occasion_offers_added_seats_to_the_next_in_line_once(
    workshop, make_person, kalmar_kommun, committed
):
    people = [make_person(f"k{n}@kalmar.se", kalmar_kommun) for n in range(4)]
    with committed():
        for person in people:
            services.register(workshop, person)  # two seats: two confirmed, two waiting
    mail.outbox.clear()
    (occasion,) = workshop.occasions.all()
    occasion.capacity = 3
    workshop.occasions = [occasion]
    with committed():
        workshop.save_revision().publish()
        workshop.save_revision().publish()  # publishing again offers nothing more
    statuses = list(Registration.objects.order_by("id").values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "offered", "waitlisted"]
    assert SeatCounter.objects.get(occasion=occasion).taken == 3
    assert [m.to for m in mail.outbox if m.subject.startswith("En plats väntar")] == [
        [people[2].email]
    ]


# --- materials ---


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def with_materials(workshop, materials_for="participants"):
    document = get_document_model().objects.create(
        title="Bildspel", file=ContentFile(b"%PDF-1.7\n%%EOF\n", name="bildspel.pdf")
    )
    workshop.materials = [
        ("document", {"title": "Bildspelet från workshoppen", "document": document}),
        ("recording", {"title": "Inspelningen", "url": "https://play.example.se/rbm"}),
    ]
    workshop.materials_for = materials_for
    workshop.save_revision().publish()
    return document


def test_participant_materials_for_participants_only_by_any_address(
    client, workshop, member_a, coordinator_b, editor, committed
):
    with committed():
        services.register(workshop, member_a)
    mail.outbox.clear()
    with committed():
        document = with_materials(workshop)
        workshop.save_revision().publish()  # told once, however often it is published
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([member_a.email], "Material från RBM i praktiken")
    ]

    anonymous = client.get(workshop.url).content.decode()
    assert "Inspelningen" not in anonymous and "Logga in för att se det" in anonymous
    response = client.get(document.url)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")

    client.force_login(coordinator_b)  # another organisation, not a participant
    assert "Inspelningen" not in client.get(workshop.url).content.decode()
    assert client.get(document.url).status_code == 404

    for person in (member_a, editor):
        client.force_login(person)
        assert "Inspelningen" in client.get(workshop.url).content.decode()
        assert client.get(document.url).status_code == 200


def test_materials_for_everyone_are_served_to_visitors(client, workshop):
    document = with_materials(workshop, materials_for="everyone")
    page = client.get(workshop.url).content.decode()
    assert "Bildspelet från workshoppen" in page and "https://play.example.se/rbm" in page
    assert client.get(document.url).status_code == 200


# --- editors: copy and message ---


def test_an_editor_copies_a_workshop_to_new_dates_as_a_draft_without_registrations(
    client, workshop, editor, member_a
):
    services.register(workshop, member_a)
    (occasion,) = workshop.occasions.all()
    old_start = occasion.starts_at
    new_day = (old_start + 60 * DAY).date()
    client.force_login(editor)
    response = client.post(f"/admin/workshoppar/{workshop.pk}/kopiera/", {"first_day": new_day})
    copy = workshop.get_parent().get_children().exclude(pk=workshop.pk).get().specific
    assert response["Location"] == f"/admin/pages/{copy.pk}/edit/"
    assert (copy.title, copy.live) == (workshop.title, False)
    (new_occasion,) = copy.occasions.all()
    moved, was = timezone.localtime(new_occasion.starts_at), timezone.localtime(old_start)
    assert (moved.date(), moved.time()) == (new_day, was.time())  # same time of day
    assert not Registration.objects.filter(workshop=copy).exists()
    assert workshop.registrations.count() == 1
    occasion.refresh_from_db()
    assert occasion.starts_at == old_start


def test_a_message_to_an_occasion_goes_through_the_privacy_guard_and_is_logged(
    client, workshop, editor, make_person, kalmar_kommun, committed
):
    people = [make_person(f"m{n}@kalmar.se", kalmar_kommun) for n in range(3)]
    with committed():
        for person in people:
            services.register(workshop, person)  # two seats and one waiting
    (occasion,) = workshop.occasions.all()
    url = f"/admin/workshoppar/{workshop.pk}/tillfalle/{occasion.pk}/meddelande/"
    client.force_login(editor)
    mail.outbox.clear()
    typed = {"subject": "Ny lokal", "body": f"Gäller {PNR}"}
    refused = client.post(url, typed).content.decode()
    assert "personnummer" in refused and "Ny lokal" in refused
    with committed():
        sent = client.post(url, {**typed, "body": "Vi ses i sal B i stället."})
    assert sent.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert {m.subject for m in mail.outbox} == {"Ny lokal"}
    entry = PageLogEntry.objects.get(action="events.occasion.message_sent")
    assert (entry.user, entry.data["recipients"]) == (editor, 3)
    assert "sal B" not in json.dumps(entry.data)
    history = client.get(f"/admin/pages/{workshop.pk}/history/").content.decode()
    assert "3 mottagare" in history
