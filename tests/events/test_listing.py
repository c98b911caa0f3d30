"""The workshop listing: upcoming or past, filters that combine, seats left."""

import pytest

from events import services
from organisations.models import County

from ..factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(workshop_index, support_area, soon, municipalities):
    return {
        "digital": WorkshopPageFactory(
            parent=workshop_index,
            title="Digital om RBM",
            format="digital",
            support_area=support_area,
            sessions=[soon(days=20)],
            capacity=1,
        ),
        "kalmar": WorkshopPageFactory(
            parent=workshop_index,
            title="På plats i Kalmar",
            format="on_site",
            place="Kalmar",
            county=County.objects.get(code="08"),
            meeting_link="",
            sessions=[soon(days=50)],
        ),
        "past": WorkshopPageFactory(
            parent=workshop_index,
            title="Förra vårens workshop",
            registration_opens=soon(days=-90),
            registration_closes=soon(days=-40),
            sessions=[soon(days=-30)],
        ),
    }


def titles(response):
    return [w.title for w in response.context["workshops"]]


def test_upcoming_soonest_first_and_past_apart(client, workshop_index, programme):
    assert titles(client.get(workshop_index.url)) == ["Digital om RBM", "På plats i Kalmar"]
    assert titles(client.get(workshop_index.url + "?visa=tidigare")) == ["Förra vårens workshop"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("format=digital", ["Digital om RBM"]),
        ("format=on_site", ["På plats i Kalmar"]),
        ("county=08", ["På plats i Kalmar"]),
        ("format=digital&county=08", []),
    ],
)
def test_filters(client, workshop_index, programme, query, expected):
    assert titles(client.get(f"{workshop_index.url}?{query}")) == expected


def test_filter_by_month_and_support_area(client, workshop_index, programme, support_area):
    month = programme["kalmar"].starts_at.strftime("%Y-%m")
    assert titles(client.get(f"{workshop_index.url}?month={month}")) == ["På plats i Kalmar"]
    response = client.get(f"{workshop_index.url}?support_area={support_area.slug}")
    assert titles(response) == ["Digital om RBM"]


def test_a_badly_written_month_is_explained_and_ignored(client, workshop_index, programme):
    response = client.get(f"{workshop_index.url}?month=mars&format=digital")
    html = response.content.decode()
    assert "Skriv månaden som år och månad, t.ex. 2026-03." in html
    assert 'value="mars"' in html
    assert titles(response) == ["Digital om RBM"]


def test_cards_say_seats_left_or_waitlist(client, workshop_index, programme, member_a):
    html = client.get(workshop_index.url).content.decode()
    assert "1 plats kvar" in html
    services.register(programme["digital"], member_a)
    html = client.get(workshop_index.url).content.decode()
    assert "Fullbokad – väntelista" in html


def test_no_upcoming_workshops_invites_interest(client, workshop_index):
    html = client.get(workshop_index.url).content.decode()
    assert "Inga workshoppar är planerade just nu" in html
