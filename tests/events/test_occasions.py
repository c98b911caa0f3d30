"""A workshop with several dates: people choose one, move between them while seats allow,
and a freed seat is offered to the first in line, held for them, and confirmed with the
emailed link; an offer nobody confirms passes on. Publishing a revision approved after
people signed up never takes a seat away."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from events import services
from events.models import Registration, SeatCounter
from events.services.offers import OfferError, confirm_offer, expire_offers
from events.services.reminders import send_reminders

from ..factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_dates(workshop_index, soon):
    """One seat on each of two dates, a week apart."""
    return WorkshopPageFactory(
        parent=workshop_index,
        title="Kartläggning i praktiken",
        capacity=1,
        occasions=[[soon(days=14)], [soon(days=21)]],
    )


def dates(workshop):
    return list(workshop.occasions.order_by("sort_order"))


def seats_taken(occasion):
    return SeatCounter.objects.get(occasion=occasion).taken


def offer_link(email):
    return re.search(r"http://\S+/workshop/erbjudande/(\S+)/", email.body)[1]


def test_a_person_chooses_a_date_and_each_date_keeps_its_own_seats(
    client, two_dates, member_a, coordinator_a
):
    first, second = dates(two_dates)
    client.force_login(member_a)
    page = client.get(two_dates.url).content.decode()
    assert page.count("1 plats kvar") == 2  # each date shows its own seats
    client.post(f"/workshop/{two_dates.pk}/anmal/", {"occasion": second.pk})
    assert Registration.objects.get(user=member_a).occasion == second
    assert (seats_taken(first), seats_taken(second)) == (0, 1)
    # The other date still has its seat; this one is full for the next person.
    assert services.register(second, coordinator_a).status == "waitlisted"
    with pytest.raises(services.RegistrationError, match="Välj vilket tillfälle"):
        services.register(two_dates, coordinator_a)


def test_the_listing_shows_each_date_and_its_seats(client, two_dates, member_a):
    first, second = dates(two_dates)
    services.register(first, member_a)
    html = client.get(two_dates.get_parent().url).content.decode()
    card = html[html.index("Kartläggning i praktiken") :]
    assert "Fullbokad – väntelista" in card and "1 plats kvar" in card
    assert timezone.localtime(second.starts_at).strftime("%Y-%m-%d") in card


def test_moving_to_a_date_with_a_seat_gives_up_the_old_one_in_the_same_step(
    two_dates, member_a, coordinator_a, committed
):
    first, second = dates(two_dates)
    with committed():
        mine = services.register(first, member_a)
        waiting = services.register(first, coordinator_a)
    mail.outbox.clear()
    with committed():
        moved = services.move_to_occasion(mine, second, by=member_a)
    assert (moved.pk, moved.occasion, moved.status) == (mine.pk, second, "confirmed")
    assert (seats_taken(first), seats_taken(second)) == (1, 1)
    waiting.refresh_from_db()
    assert waiting.status == "offered"  # the freed seat on the first date
    assert sorted(m.subject for m in mail.outbox) == [
        "En plats väntar på dig: Kartläggning i praktiken",
        "Nytt datum: Kartläggning i praktiken",
    ]


def test_moving_to_a_full_date_keeps_the_seat_unless_the_person_joins_its_waitlist(
    two_dates, member_a, coordinator_a
):
    first, second = dates(two_dates)
    mine = services.register(first, member_a)
    services.register(second, coordinator_a)  # the second date is full
    with pytest.raises(services.RegistrationError, match="Du har kvar din anmälan"):
        services.move_to_occasion(mine, second, by=member_a)
    mine.refresh_from_db()
    assert (mine.occasion, mine.status, seats_taken(first)) == (first, "confirmed", 1)

    moved = services.move_to_occasion(mine, second, by=member_a, join_waitlist=True)
    assert (moved.occasion, moved.status, moved.waitlist_position) == (second, "waitlisted", 1)
    assert (seats_taken(first), seats_taken(second)) == (0, 1)


def test_moving_through_the_page(client, two_dates, member_a, coordinator_a):
    first, second = dates(two_dates)
    services.register(first, member_a)
    client.force_login(member_a)
    page = client.get(two_dates.url).content.decode()
    assert "Byt till det här tillfället" in page
    response = client.post(
        f"/workshop/{two_dates.pk}/byt-tillfalle/", {"occasion": second.pk}, follow=True
    )
    assert "Du har bytt tillfälle" in response.content.decode()
    assert Registration.objects.get(user=member_a).occasion == second
    bad = client.post(
        f"/workshop/{two_dates.pk}/byt-tillfalle/", {"occasion": "999999"}, follow=True
    )
    assert "Välj ett av workshoppens tillfällen." in bad.content.decode()


def test_a_freed_seat_is_offered_held_and_confirmed_once_with_the_link(
    client, two_dates, member_a, coordinator_a, make_person, kalmar_kommun, committed
):
    first, _second = dates(two_dates)
    third = make_person("tredje@kalmar.se", kalmar_kommun)
    with committed():
        leaving = services.register(first, member_a)
        services.register(first, coordinator_a)
        services.register(first, third)
    mail.outbox.clear()
    with committed():
        services.cancel(leaving, by=member_a)
    offered = Registration.objects.get(user=coordinator_a)
    assert offered.status == "offered"
    hours = (offered.offer_expires_at - timezone.now()).total_seconds() / 3600
    assert 47.9 < hours <= 48
    assert seats_taken(first) == 1  # the held seat counts as taken
    assert [m.to for m in mail.outbox] == [[member_a.email], [coordinator_a.email]]
    email = mail.outbox[1]  # the cancellation, then the offer
    token = offer_link(email)

    # Someone else signed in cannot use the link; signing in is not needed.
    client.force_login(third)
    refused = client.post(f"/workshop/erbjudande/{token}/")
    assert refused.status_code == 403
    assert "Länken är till någon annan" in refused.content.decode()
    client.logout()
    shown = client.get(f"/workshop/erbjudande/{token}/").content.decode()
    assert "Bekräfta min plats" in shown
    offered.refresh_from_db()
    assert offered.status == "offered"  # opening the link changes nothing
    mail.outbox.clear()
    with committed():
        done = client.post(f"/workshop/erbjudande/{token}/", follow=True)
    assert "Platsen är din." in done.content.decode()
    offered.refresh_from_db()
    assert offered.status == "confirmed"
    assert [m.subject for m in mail.outbox] == ["Du har fått en plats: Kartläggning i praktiken"]
    with pytest.raises(OfferError, match="redan bekräftat"):
        confirm_offer(token, coordinator_a)
    assert seats_taken(first) == 1
    assert client.get("/workshop/erbjudande/fel/").status_code == 400


def test_an_offer_not_confirmed_in_time_passes_to_the_next_once(
    two_dates, member_a, coordinator_a, make_person, kalmar_kommun, committed
):
    first, _second = dates(two_dates)
    third = make_person("tredje@kalmar.se", kalmar_kommun)
    with committed():
        leaving = services.register(first, member_a)
        services.register(first, coordinator_a)
        services.register(first, third)
        services.cancel(leaving, by=member_a)
    token = offer_link(mail.outbox[-1])
    later = timezone.now() + datetime.timedelta(hours=49)
    with pytest.raises(OfferError, match="gäller inte längre"):
        confirm_offer(token, coordinator_a, now=later)
    mail.outbox.clear()
    with committed():
        assert expire_offers(now=later) == 1
        assert expire_offers(now=later) == 0
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses[coordinator_a.email] == "cancelled"
    assert statuses[third.email] == "offered"
    assert seats_taken(first) == 1
    assert sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox) == sorted(
        [
            (coordinator_a.email, "Erbjudandet har gått ut"),
            (third.email, "En plats väntar på dig"),
        ]
    )
    assert ModelLogEntry.objects.filter(action="events.registration.offer_expired").count() == 1
    with pytest.raises(OfferError, match="gäller inte längre"):
        confirm_offer(token, coordinator_a)


def test_the_cron_command_expires_offers(two_dates, member_a, coordinator_a):
    first, _second = dates(two_dates)
    leaving = services.register(first, member_a)
    services.register(first, coordinator_a)
    services.cancel(leaving, by=member_a)
    Registration.objects.filter(user=coordinator_a).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    out = []
    for _run in range(2):
        from io import StringIO

        output = StringIO()
        call_command("expire_workshop_offers", stdout=output)
        out.append(output.getvalue().strip())
    assert out == ["Expired 1 offer(s).", "Expired 0 offer(s)."]
    assert seats_taken(first) == 0  # nobody else waited


def test_mina_sidor_shows_the_date_and_the_offer_to_confirm(
    client, two_dates, member_a, coordinator_a
):
    first, second = dates(two_dates)
    leaving = services.register(first, member_a)
    services.register(first, coordinator_a)
    services.cancel(leaving, by=member_a)
    client.force_login(coordinator_a)
    html = client.get("/mina-sidor/").content.decode()
    assert "En plats hålls åt dig till" in html
    assert "/workshop/erbjudande/" in html
    assert timezone.localtime(first.starts_at).strftime("%-d") in html


def test_reminders_go_before_each_session_of_the_persons_date(
    workshop_index, member_a, coordinator_a, soon, committed
):
    workshop = WorkshopPageFactory(
        parent=workshop_index,
        title="Två pass",
        occasions=[[soon(hours=20), soon(hours=44)], [soon(days=20)]],
    )
    first, second = dates(workshop)
    with committed():
        services.register(first, member_a)
        services.register(second, coordinator_a)  # another date: not reminded now
    mail.outbox.clear()
    with committed():
        assert send_reminders(hours_before=24) == 1
        assert send_reminders(hours_before=24) == 0
        assert send_reminders(hours_before=48) == 1  # the second session
        assert send_reminders(hours_before=48) == 0
    assert [m.to for m in mail.outbox] == [[member_a.email], [member_a.email]]


def test_attendance_is_marked_per_session(client, workshop_index, member_a, editor, soon):
    workshop = WorkshopPageFactory(
        parent=workshop_index, occasions=[[soon(days=14), soon(days=15)]]
    )
    (occasion,) = dates(workshop)
    registration = services.register(occasion, member_a)
    day_one, day_two = occasion.session_times
    client.force_login(editor)
    url = f"/admin/workshoppar/{workshop.pk}/anmalningar/"
    client.post(url, {"registration": registration.pk, "session": day_one.pk, "action": "absent"})
    registration.refresh_from_db()
    assert registration.attended is None  # the second day is not marked yet
    client.post(url, {"registration": registration.pk, "session": day_two.pk, "action": "absent"})
    registration.refresh_from_db()
    assert registration.attended is False
    client.post(url, {"registration": registration.pk, "session": day_two.pk, "action": "attended"})
    registration.refresh_from_db()
    assert registration.attended is True
    marks = dict(registration.session_attendance.values_list("session", "attended"))
    assert marks == {day_one.pk: False, day_two.pk: True}


def test_a_revision_approved_after_people_signed_up_never_takes_their_seats(
    client, workshop, make_person, kalmar_kommun, editor
):
    """Lowering the seats in a revision sent to moderation, then approving it once more
    people hold seats, used to fail with a server error (the counter's constraint)."""
    (occasion,) = workshop.occasions.all()
    occasion.capacity = 1
    workshop.occasions = [occasion]
    revision = workshop.save_revision(user=editor)  # submitted, waiting for approval
    holders = [
        services.register(workshop, make_person(f"d{n}@kalmar.se", kalmar_kommun)) for n in range(2)
    ]
    waiting = services.register(workshop, make_person("w@kalmar.se", kalmar_kommun))

    revision.publish(user=editor)  # what approving does

    occasion.refresh_from_db()
    counter = SeatCounter.objects.get(occasion=occasion)
    assert (occasion.capacity, counter.capacity, counter.taken) == (1, 2, 2)
    assert all(
        Registration.objects.get(pk=r.pk).status == "confirmed" for r in holders
    )  # nobody lost a seat
    assert PageLogEntry.objects.filter(
        page=workshop, action="events.occasion.capacity_kept"
    ).exists()
    client.force_login(editor)
    admin = client.get(f"/admin/workshoppar/{workshop.pk}/anmalningar/").content.decode()
    assert "Sidan anger 1 platser men 2 är redan tagna" in admin

    # A seat that frees up goes, down to the number the editors asked for.
    services.cancel(holders[0], by=holders[0].user)
    counter.refresh_from_db()
    assert (counter.capacity, counter.taken) == (1, 1)
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_a_revision_without_a_date_that_has_registrations_cancels_them_and_tells_them(
    two_dates, member_a, editor, committed
):
    first, second = dates(two_dates)
    with committed():
        services.register(second, member_a)
    two_dates.occasions = [first]
    revision = two_dates.save_revision(user=editor)
    mail.outbox.clear()
    with committed():
        revision.publish(user=editor)
    registration = Registration.objects.get(user=member_a)
    assert (registration.status, registration.occasion) == ("cancelled", None)
    assert [m.subject for m in mail.outbox] == ["Avbokad: Kartläggning i praktiken"]


def test_feedback_opens_when_the_persons_own_date_is_over(two_dates, member_a, soon):
    from events.models import WorkshopSession
    from events.services.feedback import feedback_status
    from events.services.reminders import send_feedback_requests

    first, _second = dates(two_dates)  # the second date is still to come
    registration = services.register(first, member_a)
    WorkshopSession.objects.filter(occasion=first).update(
        starts_at=soon(hours=-5), ends_at=soon(hours=-2)
    )
    registration = Registration.objects.get(pk=registration.pk)
    assert feedback_status(registration) == "open"
    assert send_feedback_requests() == 1
