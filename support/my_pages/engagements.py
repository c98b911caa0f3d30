"""Mina sidor: the organisation's engagements with the team, their next steps and what is
overdue, for every approved member (the team's editors see theirs in the admin)."""

from django.utils import timezone

from portal.accounts.my_pages import Panel

from ..models import Engagement
from ..services.access import organisation_of
from ..services.next_steps import open_steps


def engagements_panel(request):
    organisation = organisation_of(request.user)
    if organisation is None:
        return None
    found = list(
        Engagement.objects.filter(participants__organisation=organisation).order_by(
            "ended_on", "-starts_on"
        )
    )
    if not found:
        return None
    today = timezone.localdate()
    steps = list(open_steps([e.pk for e in found]).select_related("activity"))
    rows = [
        {
            "engagement": engagement,
            "next": [s for s in steps if s.engagement_id == engagement.pk][:3],
            "overdue": [s for s in steps if s.engagement_id == engagement.pk and s.due_on < today],
        }
        for engagement in found
    ]
    return Panel(
        order=31, template="support/engagements/my_pages_panel.html", context={"rows": rows}
    )


def personal_data(user):
    """What engagements hold about the person: where they are a contact person, the steps
    they marked done and the meetings they recorded."""
    from ..models import EngagementMeeting, EngagementOrganisation, NextStep

    return (
        "insatser",
        {
            "kontaktperson i": [
                f"{p.engagement.title} ({p.organisation.name})"
                for p in EngagementOrganisation.objects.filter(contact_persons=user).select_related(
                    "engagement", "organisation"
                )
            ],
            "steg markerade som klara": [
                {"insats": s.engagement.title, "steg": s.what, "klart": s.done_at.isoformat()}
                for s in NextStep.objects.filter(done_by=user).select_related("engagement")
            ],
            "möten införda": [
                {"insats": m.engagement.title, "datum": m.held_on.isoformat()}
                for m in EngagementMeeting.objects.filter(recorded_by=user).select_related(
                    "engagement"
                )
            ],
        },
    )
