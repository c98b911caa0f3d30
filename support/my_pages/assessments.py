"""The organisation's self-assessments on Mina sidor: drafts and completed, with links."""

from portal.accounts.my_pages import Panel

from ..services.access import can_use_self_assessments, organisation_of
from ..services.assessments import assessments_of


def assessments_panel(request):
    organisation = organisation_of(request.user)
    if not can_use_self_assessments(request.user, organisation):
        return None
    own = list(assessments_of(organisation))
    return Panel(
        order=34,
        template="support/my_pages/assessments.html",
        context={
            "organisation": organisation,
            "drafts": [a for a in own if a.is_draft],
            "completed": [a for a in own if not a.is_draft],
        },
    )
