"""A network's own meetings, as its coordinator and its members meet them: planning with an
invitation and its .ics, who sees the link, changes and cancellations, minutes afterwards,
reminders, and the meetings in the personal calendar feed."""

import datetime
import re
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network.models import Meeting, Network, NetworkMembership
from network.services import networks
from organisations.models import Municipality
from portal.models import OutgoingEmail

pytestmark = pytest.mark.django_db

LINK = "https://mote.example.se/j/bup-natverket"
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["121212-1212", "", " ", "0", "-1", "24:00", "2027-02-30", "<script>"]
)


@pytest.fixture
def network(kalmar, vaxjo, editor):
    """Kalmar is an active member, Växjö has left and Umeå is only invited."""
    network = Network.objects.create(name="Samverkan med BUP", slug="bup", coordinator_user=editor)
    NetworkMembership.objects.create(
        network=network, organisation=kalmar.organisation, status="active"
    )
    NetworkMembership.objects.create(
        network=network, organisation=vaxjo.organisation, status="left"
    )
    umea = Municipality.objects.get(name="Umeå")
    NetworkMembership.objects.create(
        network=network, organisation=umea.organisation, status="invited"
    )
    return network


@pytest.fixture
def people(network, member_a, coordinator_a, coordinator_b, make_person, kalmar, editor):
    """Who should and should not be invited."""
    gone = make_person("slutat@kalmar.se", kalmar)
    gone.is_active = False
    gone.save()
    umea = Municipality.objects.get(name="Umeå")
    return {
        "invited": {member_a.email, coordinator_a.email, editor.email},
        "not_invited": {
            coordinator_b.email,  # Växjö left the network
            gone.email,  # a deactivated account
            make_person("inbjuden@umea.se", umea).email,  # Umeå is only invited
            make_person("ny@example.se").email,  # nobody's member
        },
    }


def in_days(days, hour=13, minute=0):
    day = timezone.localtime() + datetime.timedelta(days=days)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def form_data(**changes):
    start = in_days(7)
    return {
        "title": "Nätverksträff om remisser",
        "date": start.date().isoformat(),
        "start_time": "13:00",
        "end_time": "15:30",
        "place": "",
        "meeting_link": LINK,
        "agenda": "1. Hur går remisserna till BUP?\n2. Nästa steg",
        **changes,
    }


def schedule(network, by, **changes):
    fields = {
        "title": "Nätverksträff om remisser",
        "starts_at": in_days(7, 13),
        "ends_at": in_days(7, 15, 30),
        "place": "",
        "meeting_link": LINK,
        "agenda": "1. Hur går remisserna till BUP?",
        **changes,
    }
    return networks.schedule_meeting(network, by, **fields)


def sent(subject_start):
    """The emails that left with a subject beginning so."""
    return [m for m in mail.outbox if m.subject.startswith(subject_start)]


def recipients(messages):
    assert all(len(m.to) == 1 for m in messages)  # nobody sees the others' addresses
    return sorted(m.to[0] for m in messages)


def ics_of(message):
    (name, content, mimetype), *_rest = message.attachments
    assert (name, mimetype) == ("mote.ics", "text/calendar")
    return content if isinstance(content, str) else content.decode()


def unfolded(ics):
    """iCalendar folds long lines; a test reads them whole."""
    return ics.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")


def test_the_coordinator_plans_a_meeting_and_the_active_members_get_an_invitation_with_ics(
    client, home_page, network, people, editor, committed
):
    client.force_login(editor)
    assert "Planera ett möte" in client.get(network.get_absolute_url()).content.decode()
    assert client.get("/kommuner/natverk/bup/moten/nytt/").status_code == 200
    mail.outbox.clear()
    with committed():
        response = client.post("/kommuner/natverk/bup/moten/nytt/", form_data(), follow=True)
    html = response.content.decode()
    assert "Nätverkets medlemmar har fått en inbjudan" in html
    assert "Nätverksträff om remisser" in html and LINK in html
    meeting = Meeting.objects.get()
    assert timezone.localtime(meeting.starts_at).strftime("%H:%M") == "13:00"
    assert meeting.created_by == editor

    invitations = sent("Inbjudan:")
    assert recipients(invitations) == sorted(people["invited"])
    assert invitations[0].subject == "Inbjudan: Nätverksträff om remisser (Samverkan med BUP)"
    assert LINK in invitations[0].body and "Hur går remisserna till BUP?" in invitations[0].body
    ics = unfolded(ics_of(invitations[0]))
    assert "METHOD:REQUEST" in ics
    assert f"UID:network-meeting-{meeting.pk}@kunskapsnatverket" in ics
    assert "SUMMARY:Nätverksträff om remisser" in ics
    assert LINK in ics and "ORGANIZER" in ics


def test_people_outside_the_network_see_no_link_no_agenda_and_cannot_plan(
    client, home_page, network, member_a, coordinator_a, coordinator_b, editor
):
    meeting = schedule(network, editor)
    paths = [
        "/kommuner/natverk/bup/moten/",
        f"/kommuner/natverk/bup/moten/{meeting.pk}/mote.ics",
        "/kommuner/natverk/bup/moten/nytt/",
        f"/kommuner/natverk/bup/moten/{meeting.pk}/andra/",
        f"/kommuner/natverk/bup/moten/{meeting.pk}/stall-in/",
        f"/kommuner/natverk/bup/moten/{meeting.pk}/anteckningar/",
    ]
    page = client.get(network.get_absolute_url()).content.decode()  # a visitor
    assert LINK not in page and "remisserna" not in page
    assert "Nätverket har planerade möten" in page
    for path in paths:
        assert client.get(path)["Location"].startswith("/konto/login/")

    client.force_login(coordinator_b)  # Växjö has left the network
    page = client.get(network.get_absolute_url()).content.decode()
    assert LINK not in page and "Nätverksträff om remisser" not in page
    for path in paths:
        assert client.get(path).status_code == 403, path
        assert client.post(path, form_data()).status_code == 403, path
    assert Meeting.objects.get().cancelled_at is None

    client.force_login(coordinator_a)  # a member, but not the network's coordinator
    html = client.get("/kommuner/natverk/bup/moten/").content.decode()
    assert LINK in html and "Planera ett möte" not in html and "Ställ in" not in html
    for path in paths[2:]:
        assert client.get(path).status_code == 403, path


def test_a_coordinator_of_another_network_cannot_reach_this_ones_meetings_by_url(
    client, home_page, network, coordinator_b, vaxjo, editor
):
    meeting = schedule(network, editor)
    theirs = Network.objects.create(
        name="Växjös nätverk", slug="vaxjo", coordinator_organisation=vaxjo.organisation
    )
    client.force_login(coordinator_b)
    assert client.get("/kommuner/natverk/vaxjo/moten/nytt/").status_code == 200  # their own
    for action in ("andra", "stall-in", "anteckningar"):
        assert (
            client.post(f"/kommuner/natverk/vaxjo/moten/{meeting.pk}/{action}/").status_code == 404
        )
        assert client.post(f"/kommuner/natverk/bup/moten/{meeting.pk}/{action}/").status_code == 403
    assert client.get(f"/kommuner/natverk/vaxjo/moten/{meeting.pk}/mote.ics").status_code == 404
    with pytest.raises(PermissionError):
        networks.change_meeting(meeting, coordinator_b, title="Kapat")
    with pytest.raises(networks.MeetingError):
        schedule(theirs, coordinator_b, meeting_link="javascript:alert(1)")
    assert Meeting.objects.get(pk=meeting.pk).cancelled_at is None


def test_a_member_sees_time_place_link_agenda_and_downloads_the_ics(
    client, home_page, network, member_a, editor
):
    meeting = schedule(network, editor, place="Stadshuset, sal 3")
    client.force_login(member_a)
    page = client.get(network.get_absolute_url()).content.decode()
    assert "Nätverksträff om remisser" in page
    html = client.get("/kommuner/natverk/bup/moten/").content.decode()
    assert "Stadshuset, sal 3" in html and LINK in html and "Hur går remisserna" in html
    assert f"{in_days(7).day} " in html and "13:00" in html
    response = client.get(f"/kommuner/natverk/bup/moten/{meeting.pk}/mote.ics")
    assert response["Content-Type"].startswith("text/calendar")
    ics = unfolded(response.content.decode())
    assert "METHOD" not in ics  # a download, not an invitation
    assert "LOCATION:Stadshuset, sal 3" in ics and LINK in ics


def test_bad_input_is_explained_next_to_each_field_and_nothing_typed_is_lost(
    client, home_page, network, editor
):
    client.force_login(editor)
    yesterday = in_days(-1)
    cases = [
        ({"end_time": "12:00"}, "end_time", "Mötet måste sluta efter att det har börjat."),
        ({"meeting_link": "", "place": " "}, "place", "Skriv var ni träffas, en möteslänk"),
        ({"date": yesterday.date().isoformat()}, "start_time", "kan inte börja i det förflutna"),
        ({"meeting_link": "javascript:alert(1)"}, "meeting_link", "börjar med https://"),
        ({"meeting_link": "ftp://filer.example.se/"}, "meeting_link", "börjar med https://"),
        ({"date": "den femtonde"}, "date", "till exempel 2027-03-15"),
        ({"date": "2207-03-15"}, "date", "mer än två år fram i tiden"),
        ({"end_time": "halv fyra"}, "end_time", "till exempel 13:00"),
        ({"agenda": "Flickan 070423-4046 behöver hjälp"}, "agenda", "personnummer"),
    ]
    for changes, field, message in cases:
        response = client.post("/kommuner/natverk/bup/moten/nytt/", form_data(**changes))
        html = response.content.decode()
        assert response.status_code == 200
        error = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</ul>', html, re.S)
        assert error and message in error[1], (field, html[:3000])
        assert 'value="Nätverksträff om remisser"' in html  # the title is kept
    assert not Meeting.objects.exists()


@FUZZ
@given(data=st.data())
def test_the_meeting_form_never_answers_with_a_server_error(
    client, home_page, network, editor, data
):
    client.force_login(editor)
    payload = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                "title": text,
                "date": st.dates().map(str) | text,
                "start_time": st.times().map(lambda t: t.strftime("%H:%M")) | text,
                "end_time": st.times().map(lambda t: t.strftime("%H:%M")) | text,
                "place": text,
                "meeting_link": st.sampled_from([LINK, "javascript:alert(1)", "http://[::1"])
                | text,
                "agenda": text,
            },
        )
    )
    response = client.post("/kommuner/natverk/bup/moten/nytt/", payload)
    assert response.status_code in (200, 302), payload


def test_minutes_are_written_after_the_meeting_and_shown_with_the_past_meetings(
    client, home_page, network, people, member_a, editor, committed
):
    meeting = schedule(network, editor)
    client.force_login(editor)
    path = f"/kommuner/natverk/bup/moten/{meeting.pk}/anteckningar/"
    html = client.post(path, {"minutes": "Vi kom överens om en rutin."}).content.decode()
    assert "skrivs när mötet har börjat" in html
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=in_days(-2, 13), ends_at=in_days(-2, 15))
    html = client.post(path, {"minutes": "Pojken 070423-4046 nämndes"}).content.decode()
    assert 'id="id_minutes_error"' in html and not Meeting.objects.get().minutes
    mail.outbox.clear()
    with committed():
        client.post(path, {"minutes": "Vi kom överens om en gemensam rutin."})
    assert recipients(sent("Minnesanteckningar:")) == sorted(people["invited"])
    with committed():
        client.post(path, {"minutes": "Vi kom överens om en gemensam rutin. Rättat."})
    assert recipients(sent("Minnesanteckningar:")) == sorted(people["invited"])  # told once

    client.force_login(member_a)
    html = client.get("/kommuner/natverk/bup/moten/").content.decode()
    past = html[html.index("Tidigare möten") :]
    assert "Nätverksträff om remisser" in past and "gemensam rutin. Rättat." in past
    assert client.post(path, {"minutes": "Mitt eget"}).status_code == 403
    # A meeting that is over can no longer be moved or cancelled.
    client.force_login(editor)
    response = client.get(f"/kommuner/natverk/bup/moten/{meeting.pk}/andra/", follow=True)
    assert "Mötet är redan över" in response.content.decode()


def test_a_new_time_sends_an_updated_invitation_with_the_same_uid_and_a_higher_sequence(
    client, home_page, network, people, editor, committed
):
    meeting = schedule(network, editor)
    client.force_login(editor)
    path = f"/kommuner/natverk/bup/moten/{meeting.pk}/andra/"
    form = client.get(path).content.decode()
    assert 'value="13:00"' in form and f'value="{LINK}"' in form
    mail.outbox.clear()
    with committed():
        client.post(path, form_data(agenda="1. Remisser\n2. Övrigt"))  # the agenda only
    assert sent("Ändrat möte:") == []
    with committed():
        response = client.post(path, form_data(start_time="14:00", end_time="16:00"), follow=True)
    assert "uppdaterad inbjudan" in response.content.decode()
    updates = sent("Ändrat möte:")
    assert recipients(updates) == sorted(people["invited"])
    update = updates[0]
    assert "14:00" in update.body
    ics = unfolded(ics_of(update))
    assert f"UID:network-meeting-{meeting.pk}@kunskapsnatverket" in ics
    assert "SEQUENCE:1" in ics and "METHOD:REQUEST" in ics


def test_a_cancelled_meeting_is_cancelled_in_the_calendars_and_cannot_be_changed(
    client, home_page, network, people, member_a, editor, committed
):
    meeting = schedule(network, editor)
    client.force_login(editor)
    path = f"/kommuner/natverk/bup/moten/{meeting.pk}/stall-in/"
    assert "Det går inte att ångra" in client.get(path).content.decode()
    mail.outbox.clear()
    with committed():
        client.post(path)
    cancellations = sent("Inställt:")
    assert recipients(cancellations) == sorted(people["invited"])
    cancellation = cancellations[0]
    ics = unfolded(ics_of(cancellation))
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics and "SEQUENCE:1" in ics
    assert f"UID:network-meeting-{meeting.pk}@kunskapsnatverket" in ics
    response = client.get(f"/kommuner/natverk/bup/moten/{meeting.pk}/andra/", follow=True)
    assert "Mötet är inställt och kan inte ändras" in response.content.decode()
    client.force_login(member_a)
    html = client.get("/kommuner/natverk/bup/moten/").content.decode()
    assert "Inställt:" in html and LINK not in html


def test_the_reminder_goes_out_once_however_often_cron_runs(
    home_page, network, people, editor, committed
):
    tomorrow = schedule(network, editor, starts_at=in_days(1, 10), ends_at=in_days(1, 11))
    schedule(network, editor, title="Om en vecka")  # too far ahead
    cancelled = schedule(network, editor, title="Inställt", starts_at=in_days(1, 14))
    networks.cancel_meeting(cancelled, editor)
    now = timezone.localtime().replace(hour=9, minute=0) + datetime.timedelta(days=1)
    mail.outbox.clear()
    with committed():
        assert networks.send_meeting_reminders(now=now - datetime.timedelta(hours=1)) == 1
    with committed():
        assert networks.send_meeting_reminders(now=now) == 0
    reminders = sent("Påminnelse:")
    assert recipients(reminders) == sorted(people["invited"])
    assert reminders[0].subject == f"Påminnelse: {tomorrow.title} (Samverkan med BUP)"
    assert "BEGIN:VEVENT" in ics_of(reminders[0])
    # A new time gets a reminder of its own.
    networks.change_meeting(tomorrow, editor, starts_at=in_days(1, 12), ends_at=in_days(1, 13))
    assert networks.send_meeting_reminders(now=now) == 1


def test_the_reminder_command(home_page, network, editor, capsys):
    schedule(network, editor, starts_at=timezone.now() + datetime.timedelta(hours=3))
    call_command("send_meeting_reminders")
    call_command("send_meeting_reminders")
    assert capsys.readouterr().out.splitlines() == [
        "Sent reminders of 1 meeting(s).",
        "Sent reminders of 0 meeting(s).",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reminder_runs_at_once_remind_each_person_once(home_page, network, people, editor):
    meeting = schedule(network, editor, starts_at=timezone.now() + datetime.timedelta(hours=3))
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=30)
            results.append(networks.send_meeting_reminders())
        except Exception as error:  # noqa: BLE001 - every failure is reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(results) == [0, 1]
    queued = OutgoingEmail.objects.filter(template="network/emails/meeting_reminder")
    assert sorted(queued.values_list("recipient", flat=True)) == sorted(people["invited"])
    assert Meeting.objects.get(pk=meeting.pk).reminder_sent_at is not None


def calendar_feed(client, user):
    client.force_login(user)
    html = client.get("/mina-sidor/").content.decode()
    client.logout()
    return re.search(r"(/workshop/kalender/[^<\s]+\.ics)", html)[1]


def test_the_calendar_feed_lists_the_meetings_of_ones_networks_only(
    client, home_page, network, member_a, coordinator_b, make_person, kalmar, editor
):
    schedule(network, editor)
    gone = schedule(network, editor, title="Struken träff")
    networks.cancel_meeting(gone, editor)
    other = Network.objects.create(name="Annat nätverk", slug="annat")
    schedule(other, editor, title="Någon annans träff")  # an editor may plan anywhere

    feed = calendar_feed(client, member_a)
    ics = unfolded(client.get(feed).content.decode())
    assert "SUMMARY:Nätverksträff om remisser" in ics and LINK in ics
    assert "Struken träff" not in ics and "Någon annans träff" not in ics

    outside = unfolded(client.get(calendar_feed(client, coordinator_b)).content.decode())
    assert "BEGIN:VCALENDAR" in outside and "Nätverksträff" not in outside and LINK not in outside

    member_a.is_active = False
    member_a.save()
    assert client.get(feed).status_code == 404
