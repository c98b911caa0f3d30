"""What the questions to the team make searchable (registered with search in
wagtail_hooks.py): the published question-and-answer pages. A page's document holds the
question, the answer, its support area, method and target group, and the asker's
organisation only where they agreed to show it.

`similar_answers` asks search for published answers like a question being written. Support
sits below search and may not import its API, so search answers through the
SIMILAR_DOCUMENTS_HOOK it registers itself (search/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _

from portal.models import Method, SupportAreaPage, TargetGroup
from search.registry import Document, PageKind, find_similar, page_key, page_keys, page_url, text

from .models import QuestionAnswerPage, TeamQuestion

KIND = "question"


def question_answer_document(page):
    area = page.support_area
    return Document(
        page_key(page),
        KIND,
        page.title,
        text(
            page.question,
            page.answer,
            area.title if area and area.live else "",
            page.method.name if page.method_id else "",
            page.target_group.name if page.target_group_id else "",
            page.organisation_name,
        ),
        page_url(page),
        support_areas=[area.slug] if area else [],
        methods=[page.method.slug] if page.method_id else [],
        target_groups=[page.target_group.slug] if page.target_group_id else [],
        year=page.first_published_at.year if page.first_published_at else None,
        date=page.last_published_at,
    )


def search_documents():
    return [
        PageKind(
            KIND,
            _("Fråga och svar"),
            QuestionAnswerPage,
            question_answer_document,
            depends_on={
                SupportAreaPage: lambda area: page_keys(area.question_answers.all()),
                Method: lambda method: page_keys(method.question_answers.all()),
                TargetGroup: lambda group: page_keys(group.question_answers.all()),
                # The consent to show the organisation lives on the question.
                TeamQuestion: lambda question: page_keys(
                    QuestionAnswerPage.objects.filter(source_question=question)
                ),
            },
        )
    ]


def similar_answers(query, limit=5):
    """Search hits (title, url, snippet_html) of published answers like the query."""
    return find_similar(query, kind=KIND, limit=limit)
