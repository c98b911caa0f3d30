"""The network directory, a network's page and its membership actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.roles import active_membership, is_coordinator_of

from ..forms import EmailChoiceForm, ThreadForm
from ..models import Network, NetworkMembership
from ..services import networks as network_services
from ..services.maps import sweden_map
from ..services.networks import meetings as meeting_services


def network_list(request):
    networks = Network.objects.select_related("challenge").order_by("name")
    return render(request, "network/network_list.html", {"networks": networks})


def network_detail(request, slug):
    network = get_object_or_404(Network.objects.select_related("challenge"), slug=slug)
    access = network_services.network_access(request.user, network)
    members_by_kind = network_services.members_by_kind(network)
    # The map shows municipalities; the other members are in the list beside it.
    municipalities = [
        m.organisation.municipality
        for _label, group in members_by_kind
        for m in group
        if m.organisation.municipality_id
    ]
    context = {
        "network": network,
        "members_by_kind": members_by_kind,
        "map": sweden_map(
            [m.pk for m in municipalities],
            title=_("Karta över nätverkets kommuner"),
            label=_("Nätverkets kommuner: %(names)s")
            % {"names": ", ".join(m.name for m in municipalities) or _("inga ännu")},
        ),
        "meetings": network.meetings.live()
        .filter(occasions__sessions__ends_at__gte=timezone.now())
        .prefetch_related("occasions__sessions")
        .distinct()
        .order_by("registration_closes"),
        "links": (
            _workspace_items(request.user, network, access.coordinates)
            if access.reads_discussion
            else []
        ),
        "readable": access.reads_discussion,
        "threads": network.threads.select_related("author") if access.reads_discussion else [],
        "thread_form": ThreadForm(),
        "own_membership": access.own_membership,
        "acts_for": access.acts_for,
        "coordinates": access.coordinates,
        "requests": network.memberships.filter(status="requested").select_related("organisation"),
        "email_form": EmailChoiceForm(
            initial={"mode": network_services.email_choice(request.user, network)}
        )
        if access.reads_discussion
        else None,
        **meeting_services.summary_for(request.user, network),
    }
    return render(request, "network/network_detail.html", context)


def _workspace_items(user, network, coordinates):
    """The network's links and documents, each saying whether the person may remove it
    (as `workspace.can_remove` decides: its author, the coordinators and editors)."""
    items = list(network.links.select_related("document", "added_by"))
    for item in items:
        item.removable = coordinates or item.added_by_id == user.pk
    return items


def _network_action(request, slug, action):
    network = get_object_or_404(Network, slug=slug)
    try:
        action(network)
    except network_services.NetworkError as error:
        messages.error(request, str(error))
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    return redirect(network.get_absolute_url())


def _acting_organisation(request):
    membership = active_membership(request.user)
    if membership is None:
        raise PermissionDenied
    return membership.organisation


@login_required
@require_POST
def network_join(request, slug):
    def act(network):
        membership = network_services.join(network, _acting_organisation(request), by=request.user)
        if membership.status == NetworkMembership.Status.ACTIVE:
            messages.success(request, _("Välkomna till nätverket!"))
        else:
            messages.success(request, _("Ansökan är skickad till nätverkets samordnare."))

    return _network_action(request, slug, act)


@login_required
def network_leave(request, slug):
    """A confirmation page first (leaving takes the whole organisation out, and gives up
    coordinating the network if it did), then the POST that leaves."""
    if request.method != "POST":
        network = get_object_or_404(Network, slug=slug)
        organisation = _acting_organisation(request)
        if not is_coordinator_of(request.user, organisation):
            raise PermissionDenied(_("Bara organisationens kontaktperson kan göra det här."))
        if not network.has_active_member(organisation):
            messages.error(request, _("%(name)s är inte med i nätverket.") % {"name": organisation})
            return redirect(network.get_absolute_url())
        context = {
            "network": network,
            "organisation": organisation,
            "coordinates": network.coordinator_organisation_id == organisation.pk,
        }
        return render(request, "network/network_leave.html", context)

    def act(network):
        network_services.leave(network, _acting_organisation(request), by=request.user)
        messages.success(request, _("Er organisation har lämnat nätverket."))

    return _network_action(request, slug, act)


@login_required
@require_POST
def network_accept(request, slug, pk):
    def act(network):
        membership = get_object_or_404(NetworkMembership, pk=pk, network=network)
        network_services.accept_request(membership, by=request.user)
        messages.success(
            request, _("%(name)s är med i nätverket.") % {"name": membership.organisation}
        )

    return _network_action(request, slug, act)
