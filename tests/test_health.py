"""/healthz tells a load balancer ok or fail per check, and nothing else."""

import datetime

import pytest
from django.utils import timezone

from portal.models import OutgoingEmail
from search.models import IndexOutbox

pytestmark = pytest.mark.django_db


def test_healthy_says_ok_for_each_check_and_nothing_more(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().splitlines() == [
        "database ok",
        "cache ok",
        "search_index ok",
        "outbox_backlog ok",
        "email_queue_backlog ok",
    ]
    assert "no-cache" in response["Cache-Control"]


def test_a_stalled_worker_makes_it_503_naming_only_the_check(client):
    long_ago = timezone.now() - datetime.timedelta(hours=2)
    row = IndexOutbox.objects.create(key="page:1")
    IndexOutbox.objects.filter(pk=row.pk).update(created_at=long_ago)
    OutgoingEmail.objects.create(
        recipient="a@kalmar.se", subject="Hej", body="Hej", next_attempt_at=long_ago
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.content.decode()
    assert "outbox_backlog fail" in body and "email_queue_backlog fail" in body
    assert "database ok" in body
    assert "1" not in body  # no counts, no ids
