"""A deleted account gives back its seats: self-service, the clean-up command, the admin."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events import services
from events.models import Registration, SeatCounter

from ..factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_workshop(workshop, member_a, make_person, kalmar_kommun, committed):
    """Capacity 2: member_a and a colleague have seats, a third colleague waits."""
    colleague = make_person("kollega@kalmar.se", kalmar_kommun)
    waiting = make_person("vantar@kalmar.se", kalmar_kommun, first_name="Vilma")
    with committed():
        services.register(workshop, member_a)
        services.register(workshop, colleague)
        assert services.register(workshop, waiting).status == "waitlisted"
    mail.outbox.clear()
    return workshop


def assert_seat_went_to_the_waitlist(workshop, gone):
    waiting = Registration.objects.get(workshop=workshop, user__email="vantar@kalmar.se")
    assert waiting.status == "offered"  # the seat is held for them to confirm
    assert SeatCounter.objects.get(occasion__workshop=workshop).taken == 2
    assert not Registration.objects.filter(user_id=gone.pk).exists()
    assert [m.to for m in mail.outbox] == [["vantar@kalmar.se"]]
    assert mail.outbox[0].subject == f"En plats väntar på dig: {workshop.title}"
    assert ModelLogEntry.objects.filter(
        action="events.registration.cancelled_account_deleted"
    ).exists()


def test_deleting_my_account_gives_my_seat_to_the_first_on_the_waitlist(
    client, full_workshop, member_a, committed
):
    client.force_login(member_a)
    with committed():
        response = client.post("/mina-sidor/radera-konto/", {"password": "lösen-ord-123"})
    assert response["Location"] == "/"
    assert_seat_went_to_the_waitlist(full_workshop, member_a)


def test_the_cleanup_command_gives_a_deleted_persons_seat_to_the_waitlist(
    full_workshop, member_a, committed
):
    long_ago = timezone.now() - timedelta(days=800)
    get_user_model().objects.filter(pk=member_a.pk).update(
        last_login=long_ago, date_joined=long_ago
    )
    with committed():
        call_command("delete_inactive_accounts", stdout=StringIO())
    assert_seat_went_to_the_waitlist(full_workshop, member_a)


def test_deleting_a_user_in_the_wagtail_admin_gives_their_seat_to_the_waitlist(
    client, full_workshop, member_a, make_person, committed
):
    admin = make_person("admin@socialstyrelsen.se")
    get_user_model().objects.filter(pk=admin.pk).update(is_superuser=True, is_staff=True)
    client.force_login(admin)
    with committed():
        response = client.post(f"/admin/users/delete/{member_a.pk}/")
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member_a.pk).exists()
    assert_seat_went_to_the_waitlist(full_workshop, member_a)


def test_deleting_an_account_leaves_past_workshops_and_frees_only_upcoming_seats(
    client, workshop_index, member_a, kalmar_kommun, committed, soon
):
    past = WorkshopPageFactory(parent=workshop_index, capacity=5, sessions=[soon(days=-30)])
    Registration.objects.create(
        workshop=past,
        occasion=past.occasions.get(),
        user=member_a,
        organisation=kalmar_kommun,
        status="confirmed",
    )
    upcoming = WorkshopPageFactory(parent=workshop_index, capacity=5)
    services.register(upcoming, member_a)
    client.force_login(member_a)
    with committed():
        client.post("/mina-sidor/radera-konto/", {"password": "lösen-ord-123"})
    assert not get_user_model().objects.filter(pk=member_a.pk).exists()
    assert SeatCounter.objects.get(occasion__workshop=upcoming).taken == 0
    assert mail.outbox == []  # the person's address is gone with the account
