"""My municipality's networks and invitations on Mina sidor, and the data export."""

from portal.accounts.my_pages import Panel
from portal.accounts.roles import active_membership, is_coordinator_of

from .models import NetworkMembership, Post


def networks_panel(request):
    membership = active_membership(request.user)
    if membership is None:
        return None
    memberships = (
        NetworkMembership.objects.filter(municipality=membership.municipality)
        .select_related("network")
        .exclude(status=NetworkMembership.Status.LEFT)
    )
    return Panel(
        order=28,
        template="network/my_pages/networks.html",
        context={
            "municipality": membership.municipality,
            "active": [m for m in memberships if m.status == "active"],
            "invited": [m for m in memberships if m.status == "invited"],
            "requested": [m for m in memberships if m.status == "requested"],
            "acts_for": is_coordinator_of(request.user, membership.municipality),
        },
    )


def personal_data(user):
    return (
        "inlägg i nätverk",
        [
            {
                "nätverk": p.thread.network.name,
                "tråd": p.thread.title,
                "text": p.body,
                "skrivet": p.created_at.isoformat(),
            }
            for p in Post.objects.filter(author=user).select_related("thread__network")
        ],
    )
