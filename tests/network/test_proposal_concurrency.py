"""Four editors approve the same network proposal at the same moment: one network.

Real threads and real transactions (each thread has its own connection), on SQLite in the
normal suite and on PostgreSQL when DATABASE_URL points at one."""

import pytest
from django.contrib.auth.models import Group

from network.models import Network, NetworkMembership, NetworkProposal
from network.services.networks import proposals

from ..events.test_concurrency import at_once

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_four_editors_approving_at_once_create_one_network(make_person, coordinator_a, vaxjo):
    editors = Group.objects.get(name="Editors")
    team = [make_person(f"redaktor{n}@socialstyrelsen.se") for n in range(4)]
    for person in team:
        person.groups.add(editors)
    proposal = proposals.propose(
        by=coordinator_a,
        name="BUP i Kalmar län",
        purpose="Att dela.",
        invitees=[vaxjo.organisation],
    )

    results, errors = at_once(lambda person: proposals.approve(proposal, by=person), team)

    assert len([r for r in results if r is not None]) == 1
    assert len(errors) == 3 and all(isinstance(e, proposals.ProposalError) for e in errors)
    assert Network.objects.count() == 1
    assert NetworkMembership.objects.filter(organisation=vaxjo.organisation).count() == 1
    assert NetworkProposal.objects.get().network == Network.objects.get()
