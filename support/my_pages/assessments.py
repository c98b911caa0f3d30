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


def personal_data(user):
    """What the self-assessments hold about the person: the ones they started or marked
    as completed, and the answers they changed last (with what they wrote). The
    assessments themselves are their organisation's and stay with it."""
    from django.db.models import Q

    from ..models import Answer, SelfAssessment

    assessments = SelfAssessment.objects.filter(
        Q(started_by=user) | Q(completed_by=user)
    ).select_related("questionnaire", "organisation")
    answers = Answer.objects.filter(updated_by=user).select_related(
        "assessment__questionnaire", "assessment__organisation"
    )
    return (
        "nulägesanalyser",
        {
            "analyser du har påbörjat eller markerat som klara": [
                {
                    "formulär": a.questionnaire.title,
                    "för organisationen": a.organisation.name,
                    "påbörjad av dig": a.started_by_id == user.pk,
                    "markerad som klar av dig": a.completed_by_id == user.pk,
                    "påbörjad": a.created_at.isoformat(),
                    "klar": a.completed_at.isoformat() if a.completed_at else None,
                }
                for a in assessments
            ],
            "svar du ändrade senast": [
                {
                    "formulär": answer.assessment.questionnaire.title,
                    "för organisationen": answer.assessment.organisation.name,
                    "fråga": answer.question_text,
                    "svar": "Vet inte" if answer.dont_know else answer.get_value_display(),
                    "text": answer.text,
                    "ändrat": answer.updated_at.isoformat(),
                }
                for answer in answers
            ],
        },
    )
