"""network_access: what a person's memberships and permissions let them see and do in a
network (the rules the network page shows)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from network.models import DigestSubscription, Network, NetworkMembership
from network.services.networks import network_access
from organisations.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(kalmar, vaxjo, editor):
    network = Network.objects.create(
        name="Samverkan med BUP",
        slug="bup",
        coordinator_user=editor,
        coordinator_organisation=vaxjo.organisation,
    )
    NetworkMembership.objects.create(
        network=network, organisation=kalmar.organisation, status="active"
    )
    return network


def test_a_visitor_sees_nothing_inside_and_acts_for_nobody(network):
    access = network_access(AnonymousUser(), network)
    assert not access.reads_discussion and not access.coordinates and not access.gets_digest
    assert access.acts_for is None and access.own_membership is None


def test_a_member_of_a_member_organisation_reads_but_does_not_act_for_it(network, member_a):
    access = network_access(member_a, network)
    assert access.reads_discussion
    assert access.own_membership.status == "active"
    assert access.acts_for is None
    assert not access.coordinates


def test_a_coordinator_acts_for_their_organisation_even_before_it_is_a_member(
    network, coordinator_a, make_person, municipalities
):
    lund = Municipality.objects.get(name="Lund")
    coordinator = make_person("kontakt@lund.se", lund.organisation, role="coordinator")
    access = network_access(coordinator, network)
    assert access.acts_for == lund.organisation and access.own_membership is None
    assert not access.reads_discussion
    assert network_access(coordinator_a, network).acts_for.name == "Kalmar"


def test_the_coordinators_of_the_coordinating_organisation_and_editors_coordinate(
    network, coordinator_b, editor, member_a
):
    assert network_access(coordinator_b, network).coordinates
    assert not network_access(coordinator_b, network).reads_discussion  # Växjö is no member
    assert network_access(editor, network).coordinates
    assert network_access(editor, network).reads_discussion


def test_the_digest_counts_only_for_someone_who_can_still_read(network, member_a, kalmar):
    DigestSubscription.objects.create(user=member_a, network=network)
    assert network_access(member_a, network).gets_digest
    NetworkMembership.objects.filter(network=network).update(status="left")
    assert not network_access(member_a, network).gets_digest
