"""Mina sidor: the organisation's applications for support and their status, and the
invitations to apply together that wait for an answer."""

from portal.accounts.my_pages import Panel
from portal.accounts.roles import is_coordinator_of

from ..services import access, applications


def applications_panel(request):
    organisation = access.organisation_of(request.user)
    if organisation is None:
        return None
    waiting = list(applications.waiting_invitations(organisation))
    waiting_ids = {participant.application_id for participant in waiting}
    own = [a for a in applications.applications_of(organisation) if a.pk not in waiting_ids]
    can_apply = access.can_apply_for(request.user, organisation)
    if not own and not waiting and not can_apply:
        return None
    return Panel(
        order=34,
        template="support/applications/my_pages_panel.html",
        context={
            "organisation": organisation,
            "applications": own,
            "invitations": waiting,
            "can_apply": can_apply,
            "acts_for": is_coordinator_of(request.user, organisation),
        },
    )


def personal_data(user):
    """What the applications hold about the person: the applications they started or
    submitted, and the managers they asked to anchor one (when, not the manager's answer)."""
    from ..models import Anchoring, Application

    started = Application.objects.filter(created_by=user).select_related("lead", "round")
    submitted = Application.objects.filter(submitted_by=user).select_related("lead", "round")
    asked = Anchoring.objects.filter(requested_by=user).select_related(
        "participant__organisation", "participant__application__round"
    )
    return (
        "ansökningar om stöd",
        {
            "ansökningar du har påbörjat": [
                {
                    "sökande": a.lead.name,
                    "omgång": a.round.title,
                    "påbörjad": a.created_at.isoformat(),
                }
                for a in started
            ],
            "ansökningar du har skickat in": [
                {
                    "sökande": a.lead.name,
                    "omgång": a.round.title,
                    "inskickad": a.submitted_at.isoformat() if a.submitted_at else None,
                }
                for a in submitted
            ],
            "chefer du har bett om förankring": [
                {
                    "organisation": a.participant.organisation.name,
                    "omgång": a.participant.application.round.title,
                    "chef": f"{a.manager_name}, {a.manager_title}",
                    "e-post": a.manager_email,
                    "begärd": a.requested_at.isoformat(),
                }
                for a in asked
            ],
        },
    )
