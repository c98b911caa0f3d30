"""Who may do what in a network.

A network's discussion is for editors and the members of its active member organisations
(municipalities, regions, county boards, police regions and others); a network is
coordinated by an editor, by the person in the team named as its coordinator, or by the
coordinators (contact persons) of its coordinating organisation.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from network.models import DigestSubscription, NetworkMembership
from organisations.models import Organisation
from portal.accounts.roles import active_membership, is_coordinator_of, is_editor
from portal.services.memberships import coordinators_of


def member_organisation(user, network):
    """The user's organisation if it is an active member of the network, else None."""
    membership = active_membership(user)
    if membership and network.has_active_member(membership.organisation):
        return membership.organisation
    return None


def can_read_discussion(user, network):
    if not user.is_active:  # a deactivated account reads (and is emailed) nothing
        return False
    return is_editor(user) or member_organisation(user, network) is not None


def can_coordinate(user, network):
    if is_editor(user) or (network.coordinator_user_id and network.coordinator_user_id == user.pk):
        return True
    return bool(
        network.coordinator_organisation_id
        and is_coordinator_of(user, network.coordinator_organisation)
    )


def network_coordinators(network):
    if network.coordinator_organisation_id:
        return coordinators_of(network.coordinator_organisation)
    if network.coordinator_user_id:
        return [network.coordinator_user]
    return list(get_user_model().objects.filter(groups__name="Moderators", is_active=True))


@dataclass(frozen=True)
class NetworkAccess:
    """What one person sees of a network and may do in it, as its page shows it."""

    reads_discussion: bool = False
    # The person's organisation, when the person is its coordinator and so acts for it.
    acts_for: Organisation | None = None
    # The network membership of the person's organisation (any status), if there is one.
    own_membership: NetworkMembership | None = None
    coordinates: bool = False
    gets_digest: bool = False


def network_access(user, network):
    """Derive the person's roles in the network from their membership and permissions."""
    if not user.is_authenticated:
        return NetworkAccess()
    reads_discussion = can_read_discussion(user, network)
    membership = active_membership(user)
    own_membership = acts_for = None
    if membership is not None:
        own_membership = network.memberships.filter(organisation=membership.organisation).first()
        if is_coordinator_of(user, membership.organisation):
            acts_for = membership.organisation
    return NetworkAccess(
        reads_discussion=reads_discussion,
        acts_for=acts_for,
        own_membership=own_membership,
        coordinates=can_coordinate(user, network),
        gets_digest=reads_discussion
        and DigestSubscription.objects.filter(
            user=user, network=network, mode=DigestSubscription.Mode.DIGEST
        ).exists(),
    )
