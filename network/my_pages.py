"""My organisation's networks and invitations, and my municipality's contact person in the
team, on Mina sidor; and the data export."""

from portal.accounts.my_pages import Panel
from portal.accounts.roles import active_membership, is_coordinator_of

from .models import (
    ContactRequest,
    DigestSubscription,
    Meeting,
    NetworkLink,
    NetworkMembership,
    NetworkProposal,
    Post,
    PostReport,
    Thread,
)
from .services.contact import team_contact_for
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


def team_contact_panel(request):
    """For a person who acts for a municipality: who in the team to turn to."""
    membership = active_membership(request.user)
    if membership is None or membership.organisation.municipality is None:
        return None
    municipality = membership.organisation.municipality
    person = team_contact_for(municipality)
    return Panel(
        order=12,
        template="network/my_pages/team_contact.html",
        context={
            "municipality": municipality,
            "team_contact": person,
            "team_contact_name": person.get_full_name() if person else "",
            "can_reach_team": True,
        },
    )


def personal_data(user):
    """Everything the networks hold about the person: the threads they started, their
    posts (when edited or deleted: only the present text is kept), the posts they
    reported and why, what email they chose per network, the links and documents they
    shared, and the organisations they wrote to through the portal (when, not what)."""
    posts = Post.objects.filter(author=user).select_related("thread__network")
    threads = Thread.objects.filter(author=user).select_related("network")
    reports = PostReport.objects.filter(reporter=user).select_related("post__thread__network")
    digests = DigestSubscription.objects.filter(user=user).select_related("network")
    proposals = NetworkProposal.objects.filter(proposed_by=user).select_related("organisation")
    contacts = ContactRequest.objects.filter(sender=user).select_related(
        "recipient", "sender_organisation"
    )
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
            # That the person wrote, to whom and when: what they wrote is not kept.
            "kontakter via portalen": [
                {
                    "till": c.recipient.name,
                    "för": c.sender_organisation.name if c.sender_organisation else None,
                    "skickat": c.created_at.isoformat(),
                }
                for c in contacts
            ],
        },
    )
