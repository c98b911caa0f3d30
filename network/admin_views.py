from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from organisations.models import Municipality
from portal.models import Challenge
from portal.services.memberships import organisations_with_coordinators

from .forms import ProposalDeclineForm
from .models import NetworkProposal
from .services.grouping import MAX_SIZE, MIN_SIZE, suggest_networks
from .services.networks import create_network
from .services.networks import proposals as proposal_services


@permission_required("network.add_network")
def proposals(request):
    return TemplateResponse(
        request, "network/admin/proposals.html", {"proposals": suggest_networks()}
    )


@permission_required("network.add_network")
@require_POST
def create_from_proposal(request):
    challenge = get_object_or_404(Challenge, slug=request.POST.get("challenge"))
    municipalities = list(
        Municipality.objects.filter(code__in=request.POST.getlist("codes")).select_related(
            "county", "organisation"
        )
    )
    if not MIN_SIZE <= len(municipalities) <= MAX_SIZE:
        messages.error(request, _("Ett nätverk behöver 4–8 kommuner."))
        return redirect("network_admin:proposals")
    counties = sorted({m.county.name for m in municipalities})
    network = create_network(
        name=_("%(challenge)s – %(counties)s")
        % {"challenge": challenge.name, "counties": ", ".join(counties)},
        challenge=challenge,
        purpose=_("Kommuner som arbetar med %(challenge)s delar erfarenheter och lär av varandra.")
        % {"challenge": challenge.name.lower()},
        description="",
        by=request.user,
        invite=[m.organisation for m in municipalities],
    )
    messages.success(
        request,
        _("Nätverket ”%(name)s” är skapat och %(count)s kommuner är inbjudna.")
        % {"name": network.name, "count": len(municipalities)},
    )
    return redirect(network.get_absolute_url())


# Coordinators' proposals (network.services.networks.proposals) --------------------------

DECIDE_PROPOSALS = "network.change_networkproposal"


def _decline_form(proposal, data=None):
    return ProposalDeclineForm(data, prefix=f"avsla-{proposal.pk}")


def pending_proposals():
    return (
        NetworkProposal.objects.filter(status=NetworkProposal.Status.PENDING)
        .select_related("proposed_by", "organisation", "challenge")
        .prefetch_related("invitees")
    )


@permission_required(DECIDE_PROPOSALS)
def coordinator_proposals(request, invalid_form=None):
    """Pending proposals, oldest first, each with approve and decline; then the latest
    decisions."""
    pending = list(pending_proposals())
    invitees = {p.pk: list(p.invitees.all()) for p in pending}
    reachable = organisations_with_coordinators([o for group in invitees.values() for o in group])
    rows = [
        {
            "proposal": proposal,
            # An invitation goes to the organisation's coordinators: without one, it reaches
            # nobody until one is appointed. Editors see that before they approve.
            "invitees": [(o, o.pk in reachable) for o in invitees[proposal.pk]],
            "decline_form": invalid_form
            if invalid_form is not None and invalid_form.prefix == f"avsla-{proposal.pk}"
            else _decline_form(proposal),
        }
        for proposal in pending
    ]
    decided = (
        NetworkProposal.objects.exclude(status=NetworkProposal.Status.PENDING)
        .select_related("organisation", "decided_by", "network")
        .order_by("-decided_at", "-pk")[:20]
    )
    return TemplateResponse(
        request,
        "network/admin/coordinator_proposals.html",
        {"rows": rows, "decided": decided},
        status=400 if invalid_form is not None else 200,
    )


@permission_required(DECIDE_PROPOSALS)
@require_POST
def proposal_approve(request, pk):
    proposal = get_object_or_404(NetworkProposal, pk=pk)
    try:
        proposal = proposal_services.approve(proposal, by=request.user)
    except proposal_services.ProposalError as error:
        messages.error(request, str(error))
    else:
        network = proposal.network
        messages.success(
            request,
            format_html(
                _(
                    'Nätverket <a href="{url}">{name}</a> är skapat. '
                    "Inbjudna organisationer: {count}."
                ),
                url=network.get_absolute_url(),
                name=network.name,
                count=network.memberships.filter(status="invited").count(),
            ),
        )
    return redirect("network_admin:coordinator_proposals")


@permission_required(DECIDE_PROPOSALS)
@require_POST
def proposal_decline(request, pk):
    proposal = get_object_or_404(NetworkProposal, pk=pk)
    form = _decline_form(proposal, request.POST)
    if not form.is_valid():
        return coordinator_proposals(request, invalid_form=form)
    try:
        proposal_services.decline(proposal, by=request.user, reason=form.cleaned_data["reason"])
    except proposal_services.ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Förslaget ”%(name)s” är avslaget och kontaktpersonen har fått besked.")
            % {"name": proposal.name},
        )
    return redirect("network_admin:coordinator_proposals")
