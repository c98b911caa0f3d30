"""My organisation's networks and invitations on Mina sidor, and the data export."""

from portal.accounts.my_pages import Panel
from portal.accounts.roles import active_membership, is_coordinator_of

from .models import (
    DigestSubscription,
    NetworkLink,
    NetworkMembership,
    Post,
    PostReport,
    Thread,
)


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
        },
    )


def personal_data(user):
    """Everything the networks hold about the person: the threads they started, their
    posts, the posts they reported and why, the links and documents they shared, and the
    networks they get a digest from."""
    posts = Post.objects.filter(author=user).select_related("thread__network")
    threads = Thread.objects.filter(author=user).select_related("network")
    reports = PostReport.objects.filter(reporter=user).select_related("post__thread__network")
    digests = DigestSubscription.objects.filter(user=user).select_related("network")
    shared = NetworkLink.objects.filter(added_by=user).select_related("network", "document")
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
            "länkar och dokument du har lagt till": [
                {
                    "nätverk": item.network.name,
                    "rubrik": item.title,
                    "adress": item.url or None,
                    "fil": item.document.filename if item.document_id else None,
                    "tillagt": item.added_at.isoformat(),
                }
                for item in shared
            ],
            "sammanfattning per e-post": [
                {
                    "nätverk": d.network.name,
                    "vald": d.created_at.isoformat(),
                    "senast skickad": d.last_sent_at.isoformat() if d.last_sent_at else None,
                }
                for d in digests
            ],
        },
    )
