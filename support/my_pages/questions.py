"""Mina sidor: the person's questions to the team, their status and answers; and what the
questions hold about the person, for their data export."""

from portal.accounts.my_pages import Panel

from ..models import QuestionAnswerIndexPage
from ..services.access import organisation_of
from ..services.questions import questions_of


def questions_panel(request):
    """For an approved member: their questions, and where to ask one."""
    mine = list(questions_of(request.user)[:20])
    if organisation_of(request.user) is None and not mine:
        return None
    index = QuestionAnswerIndexPage.objects.live().public().first()
    return Panel(
        order=34,
        template="support/questions/my_pages_panel.html",
        context={"questions": mine, "answers_url": index.url if index else ""},
    )


def personal_data(user):
    return (
        "frågor till förstärkningsteamet",
        [
            {
                "ställd": question.created_at.isoformat(),
                "ämne": question.subject,
                "fråga": question.text,
                "status": str(question.get_status_display()),
                "svar": question.answer,
                "får publiceras": question.may_publish,
                "organisationen får visas": question.may_show_organisation,
            }
            for question in questions_of(user)
        ],
    )
