"""The workshop rules that views and the page used to hold, tested as services."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events import services
from events.models import Feedback, ThemeInterest, WorkshopSession
from events.services.attendance import record_attendance
from events.services.feedback import feedback_is_due, feedback_status
from events.services.interest import (
    InterestError,
    interest_per_county,
    register_interest,
    themes_of_interest,
    themes_with_workshops,
)

from ..factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(workshop):
    """Move the workshop's only session to end `days` days ago."""

    def end(days):
        ends_at = timezone.now() - datetime.timedelta(days=days)
        WorkshopSession.objects.filter(occasion__workshop=workshop).update(
            starts_at=ends_at - datetime.timedelta(hours=3), ends_at=ends_at
        )
        workshop.refresh_from_db()
        workshop.__dict__.pop("session_times", None)
        return workshop

    return end


# Registration state


def test_registration_is_not_open_before_it_opens_then_open_then_closed(workshop, soon):
    opens, closes = workshop.registration_opens, workshop.registration_closes
    second = datetime.timedelta(seconds=1)
    assert services.registration_state(workshop, opens - second) == "not_open"
    assert services.registration_state(workshop, opens) == "open"
    assert services.registration_state(workshop, closes - second) == "open"
    assert services.registration_state(workshop, closes) == "closed"


def test_registration_closes_when_the_first_session_starts_even_if_the_window_is_open(
    workshop_index, soon
):
    workshop = WorkshopPageFactory(
        parent=workshop_index, registration_closes=soon(days=30), sessions=[soon(days=2)]
    )
    assert services.registration_state(workshop, soon(days=1)) == "open"
    assert services.registration_state(workshop, soon(days=3)) == "closed"


def test_a_visitor_sees_the_state_and_seats_but_no_registration(workshop):
    outlook = services.registration_outlook(workshop, AnonymousUser())
    assert outlook.state == "open"
    assert outlook.registration is None and outlook.membership is None
    (only,) = outlook.occasions
    assert only.seats.left == 2 and only.waitlist_count == 0
    assert not outlook.can_register_team and not outlook.shows_meeting_link


def test_the_meeting_link_is_for_confirmed_participants_and_team_sign_up_for_coordinators(
    workshop, member_a, coordinator_a, make_person, kalmar_kommun
):
    services.register(workshop, member_a)
    services.register(workshop, coordinator_a)
    waiting = make_person("c@kalmar.se", kalmar_kommun)
    services.register(workshop, waiting)

    confirmed = services.registration_outlook(workshop, member_a)
    assert confirmed.shows_meeting_link and not confirmed.can_register_team
    assert services.registration_outlook(workshop, coordinator_a).can_register_team
    queued = services.registration_outlook(workshop, waiting)
    assert queued.registration.status == "waitlisted" and not queued.shows_meeting_link
    assert queued.occasions[0].waitlist_count == 1 and queued.occasions[0].seats.left == 0


def test_a_cancelled_registration_is_not_shown_as_the_persons_own(workshop, member_a):
    registration = services.register(workshop, member_a)
    services.cancel(registration, by=member_a)
    assert services.registration_outlook(workshop, member_a).registration is None


# Waitlist positions in the export


def test_waitlist_positions_count_only_those_still_waiting_in_arrival_order(
    workshop, make_person, kalmar_kommun
):
    people = [make_person(f"p{n}@kalmar.se", kalmar_kommun) for n in range(5)]
    registrations = [services.register(workshop, person) for person in people]
    services.cancel(registrations[3], by=people[3])  # the second in the queue leaves
    rows = [
        (registration.user.email, registration.status, position)
        for registration, position in services.registrations_in_arrival_order(workshop)
    ]
    assert rows == [
        ("p0@kalmar.se", "confirmed", None),
        ("p1@kalmar.se", "confirmed", None),
        ("p2@kalmar.se", "waitlisted", 1),
        ("p3@kalmar.se", "cancelled", None),
        ("p4@kalmar.se", "waitlisted", 2),
    ]
    # The same places the participants see on the workshop page and on Mina sidor.
    assert [
        registration.waitlist_position
        for registration, position in services.registrations_in_arrival_order(workshop)
        if position
    ] == [1, 2]


# Attendance


def test_attendance_is_saved_and_logged_with_the_editor(workshop, member_a, editor):
    registration = services.register(workshop, member_a)
    record_attendance(registration, False, by=editor)
    registration.refresh_from_db()
    assert registration.attended is False
    entry = ModelLogEntry.objects.filter(action="events.registration.attendance").get()
    assert entry.user_id == editor.pk and entry.object_id == str(registration.pk)
    record_attendance(registration, True, by=editor)
    registration.refresh_from_db()
    assert registration.attended is True


# The feedback window


def test_feedback_status_follows_the_window_and_says_when_it_is_given(workshop, member_a, ended):
    registration = services.register(workshop, member_a)
    assert feedback_status(registration) == "not_yet"
    assert not feedback_is_due(registration)
    ended(1)
    registration.refresh_from_db()
    assert feedback_status(registration) == "open" and feedback_is_due(registration)
    Feedback.objects.create(
        registration=registration, usefulness=3, concreteness=3, would_recommend=True
    )
    registration.refresh_from_db()
    assert feedback_status(registration) == "given" and not feedback_is_due(registration)


def test_feedback_is_no_longer_due_after_60_days(workshop, member_a, ended):
    registration = services.register(workshop, member_a)
    ended(61)
    registration.refresh_from_db()
    assert feedback_status(registration) == "closed"
    assert not feedback_is_due(registration)


def test_feedback_is_not_due_from_someone_who_only_waited(
    workshop, make_person, kalmar_kommun, ended
):
    for n in range(2):
        services.register(workshop, make_person(f"f{n}@kalmar.se", kalmar_kommun))
    waiting = services.register(workshop, make_person("w@kalmar.se", kalmar_kommun))
    ended(1)
    waiting.refresh_from_db()
    assert not feedback_is_due(waiting)


# Theme interest


def test_interest_needs_an_organisation_and_is_registered_once(
    theme, member_a, outsider, kalmar_kommun
):
    with pytest.raises(InterestError, match="företräda en organisation"):
        register_interest(outsider, theme)
    interest, created = register_interest(member_a, theme)
    assert created and interest.organisation == kalmar_kommun
    assert register_interest(member_a, theme) == (interest, False)
    assert themes_of_interest(member_a) == {theme.pk}
    assert themes_of_interest(AnonymousUser()) == set()


def test_themes_count_upcoming_published_workshops(workshop_index, theme, ended, workshop):
    WorkshopPageFactory(parent=workshop_index, theme=theme)
    ended(3)  # `workshop` is over
    counted = {t.pk: t.upcoming for t in themes_with_workshops()}
    assert counted[theme.pk] == 1


def test_interest_is_counted_per_theme_and_county(theme, member_a, coordinator_b, kalmar_kommun):
    register_interest(member_a, theme)
    register_interest(coordinator_b, theme)
    counties, rows = interest_per_county()
    (row,) = [row for row in rows if row["theme"] == theme]
    per_county = dict(zip([county.code for county in counties], row["per_county"], strict=True))
    assert row["total"] == 2
    assert (per_county["08"], per_county["07"]) == (1, 1)  # Kalmar län, Kronobergs län
    assert sum(per_county.values()) == ThemeInterest.objects.count()


def test_interest_from_a_police_region_counts_in_each_of_its_counties_and_once_in_total(
    theme, member_a, make_person, police_south
):
    register_interest(member_a, theme)
    register_interest(make_person("p@polisen.se", police_south), theme)
    counties, rows = interest_per_county()
    (row,) = [row for row in rows if row["theme"] == theme]
    per_county = dict(zip([county.code for county in counties], row["per_county"], strict=True))
    served = set(police_south.counties.values_list("code", flat=True))
    assert "08" in served and len(served) > 1
    assert per_county["08"] == 2  # Kalmar kommun and the police region
    assert all(per_county[code] == 1 for code in served - {"08"})
    assert row["total"] == 2
