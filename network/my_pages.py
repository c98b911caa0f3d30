"""My organisation's networks and invitations on Mina sidor, and the data export."""

from portal.accounts.my_pages import Panel
from portal.accounts.roles import active_membership, is_coordinator_of

from .models import (
    DigestSubscription,
    Meeting,
    NetworkMembership,
    NetworkProposal,
    Post,
    PostReport,
    Thread,
)
from .services.networks.proposals import proposals_for


def networks_panel(request):
    membership = active_membership(request.user)
    if membership is None:
        return None
    memberships = (
        NetworkMembership.objects.filter(organisation=membership.organisation)
        .select_related("network")
        .exclude(status=NetworkMembership.Status.LEFT)
    )
    return Panel(
        order=28,
        template="network/my_pages/networks.html",
        context={
            "organisation": membership.organisation,
            "active": [m for m in memberships if m.status == "active"],
            "invited": [m for m in memberships if m.status == "invited"],
            "requested": [m for m in memberships if m.status == "requested"],
            "acts_for": is_coordinator_of(request.user, membership.organisation),
            "proposals": list(proposals_for(request.user)),
        },
    )


def personal_data(user):
    """Everything the networks hold about the person: the threads they started, their
    posts (when edited or deleted: only the present text is kept), the posts they
    reported and why, and what email they chose per network."""
    posts = Post.objects.filter(author=user).select_related("thread__network")
    threads = Thread.objects.filter(author=user).select_related("network")
    reports = PostReport.objects.filter(reporter=user).select_related("post__thread__network")
    digests = DigestSubscription.objects.filter(user=user).select_related("network")
    proposals = NetworkProposal.objects.filter(proposed_by=user).select_related("organisation")
    return (
        "nätverk",
        {
            "trådar du har startat": [
                {
                    "nätverk": t.network.name,
                    "rubrik": t.title,
                    "startad": t.created_at.isoformat(),
                }
                for t in threads
            ],
            "inlägg": [
                {
                    "nätverk": p.thread.network.name,
                    "tråd": p.thread.title,
                    "text": p.body,
                    "skrivet": p.created_at.isoformat(),
                    "redigerat": p.edited_at.isoformat() if p.edited_at else None,
                    "borttaget": p.deleted_at.isoformat() if p.deleted_at else None,
                    "dolt av en redaktör": p.hidden_at is not None,
                }
                for p in posts
            ],
            "inlägg du har anmält": [
                {
                    "nätverk": r.post.thread.network.name,
                    "tråd": r.post.thread.title,
                    "skäl": r.reason,
                    "anmält": r.created_at.isoformat(),
                }
                for r in reports
            ],
            "e-post om diskussionen": [
                {
                    "nätverk": d.network.name,
                    "val": d.get_mode_display(),
                    "vald": d.chosen_at.isoformat(),
                    "senast skickad": d.last_sent_at.isoformat() if d.last_sent_at else None,
                }
                for d in digests
            ],
            "nätverk du har föreslagit": [
                {
                    "namn": p.name,
                    "för organisationen": p.organisation.name,
                    "syfte": p.purpose,
                    "föreslaget": p.created_at.isoformat(),
                    "status": p.get_status_display(),
                    "skäl till avslaget": p.decline_reason,
                }
                for p in proposals
            ],
            "möten du har planerat": [
                {
                    "nätverk": m.network.name,
                    "rubrik": m.title,
                    "börjar": m.starts_at.isoformat(),
                    "planerat": m.created_at.isoformat(),
                }
                for m in Meeting.objects.filter(created_by=user).select_related("network")
            ],
        },
    )
