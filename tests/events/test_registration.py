"""Registration rules a person notices: deadlines, caps, networks, teams, the waitlist."""

import pytest
from django.core import mail

from events import services
from events.models import Registration, SeatCounter
from network.models import Network, NetworkMembership

from ..factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


def test_registration_opens_and_closes_on_time(workshop_index, member_a, soon):
    not_yet = WorkshopPageFactory(parent=workshop_index, registration_opens=soon(days=2))
    with pytest.raises(services.RegistrationError, match="Anmälan öppnar"):
        services.register(not_yet, member_a)
    closed = WorkshopPageFactory(
        parent=workshop_index, registration_opens=soon(days=-5), registration_closes=soon(hours=-1)
    )
    with pytest.raises(services.RegistrationError, match="har stängt"):
        services.register(closed, member_a)
    assert not Registration.objects.exists()


def test_cancelling_is_possible_until_the_workshop_starts(workshop, member_a, soon):
    registration = services.register(workshop, member_a)
    with pytest.raises(services.RegistrationError, match="redan börjat"):
        services.cancel(registration, by=member_a, now=soon(days=15))
    services.cancel(registration, by=member_a)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert SeatCounter.objects.get(occasion__workshop=workshop).taken == 0


def test_full_workshop_puts_people_on_the_waitlist_and_a_cancellation_promotes(
    workshop, make_person, kalmar_kommun, committed
):
    people = [make_person(f"p{n}@kalmar.se", kalmar_kommun) for n in range(4)]
    with committed():
        first, second, third, fourth = (services.register(workshop, p) for p in people)
    assert [r.status for r in (first, second, third, fourth)] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert (third.waitlist_position, fourth.waitlist_position) == (1, 2)
    assert "nummer 1" in next(m for m in mail.outbox if m.to == [people[2].email]).body
    mail.outbox.clear()
    with committed():
        _cancelled, promoted = services.cancel(first, by=people[0])
    assert promoted == [third]
    fourth.refresh_from_db()
    assert fourth.waitlist_position == 1
    assert {m.to[0] for m in mail.outbox} == {people[0].email, people[2].email}


def test_signing_up_again_after_cancelling_joins_the_back_of_the_queue(
    workshop, make_person, kalmar_kommun
):
    a, b, c = (make_person(f"q{n}@kalmar.se", kalmar_kommun) for n in range(3))
    first = services.register(workshop, a)
    services.register(workshop, b)
    services.register(workshop, c)  # waitlisted
    services.cancel(first, by=a)  # c is promoted
    again = services.register(workshop, a)
    assert again.status == "waitlisted" and again.waitlist_position == 1


def test_the_cap_per_organisation(workshop_index, make_person, kalmar_kommun, vaxjo_kommun):
    workshop = WorkshopPageFactory(parent=workshop_index, capacity=2, per_organisation_cap=1)
    kalmar_1, kalmar_2 = (make_person(f"k{n}@kalmar.se", kalmar_kommun) for n in range(2))
    vaxjo_1, vaxjo_2 = (make_person(f"v{n}@vaxjo.se", vaxjo_kommun) for n in range(2))
    assert services.register(workshop, kalmar_1).status == "confirmed"
    # A seat is free, but Kalmar has used its one.
    assert services.register(workshop, kalmar_2).status == "waitlisted"
    confirmed_vaxjo = services.register(workshop, vaxjo_1)
    assert confirmed_vaxjo.status == "confirmed"
    assert services.register(workshop, vaxjo_2).status == "waitlisted"
    # Växjö's seat frees up: Kalmar's person is first in line but Kalmar is at its cap.
    _cancelled, promoted = services.cancel(confirmed_vaxjo, by=vaxjo_1)
    assert [r.user for r in promoted] == [vaxjo_2]
    assert Registration.objects.get(user=kalmar_2).status == "waitlisted"


def test_network_only_workshops_take_only_members_of_the_networks_organisations(
    workshop_index, member_a, make_person, vaxjo_kommun, kalmar_kommun, client
):
    network = Network.objects.create(name="Nätverket för BUP-samverkan", slug="bup")
    NetworkMembership.objects.create(network=network, organisation=kalmar_kommun, status="active")
    NetworkMembership.objects.create(network=network, organisation=vaxjo_kommun, status="invited")
    meeting = WorkshopPageFactory(parent=workshop_index, network=network)
    outsider = make_person("v@vaxjo.se", vaxjo_kommun)
    with pytest.raises(services.RegistrationError, match="bara för organisationerna i nätverket"):
        services.register(meeting, outsider)
    assert services.register(meeting, member_a).status == "confirmed"
    html = client.get(meeting.url).content.decode()
    assert "Bara för organisationerna i nätverket Nätverket för BUP-samverkan" in html


def test_someone_without_an_organisation_cannot_register(workshop, outsider):
    with pytest.raises(services.RegistrationError, match="företräda en organisation"):
        services.register(workshop, outsider)


def test_a_member_of_a_region_registers_where_regions_are_welcome_and_is_told_why_not_elsewhere(
    client, committed, workshop_index, make_person, region_kalmar
):
    for_regions = WorkshopPageFactory(
        parent=workshop_index, title="Mellanrummen", open_to=["municipality", "region"]
    )
    municipalities_only = WorkshopPageFactory(parent=workshop_index, title="Kommunernas ansvar")
    person = make_person("rut@regionkalmar.se", region_kalmar, first_name="Rut")
    client.force_login(person)
    refusal = "Den här workshoppen är öppen för kommuner. Du företräder Region Kalmar län (region)."

    page = client.get(for_regions.url).content.decode()
    assert "Kommuner och regioner" in page and "Anmäl mig" in page
    with committed():
        response = client.post(f"/workshop/{for_regions.pk}/anmal/", follow=True)
    assert "Du har en plats." in response.content.decode()
    registration = Registration.objects.get(workshop=for_regions, user=person)
    assert (registration.status, registration.organisation) == ("confirmed", region_kalmar)
    assert mail.outbox[0].to == [person.email]

    page = client.get(municipalities_only.url).content.decode()
    assert refusal in page and "Anmäl mig" not in page
    response = client.post(f"/workshop/{municipalities_only.pk}/anmal/", follow=True)
    # Told in the message after the attempt, and where the button would be.
    assert response.status_code == 200 and response.content.decode().count(refusal) == 2
    assert not Registration.objects.filter(workshop=municipalities_only).exists()
    assert SeatCounter.objects.get(occasion__workshop=municipalities_only).taken == 0


def test_the_cap_per_organisation_applies_to_a_county_board_too(
    workshop_index, make_person, county_board_kalmar, kalmar_kommun
):
    workshop = WorkshopPageFactory(
        parent=workshop_index,
        capacity=5,
        per_organisation_cap=2,
        open_to=["municipality", "county_board"],
    )
    board = [make_person(f"l{n}@lansstyrelsen.se", county_board_kalmar) for n in range(3)]
    statuses = [services.register(workshop, person).status for person in board]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    town = make_person("k@kalmar.se", kalmar_kommun)
    assert services.register(workshop, town).status == "confirmed"


def test_a_coordinator_of_a_region_registers_colleagues_from_the_region_only(
    client, workshop_index, make_person, region_kalmar, kalmar_kommun
):
    workshop = WorkshopPageFactory(parent=workshop_index, open_to=["region"])
    coordinator = make_person("samordnare@regionkalmar.se", region_kalmar, role="coordinator")
    colleague = make_person("kollega@regionkalmar.se", region_kalmar, first_name="Kollega")
    town = make_person("x@kalmar.se", kalmar_kommun, first_name="Kommunal")
    client.force_login(coordinator)
    form = client.get(f"/workshop/{workshop.pk}/anmal-kollegor/").content.decode()
    assert "Region Kalmar län" in form and "Kollega" in form and "Kommunal" not in form
    client.post(f"/workshop/{workshop.pk}/anmal-kollegor/", {"colleagues": [colleague.pk]})
    registration = Registration.objects.get(user=colleague)
    assert (registration.status, registration.registered_by) == ("confirmed", coordinator)
    registered, problems = services.register_team(workshop, coordinator, [town])
    assert registered == [] and problems == [(town, "hör inte till Region Kalmar län")]


def test_a_coordinator_registers_colleagues_within_the_caps(
    client, committed, workshop, coordinator_a, make_person, kalmar_kommun, vaxjo_kommun
):
    colleagues = [
        make_person(f"c{n}@kalmar.se", kalmar_kommun, first_name=f"Kollega{n}") for n in range(3)
    ]
    stranger = make_person("x@vaxjo.se", vaxjo_kommun)
    client.force_login(coordinator_a)
    form = client.get(f"/workshop/{workshop.pk}/anmal-kollegor/").content.decode()
    assert "Kollega0" in form and "x@vaxjo.se" not in form
    with committed():
        response = client.post(
            f"/workshop/{workshop.pk}/anmal-kollegor/",
            {"colleagues": [c.pk for c in colleagues]},
        )
    assert response["Location"] == workshop.url
    statuses = [Registration.objects.get(user=c).status for c in colleagues]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    assert all(r.registered_by == coordinator_a for r in Registration.objects.all())
    assert {m.to[0] for m in mail.outbox} == {c.email for c in colleagues}
    bad = client.post(f"/workshop/{workshop.pk}/anmal-kollegor/", {"colleagues": [stranger.pk]})
    assert bad.status_code == 200 and "Välj ett giltigt alternativ" in bad.content.decode()


def test_only_coordinators_register_colleagues(client, workshop, member_a):
    client.force_login(member_a)
    assert client.get(f"/workshop/{workshop.pk}/anmal-kollegor/").status_code == 403


def test_publishing_an_edit_keeps_the_seat_count(workshop, member_a):
    services.register(workshop, member_a)
    workshop.title = "RBM i praktiken, del 1"
    (occasion,) = workshop.occasions.all()
    occasion.capacity = 5
    workshop.occasions = [occasion]
    workshop.save_revision().publish()
    counter = SeatCounter.objects.get(occasion__workshop=workshop)
    assert (counter.taken, counter.capacity) == (1, 5)


def test_capacity_cannot_go_below_confirmed_seats(workshop, make_person, kalmar_kommun):
    from django.core.exceptions import ValidationError

    for n in range(2):
        services.register(workshop, make_person(f"z{n}@kalmar.se", kalmar_kommun))
    (occasion,) = workshop.occasions.all()
    occasion.capacity = 1
    with pytest.raises(ValidationError) as error:
        occasion.full_clean()
    assert "2 personer har redan bekräftade platser" in str(error.value)


def test_registering_through_the_page(client, committed, workshop, member_a):
    client.force_login(member_a)
    html = client.get(workshop.url).content.decode()
    assert "Anmäl mig" in html and "2 platser kvar" in html
    with committed():
        response = client.post(f"/workshop/{workshop.pk}/anmal/", follow=True)
    html = response.content.decode()
    assert "Du har en plats." in html
    assert "1 plats kvar" in html
    confirmation = mail.outbox[0]
    assert confirmation.subject == "Bekräftad plats: RBM i praktiken"
    name, content, mimetype = confirmation.attachments[0]
    assert (name, mimetype) == ("workshop.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content and "SUMMARY:RBM i praktiken" in content


def test_registering_twice_is_explained(client, workshop, member_a):
    client.force_login(member_a)
    client.post(f"/workshop/{workshop.pk}/anmal/")
    html = client.post(f"/workshop/{workshop.pk}/anmal/", follow=True).content.decode()
    assert "Du är redan anmäld till workshoppen." in html
