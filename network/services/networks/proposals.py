"""Coordinators propose networks; editors approve or decline them.

A coordinator (contact person) of an approved organisation of any kind proposes a name, an
optional shared challenge, a purpose and whom to invite, first of all the municipalities
that matching suggests. The editors are told. Approving creates the network in one
transaction: the proposing organisation coordinates it and is an active member from the
start, and the invitees are invited as any network invites (their coordinators are
emailed and accept on the network's page). The proposer is told the outcome either way,
with the reason when it is declined. Every step is logged.

A proposal is decided once: the row is locked and claimed with a conditional update, so
a double click or two editors at the same moment create one network, never two.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import Network, NetworkMembership, NetworkProposal
from organisations.models import Organisation
from portal import emails
from portal.accounts.roles import active_membership, is_coordinator_of, is_editor
from portal.privacy import find_personal_numbers
from portal.services.memberships import editors

from ..matching import suggest_matches
from .membership import create_network, invite_organisation
from .notifications import notify

Status = NetworkProposal.Status


class ProposalError(Exception):
    """A proposal or decision that cannot be made; the message is for the person.

    `field` names what it is about ("name", "purpose", "invitees"), when it is one thing
    the person typed or chose."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def proposing_organisation(user):
    """The organisation the person may propose a network for: theirs, if they are its
    coordinator; else None."""
    membership = active_membership(user)
    if membership is not None and is_coordinator_of(user, membership.organisation):
        return membership.organisation
    return None


def suggested_invitees(organisation, limit=10):
    """[(organisation, reasons), ...]: the peers matching suggests for the organisation's
    municipality, best first; none for organisations that are not municipalities."""
    if organisation.municipality_id is None:
        return []
    suggestions = suggest_matches(organisation.municipality, limit=limit)
    by_municipality = {
        o.municipality_id: o
        for o in Organisation.objects.filter(
            municipality__in=[s.organisation.key for s in suggestions]
        ).select_related("municipality__county")
    }
    return [
        (by_municipality[s.organisation.key], s.reasons)
        for s in suggestions
        if s.organisation.key in by_municipality
    ]


def check_name(name):
    """Refuse a name that a network has, or a proposal that waits for a decision."""
    wanted = name.strip().casefold()
    if any(n.casefold() == wanted for n in Network.objects.values_list("name", flat=True)):
        raise ProposalError(
            _("Det finns redan ett nätverk som heter ”%(name)s”. Välj ett annat namn.")
            % {"name": name.strip()},
            "name",
        )
    pending = NetworkProposal.objects.filter(status=Status.PENDING).values_list("name", flat=True)
    if any(n.casefold() == wanted for n in pending):
        raise ProposalError(
            _("Ett förslag till nätverk som heter ”%(name)s” väntar redan på beslut.")
            % {"name": name.strip()},
            "name",
        )


def check_invitees(organisation, invitees):
    if not invitees:
        raise ProposalError(_("Välj minst en organisation att bjuda in."), "invitees")
    if organisation in invitees:
        raise ProposalError(
            _(
                "%(name)s är er egen organisation. Den är med och samordnar nätverket från "
                "början; välj andra organisationer att bjuda in."
            )
            % {"name": organisation.name},
            "invitees",
        )


@transaction.atomic
def propose(*, by, name, purpose, invitees, challenge=None):
    """A coordinator proposes a network for their organisation; the editors are told."""
    organisation = proposing_organisation(by)
    if organisation is None:
        raise PermissionError(_("Bara en organisations kontaktperson kan föreslå ett nätverk."))
    name, purpose = name.strip(), purpose.strip()
    if not name:
        raise ProposalError(_("Ge nätverket ett namn."), "name")
    if not purpose:
        raise ProposalError(_("Skriv vad nätverket ska arbeta med."), "purpose")
    for field, text in (("name", name), ("purpose", purpose)):
        if find_personal_numbers(text):
            raise ProposalError(
                _("Texten innehåller något som ser ut som ett personnummer."), field
            )
    check_name(name)
    invitees = list(dict.fromkeys(invitees))
    check_invitees(organisation, invitees)
    proposal = NetworkProposal.objects.create(
        name=name, challenge=challenge, purpose=purpose, proposed_by=by, organisation=organisation
    )
    proposal.invitees.set(invitees)
    log(proposal, "network.proposal.submitted", user=by)
    notify(
        "proposal_submitted",
        editors(),
        proposal=proposal,
        invitees=invitees,
        url=emails.absolute_url(reverse("network_admin:coordinator_proposals")),
    )
    return proposal


def _claim(proposal, by, status, **fields):
    """Lock the proposal and decide it, if nobody has; the decided row, or ProposalError."""
    if not is_editor(by):
        raise PermissionError(_("Bara förstärkningsteamets redaktörer beslutar om nätverk."))
    locked = NetworkProposal.objects.select_for_update().get(pk=proposal.pk)
    claimed = NetworkProposal.objects.filter(pk=locked.pk, status=Status.PENDING).update(
        status=status, decided_by=by, decided_at=timezone.now(), **fields
    )
    if not claimed:
        locked.refresh_from_db()
        raise ProposalError(
            _("Förslaget ”%(name)s” är redan avgjort (%(status)s).")
            % {"name": locked.name, "status": locked.get_status_display().lower()}
        )
    locked.refresh_from_db()
    return locked


def _proposer(proposal):
    person = proposal.proposed_by
    return [person] if person is not None and person.is_active else []


@transaction.atomic
def approve(proposal, *, by):
    """Create the network: the proposing organisation coordinates it and is a member, the
    invitees are invited. Returns the proposal, linked to its network."""
    proposal = _claim(proposal, by, Status.APPROVED)
    wanted = proposal.name.casefold()
    if any(n.casefold() == wanted for n in Network.objects.values_list("name", flat=True)):
        raise ProposalError(
            _(
                "Det finns redan ett nätverk som heter ”%(name)s”. Avslå förslaget med det "
                "som skäl, så kan kontaktpersonen föreslå det igen med ett annat namn."
            )
            % {"name": proposal.name}
        )
    network = create_network(
        name=proposal.name,
        challenge=proposal.challenge,
        purpose=proposal.purpose,
        description="",
        by=by,
    )
    # The organisation coordinates the network, not the editor who approved it.
    network.coordinator_organisation = proposal.organisation
    network.coordinator_user = None
    network.save(update_fields=["coordinator_organisation", "coordinator_user"])
    membership = NetworkMembership.objects.create(
        network=network,
        organisation=proposal.organisation,
        status=NetworkMembership.Status.ACTIVE,
    )
    log(membership, "network.membership.active", user=by)
    for organisation in proposal.invitees.order_by("name"):
        if organisation.pk != proposal.organisation_id:
            invite_organisation(network, organisation, by=by)
    proposal.network = network
    proposal.save(update_fields=["network"])
    log(proposal, "network.proposal.approved", user=by)
    notify(
        "proposal_approved",
        _proposer(proposal),
        proposal=proposal,
        network=network,
        url=emails.absolute_url(network.get_absolute_url()),
    )
    return proposal


@transaction.atomic
def decline(proposal, *, by, reason=""):
    """Decline the proposal; the proposer is told, with the reason if there is one."""
    proposal = _claim(proposal, by, Status.DECLINED, decline_reason=reason.strip())
    log(proposal, "network.proposal.declined", user=by)
    notify(
        "proposal_declined",
        _proposer(proposal),
        proposal=proposal,
        url=emails.absolute_url(reverse("accounts:my_pages")),
    )
    return proposal


def proposals_for(user):
    """The proposals a person follows on Mina sidor: their own, and those of the
    organisation they coordinate, newest first."""
    mine = NetworkProposal.objects.filter(proposed_by=user)
    organisation = proposing_organisation(user)
    if organisation is not None:
        mine = mine | NetworkProposal.objects.filter(organisation=organisation)
    return mine.select_related("network", "organisation").distinct().order_by("-created_at", "-pk")
