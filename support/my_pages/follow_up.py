"""Follow-ups waiting for the organisation's answer, on Mina sidor."""

from portal.accounts.my_pages import Panel

from ..services.access import organisation_of
from ..services.follow_up import open_follow_ups_of


def follow_ups_panel(request):
    organisation = organisation_of(request.user)
    if organisation is None:
        return None
    follow_ups = list(open_follow_ups_of(organisation))
    if not follow_ups:
        return None
    return Panel(
        order=36,
        template="support/follow_up/my_pages_panel.html",
        context={"organisation": organisation, "follow_ups": follow_ups},
    )


def personal_data(user):
    """The follow-ups the person sent to the team for their organisation (the answers
    are the organisation's and stay with it)."""
    from ..models import EngagementFollowUp

    return (
        "uppföljningar av insatser",
        [
            {
                "insats": f.engagement.title,
                "för organisationen": f.organisation.name,
                "tillfälle": str(f.get_round_display()),
                "skickad till teamet av dig": f.answered_at.isoformat() if f.answered_at else None,
            }
            for f in EngagementFollowUp.objects.filter(answered_by=user).select_related(
                "engagement", "organisation"
            )
        ],
    )
