"""Who a network's emails go to on behalf of an organisation: its active coordinators."""

import pytest
from django.core import mail

from network.models import Network, NetworkMembership
from network.services import networks

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(editor):
    return Network.objects.create(name="Samverkan med BUP", slug="bup", coordinator_user=editor)


@pytest.fixture
def deactivated_coordinator(make_person, kalmar):
    person = make_person(
        "slutat@kalmar.se", kalmar.organisation, role="coordinator", first_name="Sara"
    )
    person.is_active = False
    person.save(update_fields=["is_active"])
    return person


def test_a_deactivated_coordinator_gets_no_network_invitation(
    network, editor, kalmar, coordinator_a, deactivated_coordinator, committed
):
    mail.outbox.clear()
    with committed():
        networks.invite_organisation(network, kalmar.organisation, by=editor)
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == [coordinator_a.email]


def test_a_deactivated_coordinator_is_not_told_a_request_was_accepted(
    network, editor, kalmar, coordinator_a, deactivated_coordinator, committed
):
    with committed():  # the editors are told of the request now, as after a real commit
        networks.join(network, kalmar.organisation, by=coordinator_a)
    mail.outbox.clear()
    with committed():
        networks.accept_request(
            NetworkMembership.objects.get(network=network, organisation=kalmar.organisation),
            by=editor,
        )
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == [coordinator_a.email]
