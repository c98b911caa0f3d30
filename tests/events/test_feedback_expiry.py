"""Feedback links work for 60 days after the workshop, then say so and store nothing."""

import pytest

from events import services
from events.models import Feedback, WorkshopSession
from events.services.feedback import feedback_path

pytestmark = pytest.mark.django_db

ANSWERS = {
    "usefulness": "4",
    "concreteness": "5",
    "would_recommend": "ja",
    "next_steps": "Prova RBM i vår grupp.",
    "comment": "",
}


@pytest.fixture
def ended(workshop, member_a, soon):
    """A confirmed registration for a workshop whose last session ended `days` ago."""

    def end(days):
        registration = services.register(workshop, member_a)
        WorkshopSession.objects.filter(occasion__workshop=workshop).update(
            starts_at=soon(days=-days, hours=-3), ends_at=soon(days=-days)
        )
        return registration

    return end


def test_a_feedback_link_still_works_59_days_after_the_workshop(client, ended):
    registration = ended(59)
    path = feedback_path(registration)
    assert 'name="usefulness"' in client.get(path).content.decode()
    response = client.post(path, ANSWERS)
    assert "Tack för dina svar" in response.content.decode()
    assert Feedback.objects.filter(registration=registration).exists()


def test_a_feedback_link_is_refused_61_days_after_the_workshop_and_stores_nothing(
    client, ended, member_a
):
    registration = ended(61)
    path = feedback_path(registration)
    page = client.get(path)
    assert page.status_code == 410
    html = page.content.decode()
    assert "Utvärderingen av RBM i praktiken stängde" in html
    assert 'name="usefulness"' not in html
    refused = client.post(path, ANSWERS)
    assert refused.status_code == 410
    assert not Feedback.objects.exists()
    client.force_login(member_a)
    assert path not in client.get("/mina-sidor/").content.decode()
