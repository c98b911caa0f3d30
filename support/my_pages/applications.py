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
