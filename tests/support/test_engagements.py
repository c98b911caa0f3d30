"""Engagements (issue 18): from a granted application to an agreement both sides confirm,
a changed agreement confirmed again, phases with next steps, an overdue step reminding
its owner once however often the cron job runs, the end and the follow-up at the end and
eight months later, each sent once; the two-year limit; the privacy guard on every form;
who reads and who confirms."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from support.models import Agreement, Engagement, EngagementMeeting, NextStep
from support.services import agreements, engagements, follow_up, next_steps, selection

from .test_selection import submitted

pytestmark = pytest.mark.django_db

PERSONAL_NUMBER = "Gäller pojken 070423-4046"
TODAY = timezone.localdate()


def admin_url(engagement, suffix=""):
    return f"/admin/insatser/{engagement.pk}/{suffix}"


def site_url(engagement, suffix=""):
    return f"/stod/insatser/{engagement.pk}/{suffix}"


def to(address):
    return [m for m in mail.outbox if address in m.to]


def agreement_data(agreement, **changes):
    data = {
        "agreement-goals": agreement.goals,
        "agreement-activities": [a.pk for a in agreement.activities.all()],
        "agreement-team_commitments": agreement.team_commitments,
        "agreement-municipality_commitments": agreement.municipality_commitments,
        "agreement-starts_on": agreement.starts_on.isoformat(),
        "agreement-ends_on": agreement.ends_on.isoformat(),
        "agreement-change_note": "",
    }
    data.update({f"agreement-{key}": value for key, value in changes.items()})
    return data


def engagement_data(engagement, **changes):
    data = {
        "title": engagement.title,
        "phase": engagement.phase,
        "team_contact": engagement.team_contact_id or "",
        "starts_on": engagement.starts_on.isoformat(),
        "ends_on": engagement.ends_on.isoformat(),
        "extension_reason": engagement.extension_reason,
    }
    data.update(changes)
    return data


def step_data(**changes):
    data = {
        "step-phase": "dialogue",
        "step-activity": "",
        "step-what": "Boka första mötet",
        "step-owner": "team",
        "step-owner_role": "",
        "step-due_on": (TODAY + datetime.timedelta(days=14)).isoformat(),
    }
    data.update({f"step-{key}": value for key, value in changes.items()})
    return data


@pytest.fixture
def granted(application_round, activity, kalmar, vaxjo, coordinator_a, coordinator_b, editor):
    application = submitted(application_round, kalmar, vaxjo, created_by=coordinator_a)
    application.activities.add(activity)
    return selection.decide(application, granted=True, reasons="Väl beskrivet behov.", by=editor)


@pytest.fixture
def engagement(granted, editor):
    return engagements.create_from_application(granted, by=editor)


@pytest.fixture
def team(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def kalmar_staff(coordinator_a):
    client = Client()
    client.force_login(coordinator_a)
    return client


def test_the_whole_path_from_a_granted_application_to_the_end(
    committed,
    granted,
    activity,
    team,
    kalmar_staff,
    coordinator_a,
    coordinator_b,
    editor,
    monkeypatch,
):
    # The team creates the engagement from the granted application.
    page = team.get(f"/admin/stod-urval/ansokan/{granted.pk}/")
    assert "Skapa insats" in page.content.decode()
    response = team.post(f"/admin/insatser/fran-ansokan/{granted.pk}/")
    engagement = Engagement.objects.get(application=granted)
    assert response["Location"] == admin_url(engagement)
    assert [(p.organisation.name, p.is_lead) for p in engagement.participants.all()] == [
        ("Kalmar", True),
        ("Växjö", False),
    ]
    assert engagement.team_contact == editor
    assert engagement.ends_on == engagements.limit_of(TODAY)
    [first] = engagement.agreements.all()
    assert first.version == 1 and first.goals == granted.goals
    assert list(first.activities.all()) == [activity]
    # A second click makes no second engagement.
    team.post(f"/admin/insatser/fran-ansokan/{granted.pk}/")
    assert Engagement.objects.count() == 1

    # Both sides confirm version 1: Kalmar's coordinator on the site, the team in the admin.
    page = kalmar_staff.get(site_url(engagement, "overenskommelse/")).content.decode()
    assert "Bekräfta för Kalmar" in page and "Bekräfta för förstärkningsteamet" not in page
    kalmar_staff.post(
        site_url(engagement, "overenskommelse/"), {"version": 1, "side": "municipality"}
    )
    team.post(admin_url(engagement, "overenskommelse/bekrafta/"), {"version": 1})
    first.refresh_from_db()
    assert first.is_confirmed
    assert first.municipality_confirmed_by == coordinator_a and first.team_confirmed_by == editor
    assert agreements.in_force(engagement) == first

    # A change is version 2, which Kalmar is told of and confirms again; v1 stays readable.
    with committed():
        team.post(
            admin_url(engagement, "overenskommelse/"),
            agreement_data(first, goals="Nya mål efter behovsinventeringen.", change_note="Målen"),
        )
    second = Agreement.objects.get(engagement=engagement, version=2)
    assert not second.is_confirmed and second.goals == "Nya mål efter behovsinventeringen."
    [changed] = [m for m in to(coordinator_a.email) if "Ny version" in m.subject]
    assert "Målen" in changed.body
    assert agreements.in_force(engagement) == first
    page = kalmar_staff.get(site_url(engagement, "overenskommelse/")).content.decode()
    assert "Version 2" in page and "Version 1" in page and granted.goals in page
    # Confirming the old version does nothing.
    kalmar_staff.post(
        site_url(engagement, "overenskommelse/"), {"version": 1, "side": "municipality"}
    )
    second.refresh_from_db()
    assert second.municipality_confirmed_at is None
    kalmar_staff.post(
        site_url(engagement, "overenskommelse/"), {"version": 2, "side": "municipality"}
    )
    team.post(admin_url(engagement, "overenskommelse/bekrafta/"), {"version": 2})
    assert agreements.in_force(engagement) == Agreement.objects.get(pk=second.pk)
    # Saving unchanged makes no version 3.
    team.post(admin_url(engagement, "overenskommelse/"), agreement_data(second))
    assert engagement.agreements.count() == 2

    # The download is the version as a document.
    download = kalmar_staff.get(site_url(engagement, "overenskommelse/1/ladda-ner/"))
    assert download["Content-Disposition"] == (
        f'attachment; filename="overenskommelse-insats-{engagement.pk}-version-1.html"'
    )
    assert granted.goals in download.content.decode()

    # Phases with next steps: one for the team, one for Kalmar's social services chief,
    # both a day late.
    team.post(admin_url(engagement, "spara/"), engagement_data(engagement, phase="needs"))
    engagement.refresh_from_db()
    assert engagement.phase == Engagement.Phase.NEEDS
    yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
    team.post(admin_url(engagement, "steg/"), step_data(what="Skicka underlag", due_on=yesterday))
    team.post(
        admin_url(engagement, "steg/"),
        step_data(
            phase="needs",
            activity=activity.pk,
            what="Samla arbetsgruppen",
            owner="municipality",
            owner_role="socialchef",
            due_on=yesterday,
        ),
    )
    team_step = NextStep.objects.get(what="Skicka underlag")
    their_step = NextStep.objects.get(what="Samla arbetsgruppen")
    assert their_step.activity == activity and their_step.owner_role == "socialchef"
    timeline = kalmar_staff.get(site_url(engagement)).content.decode()
    assert timeline.count("Försenad") == 2 and "Kommunen (socialchef)" in timeline
    assert "2 steg är försenade." in timeline

    # The cron job reminds each owner once, however often it runs.
    mail.outbox.clear()
    with committed():
        for _run in range(3):
            call_command("send_engagement_reminders", stdout=io.StringIO())
    assert [m.subject for m in to(editor.email)] == [
        f"Försenat steg i insatsen ”{engagement.title}”"
    ]
    assert "Skicka underlag" in to(editor.email)[0].body
    assert (
        len(to(coordinator_a.email)) == 1
        and "Samla arbetsgruppen" in to(coordinator_a.email)[0].body
    )
    assert not to(coordinator_b.email)  # Växjö is not the lead

    # Kalmar's coordinator marks its step done; the team's is not theirs to mark.
    assert kalmar_staff.post(site_url(engagement, f"steg/{team_step.pk}/klart/")).status_code == 403
    kalmar_staff.post(site_url(engagement, f"steg/{their_step.pk}/klart/"))
    their_step.refresh_from_db()
    assert their_step.is_done and their_step.done_by == coordinator_a
    assert kalmar_staff.get(site_url(engagement)).content.decode().count("Försenad") == 1

    # The end: ended_on is the day, the phase follow-up.
    ended = engagements.end(engagement, editor, on=TODAY)
    assert ended.ended_on == TODAY and ended.phase == Engagement.Phase.FOLLOW_UP
    assert engagements.end(ended, editor, on=TODAY + datetime.timedelta(days=3)).ended_on == TODAY
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(engagement.pk)).values_list("action", flat=True)
    )
    assert {
        "support.engagement.created",
        "support.agreement.drafted",
        "support.agreement.confirmed",
        "support.step.added",
        "support.step.done",
        "support.engagement.ended",
    } <= actions

    # Follow-up: the cron job sends each organisation's questionnaire on the day it ended
    # and again eight months later, each once however often it runs.
    def run_follow_up_cron(on, runs=3):
        monkeypatch.setattr(timezone, "localdate", lambda *args: on)
        with committed():
            for _run in range(runs):
                call_command("send_engagement_follow_ups", stdout=io.StringIO())

    def follow_up_mails(person):
        return [m for m in to(person.email) if "uppföljning" in m.subject.lower()]

    mail.outbox.clear()
    run_follow_up_cron(TODAY)
    assert len(follow_up_mails(coordinator_a)) == 1 and len(follow_up_mails(coordinator_b)) == 1
    run_follow_up_cron(follow_up.add_months(TODAY, 8) - datetime.timedelta(days=1))
    assert len(follow_up_mails(coordinator_a)) == 1  # not yet: seven months and a bit
    run_follow_up_cron(follow_up.add_months(TODAY, 8))
    run_follow_up_cron(follow_up.add_months(TODAY, 9))
    assert len(follow_up_mails(coordinator_a)) == 2 and len(follow_up_mails(coordinator_b)) == 2
    # The timeline leads Kalmar to its own follow-ups, not Växjö's.
    timeline = kalmar_staff.get(site_url(engagement)).content.decode()
    kalmar_follow_ups = engagement.follow_ups.filter(organisation__name="Kalmar")
    vaxjo_follow_ups = engagement.follow_ups.filter(organisation__name="Växjö")
    assert all(f"/stod/uppfoljning/{f.pk}/" in timeline for f in kalmar_follow_ups)
    assert not any(f"/stod/uppfoljning/{f.pk}/" in timeline for f in vaxjo_follow_ups)
    assert sorted(engagement.follow_ups.values_list("round", "status")) == [
        ("eight_months", "sent"),
        ("eight_months", "sent"),
        ("end", "sent"),
        ("end", "sent"),
    ]


def test_two_runs_at_once_remind_once(committed, engagement, editor, monkeypatch):
    """A run that read the overdue steps before another run claimed them sends nothing."""
    next_steps.add_step(
        engagement,
        by=editor,
        phase="dialogue",
        what="Boka mötet",
        owner="team",
        due_on=TODAY - datetime.timedelta(days=2),
    )
    read_by_the_slow_run = next_steps.due_for_reminder(TODAY)
    with committed():
        assert next_steps.remind_overdue_steps() == 1
        monkeypatch.setattr(next_steps, "due_for_reminder", lambda today: read_by_the_slow_run)
        assert next_steps.remind_overdue_steps() == 0
    assert len(to(editor.email)) == 1


def test_a_municipality_reads_its_engagement_on_mina_sidor(engagement, editor, member_a):
    next_steps.add_step(
        engagement,
        by=editor,
        phase="dialogue",
        what="Utse en samordnare",
        owner="municipality",
        owner_role="socialchef",
        due_on=TODAY - datetime.timedelta(days=1),
    )
    client = Client()
    client.force_login(member_a)
    page = client.get("/mina-sidor/").content.decode()
    assert "Insatser med förstärkningsteamet" in page
    assert engagement.title in page and "Utse en samordnare" in page
    assert "1 steg är försenat" in page


def test_a_plain_member_reads_but_does_not_confirm_or_mark(engagement, editor, member_a):
    step = next_steps.add_step(
        engagement, by=editor, phase="dialogue", what="Svara", owner="municipality", due_on=TODAY
    )
    next_steps.record_meeting(
        engagement, by=editor, held_on=TODAY, kind="digital", roles="socialchef", notes="Bra start."
    )
    client = Client()
    client.force_login(member_a)
    assert client.get(site_url(engagement)).status_code == 200
    assert "Bra start." in client.get(site_url(engagement, "moten/")).content.decode()
    page = client.get(site_url(engagement, "overenskommelse/")).content.decode()
    assert "Bekräfta för" not in page
    response = client.post(
        site_url(engagement, "overenskommelse/"), {"version": 1, "side": "municipality"}
    )
    assert response.status_code == 403
    assert client.post(site_url(engagement, f"steg/{step.pk}/klart/")).status_code == 403
    assert client.post(site_url(engagement, "moten/"), {}).status_code == 403


def test_a_named_contact_person_marks_the_municipalitys_steps(
    engagement, editor, member_a, kalmar_staff
):
    participation = engagement.participants.get(is_lead=True)
    page = kalmar_staff.get(site_url(engagement, "kontaktpersoner/")).content.decode()
    assert "medlem@kalmar.se" in page or "Maja" in page
    kalmar_staff.post(site_url(engagement, "kontaktpersoner/"), {"people": [member_a.pk]})
    assert list(participation.contact_persons.all()) == [member_a]
    step = next_steps.add_step(
        engagement, by=editor, phase="dialogue", what="Svara", owner="municipality", due_on=TODAY
    )
    client = Client()
    client.force_login(member_a)
    client.post(site_url(engagement, f"steg/{step.pk}/klart/"))
    step.refresh_from_db()
    assert step.done_by == member_a
    assert member_a in engagements.municipality_contacts(engagement)
    export = json.loads(client.get("/mina-sidor/mina-uppgifter.json").content)["insatser"]
    assert export["kontaktperson i"] == [f"{engagement.title} (Kalmar)"]
    assert [row["steg"] for row in export["steg markerade som klara"]] == ["Svara"]


# The two-year limit -------------------------------------------------------------------


def test_an_end_past_two_years_needs_a_recorded_reason(engagement, team, kalmar_staff, editor):
    past = engagements.limit_of(engagement) + datetime.timedelta(days=60)
    response = team.post(admin_url(engagement, "spara/"), engagement_data(engagement, ends_on=past))
    assert response.status_code == 400
    assert "Stödet varar högst två år" in response.content.decode()
    engagement.refresh_from_db()
    assert engagement.ends_on == engagements.limit_of(engagement)

    reason = "Kommunen behöver stöd med avslutet efter en omorganisation."
    team.post(
        admin_url(engagement, "spara/"),
        engagement_data(engagement, ends_on=past, extension_reason=reason),
    )
    engagement.refresh_from_db()
    assert engagement.ends_on == past and engagement.extension_reason == reason
    assert engagement.extended_by == editor
    assert reason in team.get(admin_url(engagement)).content.decode()
    assert reason in kalmar_staff.get(site_url(engagement)).content.decode()
    entry = ModelLogEntry.objects.get(
        object_id=str(engagement.pk), action="support.engagement.extended"
    )
    assert entry.data["reason"] == reason


def test_six_months_before_two_years_the_engagement_warns_once(
    committed, granted, editor, kalmar_staff
):
    started = engagements.add_months(TODAY, -19)
    engagement = engagements.create_from_application(granted, by=editor, starts_on=started)
    assert engagements.nears_limit(engagement)
    assert "Tvåårsgränsen närmar sig" in kalmar_staff.get(site_url(engagement)).content.decode()
    with committed():
        for _run in range(2):
            next_steps.warn_of_limits()
    [warning] = to(editor.email)
    assert "tvåårsgränsen" in warning.subject
    fresh = engagements.create(
        by=editor,
        title="Ny",
        organisations=[granted.lead],
        lead=granted.lead,
        starts_on=TODAY,
        ends_on=TODAY,
    )
    assert not engagements.nears_limit(fresh)


def test_limit_dates():
    assert engagements.limit_of(datetime.date(2024, 2, 29)) == datetime.date(2026, 2, 28)
    assert engagements.add_months(datetime.date(2027, 8, 31), -6) == datetime.date(2027, 2, 28)


# The privacy guard on every form --------------------------------------------------------


@pytest.mark.parametrize(
    "suffix, data, field_label",
    [
        ("spara/", lambda e: engagement_data(e, title=PERSONAL_NUMBER), "Namn"),
        (
            "spara/",
            lambda e: engagement_data(
                e, ends_on=e.ends_on + datetime.timedelta(days=90), extension_reason=PERSONAL_NUMBER
            ),
            "Skäl för att gå förbi två år",
        ),
        (
            "overenskommelse/",
            lambda e: agreement_data(e.agreements.get(), goals=PERSONAL_NUMBER),
            "Mål",
        ),
        (
            "overenskommelse/",
            lambda e: agreement_data(e.agreements.get(), municipality_commitments=PERSONAL_NUMBER),
            "Kommunen åtar sig",
        ),
        ("steg/", lambda e: step_data(what=PERSONAL_NUMBER), "Vad"),
        (
            "steg/",
            lambda e: step_data(owner="municipality", owner_role=PERSONAL_NUMBER),
            "Roll i kommunen",
        ),
    ],
)
def test_admin_forms_refuse_personal_numbers_and_keep_the_text(
    engagement, team, suffix, data, field_label
):
    response = team.post(admin_url(engagement, suffix), data(engagement))
    page = response.content.decode()
    assert response.status_code == 400
    assert f"Fältet ”{field_label}” innehåller något som ser ut som ett personnummer" in page
    assert "070423-4046" in page  # what was typed is still there
    assert engagement.agreements.count() == 1 and not engagement.steps.exists()
    engagement.refresh_from_db()
    assert PERSONAL_NUMBER not in (engagement.title + engagement.extension_reason)


def test_new_engagement_form_refuses_personal_numbers(team, kalmar):
    response = team.post(
        "/admin/insatser/ny/",
        {
            "title": PERSONAL_NUMBER,
            "lead": kalmar.organisation.pk,
            "starts_on": TODAY.isoformat(),
            "ends_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 400
    assert "personnummer" in response.content.decode()
    assert not Engagement.objects.exists()


def test_new_engagement_for_support_given_otherwise(team, kalmar, vaxjo, editor):
    response = team.post(
        "/admin/insatser/ny/",
        {
            "title": "Stöd efter en förfrågan från länet",
            "lead": kalmar.organisation.pk,
            "others": [vaxjo.organisation.pk],
            "team_contact": editor.pk,
            "starts_on": TODAY.isoformat(),
            "ends_on": (TODAY + datetime.timedelta(days=200)).isoformat(),
        },
    )
    engagement = Engagement.objects.get()
    assert response["Location"] == admin_url(engagement)
    assert engagement.application is None and engagements.lead_of(engagement) == kalmar.organisation
    listing = team.get("/admin/insatser/").content.decode()
    assert "Stöd efter en förfrågan från länet" in listing


@pytest.mark.parametrize("field", ["roles", "notes"])
def test_meeting_form_refuses_personal_numbers(engagement, kalmar_staff, field):
    data = {"held_on": TODAY.isoformat(), "kind": "digital", "roles": "socialchef", "notes": ""}
    data[field] = PERSONAL_NUMBER
    response = kalmar_staff.post(site_url(engagement, "moten/"), data)
    assert response.status_code == 400
    assert "personnummer" in response.content.decode()
    assert "070423-4046" in response.content.decode()
    assert not EngagementMeeting.objects.exists()


def test_meetings_are_recorded_with_roles_and_notes(engagement, kalmar_staff):
    kalmar_staff.post(
        site_url(engagement, "moten/"),
        {
            "held_on": TODAY.isoformat(),
            "kind": "workshop",
            "roles": "socialchef, fältsekreterare",
            "notes": "Vi enades om arbetsgruppen.",
        },
    )
    page = kalmar_staff.get(site_url(engagement, "moten/")).content.decode()
    assert "Vi enades om arbetsgruppen." in page and "workshop" in page
    assert "socialchef, fältsekreterare" in kalmar_staff.get(site_url(engagement)).content.decode()


def test_organisations_active_on_a_day(engagement, editor, kalmar, vaxjo):
    assert set(engagements.organisations_active_on(TODAY)) == {
        kalmar.organisation,
        vaxjo.organisation,
    }
    assert not engagements.organisations_active_on(TODAY - datetime.timedelta(days=1)).exists()
    engagements.end(engagement, editor, on=TODAY)
    assert not engagements.organisations_active_on(TODAY + datetime.timedelta(days=1)).exists()


def test_the_demo_has_an_engagement_to_follow(demo, client):
    engagement = Engagement.objects.get()
    assert engagement.agreements.count() == 2
    assert [s.what for s in engagement.steps.all() if s.is_overdue] == [
        "Samla rutiner och statistik till behovsinventeringen"
    ]
    assert engagement.meetings.count() == 1
    assert "Påhittat exempel" in agreements.current(engagement).goals


def test_the_team_chooses_an_organisations_contact_persons(
    engagement, team, member_a, coordinator_b
):
    participation = engagement.participants.get(is_lead=True)
    page = team.get(admin_url(engagement)).content.decode()
    assert "Spara kontaktpersoner för Kalmar" in page
    team.post(
        admin_url(engagement, f"kontakter/{participation.pk}/"),
        {f"kontakter-{participation.pk}-people": [member_a.pk]},
    )
    assert list(participation.contact_persons.all()) == [member_a]
    # Someone of another organisation cannot be chosen.
    team.post(
        admin_url(engagement, f"kontakter/{participation.pk}/"),
        {f"kontakter-{participation.pk}-people": [coordinator_b.pk]},
    )
    assert list(participation.contact_persons.all()) == [member_a]


def test_a_co_participants_coordinator_reads_but_does_not_act_for_the_lead(
    editor, kalmar, vaxjo, make_person
):
    """The municipality's side acts through the lead's coordinators and named contact
    persons; Växjö's coordinator in Kalmar's engagement reads, and acts once named."""
    engagement = engagements.create(
        by=editor,
        title="Stöd till Kalmar och Växjö",
        organisations=[kalmar.organisation, vaxjo.organisation],
        lead=kalmar.organisation,
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=300),
        team_contact=editor,
    )
    step = next_steps.add_step(
        engagement,
        by=editor,
        phase="dialogue",
        what="Utse en arbetsgrupp",
        owner="municipality",
        due_on=TODAY,
    )
    vaxjo_coordinator = make_person("samordnare@vaxjo.se", vaxjo, role="coordinator")
    client = Client()
    client.force_login(vaxjo_coordinator)
    assert client.get(site_url(engagement)).status_code == 200
    assert client.post(site_url(engagement, f"steg/{step.pk}/klart/")).status_code == 403
    step.refresh_from_db()
    assert step.done_by is None

    vaxjo_part = engagement.participants.get(organisation=vaxjo.organisation)
    engagements.set_contact_persons(vaxjo_part, [vaxjo_coordinator], by=vaxjo_coordinator)
    client.post(site_url(engagement, f"steg/{step.pk}/klart/"))
    step.refresh_from_db()
    assert step.done_by == vaxjo_coordinator
