"""Which organisations are in a network: invitations, requests, joining and leaving.

Members can be organisations of any kind: municipalities, regions, county boards, police
regions and others. The coordinators (contact persons) of an organisation act for it (ask
to join, accept invitations, leave); a network's coordinator (an editor, the person in the
team named for it, or the coordinators of the coordinating organisation) invites and
accepts requests. Every change is logged.
"""

from django.db import transaction
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import Network, NetworkMembership
from organisations.models import KIND_PLURALS, Organisation
from portal import emails
from portal.accounts.roles import is_coordinator_of, is_editor
from portal.services.memberships import coordinators_of

from .notifications import notify
from .permissions import can_coordinate, network_coordinators

Status = NetworkMembership.Status

# Addresses under /kommuner/natverk/ that are pages of their own, not networks.
RESERVED_SLUGS = {"foresla"}


class NetworkError(Exception):
    """An action on a network that cannot be done; the message is for the person."""


def _require_coordinator_of(user, organisation):
    if not (is_editor(user) or is_coordinator_of(user, organisation)):
        raise PermissionError(_("Bara organisationens kontaktperson kan göra det här."))


def members_by_kind(network):
    """The network's active members grouped by kind, in the order of Organisation.Kind:
    [(plural label, [membership, ...]), ...], kinds without members left out."""
    members = network.memberships.filter(status=Status.ACTIVE).select_related(
        "organisation__municipality__county"
    )
    groups = {kind: [] for kind in Organisation.Kind}
    for membership in sorted(members, key=lambda m: m.organisation.name):
        groups[Organisation.Kind(membership.organisation.kind)].append(membership)
    return [(capfirst(KIND_PLURALS[kind]), group) for kind, group in groups.items() if group]


@transaction.atomic
def create_network(*, name, challenge, purpose, description, by, invite=()):
    slug = slugify(name)[:140] or "natverk"
    base, n = slug, 1
    while slug in RESERVED_SLUGS or Network.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    network = Network.objects.create(
        name=name,
        slug=slug,
        challenge=challenge,
        purpose=purpose,
        description=description,
        coordinator_user=by,
    )
    log(network, "wagtail.create", user=by)
    for organisation in invite:
        invite_organisation(network, organisation, by=by)
    return network


@transaction.atomic
def invite_organisation(network, organisation, *, by):
    if not can_coordinate(by, network):
        raise PermissionError(_("Bara nätverkets samordnare kan bjuda in."))
    membership, created = NetworkMembership.objects.get_or_create(
        network=network, organisation=organisation, defaults={"status": Status.INVITED}
    )
    if not created and membership.status in (Status.ACTIVE, Status.INVITED):
        return membership
    if membership.status == Status.REQUESTED:
        membership.status = Status.ACTIVE
    else:
        membership.status = Status.INVITED
    membership.save(update_fields=["status", "changed_at"])
    log(membership, f"network.membership.{membership.status}", user=by)
    notify(
        "invited",
        coordinators_of(organisation),
        network=network,
        organisation=organisation,
        url=emails.absolute_url(network.get_absolute_url()),
    )
    return membership


@transaction.atomic
def join(network, organisation, *, by):
    """A coordinator asks to join, or accepts an invitation (which makes them members)."""
    _require_coordinator_of(by, organisation)
    membership, _created = NetworkMembership.objects.get_or_create(
        network=network, organisation=organisation, defaults={"status": Status.REQUESTED}
    )
    if membership.status == Status.ACTIVE:
        raise NetworkError(_("%(name)s är redan med i nätverket.") % {"name": organisation})
    if membership.status == Status.INVITED:
        membership.status = Status.ACTIVE
    else:
        membership.status = Status.REQUESTED
        notify(
            "requested",
            network_coordinators(network),
            network=network,
            organisation=organisation,
            url=emails.absolute_url(network.get_absolute_url()),
        )
    membership.save(update_fields=["status", "changed_at"])
    log(membership, f"network.membership.{membership.status}", user=by)
    return membership


@transaction.atomic
def accept_request(membership, *, by):
    if not can_coordinate(by, membership.network):
        raise PermissionError(_("Bara nätverkets samordnare kan ta emot ansökningar."))
    if membership.status != Status.REQUESTED:
        raise NetworkError(_("Det finns ingen ansökan att ta emot."))
    membership.status = Status.ACTIVE
    membership.save(update_fields=["status", "changed_at"])
    log(membership, "network.membership.active", user=by)
    notify(
        "accepted",
        coordinators_of(membership.organisation),
        network=membership.network,
        organisation=membership.organisation,
        url=emails.absolute_url(membership.network.get_absolute_url()),
    )
    return membership


@transaction.atomic
def leave(network, organisation, *, by):
    _require_coordinator_of(by, organisation)
    membership = NetworkMembership.objects.filter(
        network=network, organisation=organisation
    ).first()
    if membership is None or membership.status == Status.LEFT:
        raise NetworkError(_("%(name)s är inte med i nätverket.") % {"name": organisation})
    membership.status = Status.LEFT
    membership.save(update_fields=["status", "changed_at"])
    log(membership, "network.membership.left", user=by)
    if network.coordinator_organisation_id == organisation.pk:
        # Leaving gives up coordinating: its coordinators would otherwise keep planning
        # meetings and removing the members' documents. The team coordinates until an
        # editor names another organisation.
        network.coordinator_organisation = None
        network.save(update_fields=["coordinator_organisation"])
        log(network, "network.coordination.given_up", user=by)
    return membership
