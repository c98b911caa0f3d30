"""50 people sign up for 10 seats at the same moment, on the configured database; each
date of a workshop keeps its own seats; waitlist offers never give one seat twice.

Runs with real threads and real transactions (each thread has its own connection), on
SQLite in the normal suite and on PostgreSQL when DATABASE_URL points at one.
"""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events import services
from events.models import FollowUp, OrganisationQuota, Registration, SeatCounter
from events.services.follow_up import send_follow_ups
from events.services.offers import OfferError, confirm_offer, expire_offers, offer_token
from organisations.models import Organisation

from ..factories import WorkshopIndexPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at_once(function, items):
    """Call function(item) for every item in its own thread, all released together."""
    barrier = threading.Barrier(len(items))
    results, errors = [None] * len(items), []

    def work(index, item):
        try:
            barrier.wait(timeout=30)
            results[index] = function(item)
        except Exception as error:  # noqa: BLE001 - every failure is reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=pair) for pair in enumerate(items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


# Two municipalities, a region, a county board and a police region.
ORGANISATIONS = [
    "Kalmar",
    "Växjö",
    "Region Kalmar län",
    "Länsstyrelsen i Kalmar län",
    "Polisregion Syd",
]
ALL_KINDS = list(Organisation.Kind.values)


@pytest.fixture
def organisations(municipalities):
    found = {o.name: o for o in Organisation.objects.filter(name__in=ORGANISATIONS)}
    return [found[name] for name in ORGANISATIONS]


@pytest.fixture
def crowd(home_page, organisations, make_person):
    """50 members spread over five organisations of four kinds."""
    return [make_person(f"person{n}@example.se", organisations[n % 5]) for n in range(50)]


def test_fifty_at_once_for_ten_seats_then_five_cancel(home_page, crowd):
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page), capacity=10, open_to=ALL_KINDS
    )
    mail.outbox.clear()

    registrations, errors = at_once(lambda user: services.register(workshop, user), crowd)

    assert errors == []
    in_arrival_order = list(Registration.objects.filter(workshop=workshop).order_by("id"))
    statuses = [r.status for r in in_arrival_order]
    assert statuses == ["confirmed"] * 10 + ["waitlisted"] * 40
    assert [r.waitlist_position for r in in_arrival_order[10:]] == list(range(1, 41))
    assert SeatCounter.objects.get(occasion__workshop=workshop).taken == 10
    assert len(mail.outbox) == 50  # a confirmation or a waitlist place for everyone

    first_in_line = [r.pk for r in in_arrival_order[10:15]]
    leaving = in_arrival_order[:5]
    mail.outbox.clear()
    results, errors = at_once(lambda r: services.cancel(r, by=r.user), leaving)

    assert errors == []
    promoted = sorted(p.pk for _cancelled, promoted in results for p in promoted)
    assert promoted == first_in_line
    # The five first in line are each offered a freed seat, held for them to confirm.
    assert Registration.objects.filter(workshop=workshop, status="confirmed").count() == 5
    assert sorted(
        Registration.objects.filter(workshop=workshop, status="offered").values_list(
            "pk", flat=True
        )
    ) == sorted(first_in_line)
    assert Registration.objects.filter(workshop=workshop, status="waitlisted").count() == 35
    assert Registration.objects.filter(workshop=workshop, status="cancelled").count() == 5
    assert SeatCounter.objects.get(occasion__workshop=workshop).taken == 10
    promoted_mail = [m for m in mail.outbox if m.subject.startswith("En plats väntar på dig")]
    assert sorted(m.to[0] for m in promoted_mail) == sorted(
        r.user.email for r in Registration.objects.filter(pk__in=first_in_line)
    )


def test_the_cap_per_organisation_holds_under_concurrency_for_every_kind(
    home_page, crowd, organisations
):
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page),
        capacity=10,
        per_organisation_cap=3,
        open_to=ALL_KINDS,
    )
    _results, errors = at_once(lambda user: services.register(workshop, user), crowd)

    assert errors == []
    confirmed = Registration.objects.filter(workshop=workshop, status="confirmed")
    per_organisation = {}
    for registration in confirmed:
        per_organisation[registration.organisation_id] = (
            per_organisation.get(registration.organisation_id, 0) + 1
        )
    assert confirmed.count() == 10
    assert max(per_organisation.values()) <= 3
    # Ten seats, at most three each: at least four of the five organisations have seats,
    # so kinds other than municipalities were counted against their own caps.
    assert len(per_organisation) >= 4
    assert {o.kind for o in organisations if o.pk in per_organisation} - {"municipality"}
    quotas = dict(
        OrganisationQuota.objects.filter(occasion__workshop=workshop).values_list(
            "organisation", "taken"
        )
    )
    assert {pk: n for pk, n in quotas.items() if n} == per_organisation
    assert Registration.objects.filter(workshop=workshop, status="waitlisted").count() == 40
    assert SeatCounter.objects.get(occasion__workshop=workshop).taken == 10


def test_the_same_person_twice_at_once_gets_one_registration(home_page, crowd):
    workshop = WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=home_page))
    person = crowd[0]  # a member of Kalmar kommun
    results, errors = at_once(lambda _n: services.register(workshop, person), range(5))
    assert Registration.objects.filter(workshop=workshop, user=person).count() == 1
    assert len([r for r in results if r is not None]) == 1
    assert all(isinstance(error, services.RegistrationError) for error in errors)
    assert SeatCounter.objects.get(occasion__workshop=workshop).taken == 1


# Occasions and waitlist offers (issue 20)


def holders(occasion):
    """Confirmed and offered registrations of the occasion: who holds a seat."""
    return Registration.objects.filter(occasion=occasion, status__in=["confirmed", "offered"])


def test_each_occasion_keeps_its_capacity_and_cap_when_all_come_at_once(home_page, crowd):
    soon = timezone.now() + datetime.timedelta(days=14)
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page),
        capacity=6,
        per_organisation_cap=2,
        open_to=ALL_KINDS,
        occasions=[[soon], [soon + datetime.timedelta(days=7)]],
    )
    first, second = workshop.occasions.order_by("sort_order")
    targets = [(person, first if n % 2 else second) for n, person in enumerate(crowd)]

    _results, errors = at_once(lambda pair: services.register(pair[1], pair[0]), targets)

    assert errors == []
    for occasion in (first, second):
        confirmed = Registration.objects.filter(occasion=occasion, status="confirmed")
        assert confirmed.count() == 6
        per_organisation = {}
        for registration in confirmed:
            key = registration.organisation_id
            per_organisation[key] = per_organisation.get(key, 0) + 1
        assert max(per_organisation.values()) <= 2
        assert SeatCounter.objects.get(occasion=occasion).taken == 6
        assert Registration.objects.filter(occasion=occasion, status="waitlisted").count() == 19


def test_many_moving_to_one_free_seat_at_once_only_one_gets_it(home_page, crowd):
    soon = timezone.now() + datetime.timedelta(days=14)
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page),
        capacity=10,
        open_to=ALL_KINDS,
        occasions=[[soon], [soon + datetime.timedelta(days=7)]],
    )
    first, second = workshop.occasions.order_by("sort_order")
    movers = [services.register(first, person) for person in crowd[:10]]
    for person in crowd[10:19]:
        services.register(second, person)  # one seat left on the second date

    results, errors = at_once(lambda r: services.move_to_occasion(r, second, by=r.user), movers)

    assert len([r for r in results if r is not None]) == 1
    assert len(errors) == 9
    assert all("Du har kvar din anmälan" in str(error) for error in errors)
    assert holders(second).count() == 10 == SeatCounter.objects.get(occasion=second).taken
    assert holders(first).count() == 9 == SeatCounter.objects.get(occasion=first).taken


def test_two_people_never_both_hold_the_last_seat(home_page, crowd):
    """The last seat frees up while new people sign up, an editor gives someone a seat by
    hand and the person offered it confirms: one person holds it, never two."""
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page), capacity=1, open_to=ALL_KINDS
    )
    (occasion,) = workshop.occasions.all()
    holder = services.register(occasion, crowd[0])
    first_in_line = services.register(occasion, crowd[1])
    second_in_line = services.register(occasion, crowd[2])

    def act(what):
        if what == "cancel":
            return services.cancel(holder, by=holder.user)
        if what == "editor":
            return services.move_from_waitlist(second_in_line, by=None)
        return services.register(occasion, what)

    _results, errors = at_once(act, ["cancel", "editor", *crowd[3:9]])

    assert all(isinstance(error, services.RegistrationError) for error in errors)
    assert holders(occasion).count() == 1
    assert SeatCounter.objects.get(occasion=occasion).taken == 1
    held = holders(occasion).get()
    # Either the editor was first (the seat was full: refused) or the seat went, by
    # offer, to the first in line, or the editor gave it to the second after the cancel.
    assert held.pk in (first_in_line.pk, second_in_line.pk)


def test_an_expired_offer_passes_on_exactly_once_however_often_cron_runs_at_once(home_page, crowd):
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page), capacity=1, open_to=ALL_KINDS
    )
    (occasion,) = workshop.occasions.all()
    holder = services.register(occasion, crowd[0])
    offered = services.register(occasion, crowd[1])
    nxt = services.register(occasion, crowd[2])
    services.register(occasion, crowd[3])
    services.cancel(holder, by=holder.user)
    offered.refresh_from_db()
    assert offered.status == "offered"
    later = offered.offer_expires_at + datetime.timedelta(minutes=1)
    mail.outbox.clear()

    results, errors = at_once(lambda _n: expire_offers(now=later), range(4))

    assert errors == []
    assert sum(results) == 1
    assert expire_offers(now=later) == 0
    statuses = dict(Registration.objects.filter(occasion=occasion).values_list("pk", "status"))
    assert statuses[offered.pk] == "cancelled"
    assert statuses[nxt.pk] == "offered"
    assert list(statuses.values()).count("offered") == 1
    assert SeatCounter.objects.get(occasion=occasion).taken == 1
    offers = [m for m in mail.outbox if m.subject.startswith("En plats väntar på dig")]
    assert [m.to for m in offers] == [[nxt.user.email]]
    assert ModelLogEntry.objects.filter(action="events.registration.offer_expired").count() == 1


def test_confirming_while_the_offer_expires_leaves_one_holder(home_page, crowd):
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page), capacity=1, open_to=ALL_KINDS
    )
    (occasion,) = workshop.occasions.all()
    holder = services.register(occasion, crowd[0])
    offered = services.register(occasion, crowd[1])
    services.register(occasion, crowd[2])
    services.cancel(holder, by=holder.user)
    offered.refresh_from_db()
    token = offer_token(offered)
    expiry = offered.offer_expires_at
    before, after = expiry - datetime.timedelta(seconds=1), expiry + datetime.timedelta(seconds=1)

    def act(what):
        if what == "confirm":
            return confirm_offer(token, offered.user, now=before)
        return expire_offers(now=after)

    _results, errors = at_once(act, ["confirm", "cron", "cron"])

    assert all(isinstance(error, OfferError) for error in errors)
    assert holders(occasion).count() == 1
    assert SeatCounter.objects.get(occasion=occasion).taken == 1


def test_follow_ups_go_once_per_organisation_however_many_cron_runs_at_once(home_page, crowd):
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home_page), capacity=50, open_to=ALL_KINDS
    )
    (occasion,) = workshop.occasions.all()
    for person in crowd[:10]:  # two from each of the five organisations
        services.register(occasion, person)
    ended = timezone.now() - datetime.timedelta(days=92)
    occasion.sessions.update(starts_at=ended - datetime.timedelta(hours=3), ends_at=ended)
    mail.outbox.clear()

    results, errors = at_once(lambda _n: send_follow_ups(), range(4))

    assert errors == []
    assert sum(results) == 5
    assert send_follow_ups() == 0
    assert FollowUp.objects.filter(sent_at__isnull=False).count() == 5
    follow_up_emails = [m for m in mail.outbox if m.subject.startswith("Uppföljning efter")]
    # No coordinators in the crowd: each organisation's two participants, once each.
    assert sorted(m.to[0] for m in follow_up_emails) == sorted(p.email for p in crowd[:10])
