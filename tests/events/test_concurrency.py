"""50 people sign up for 10 seats at the same moment, on the configured database.

Runs with real threads and real transactions (each thread has its own connection), on
SQLite in the normal suite and on PostgreSQL when DATABASE_URL points at one.
"""

import threading

import pytest
from django.core import mail
from django.db import connection

from events import services
from events.models import OrganisationQuota, Registration, SeatCounter
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
