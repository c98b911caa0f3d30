"""Questions to the team: asking, routing, taking, answering, publishing, and the figures.

- Any approved member asks, for their organisation, within a support area. Before they
  send it they see published answers to similar questions (`similar_answers`, through the
  search API by way of a hook: support sits below search).
- The team members chosen for the support area ("Svarare per stödområde") are emailed; an
  area without answerers goes to every editor. Until a question is taken, only its area's
  answerers see it among the questions to take; once taken (or answered) every editor may
  read it.
- One of them takes it: the row is locked and claimed with a conditional update, so two
  taking at once leave one owner, never two.
- The one who took it answers; the asker is emailed the answer and sees it on Mina sidor.
- With the asker's consent an editor publishes a rewritten version as a
  QuestionAnswerPage. Without consent nothing is published: this service refuses, and so
  does the page itself (QuestionAnswerPage.clean) whichever way it is saved.

Taking, answering and publishing are logged (wagtail.log_actions).
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Site

from portal import emails
from portal.accounts.roles import is_editor
from portal.privacy import find_personal_numbers
from portal.services.memberships import editors

from ..models import (
    QuestionAnswerIndexPage,
    QuestionAnswerPage,
    QuestionSettings,
    SupportAreaAnswerers,
    TeamQuestion,
)
from ..models.questions import SUBJECT_MAX_LENGTH, TEXT_MAX_LENGTH
from . import access

Status = TeamQuestion.Status
EDITOR_GROUPS = ["Editors", "Moderators"]


class QuestionError(Exception):
    """What cannot be done with a question; the message is for the person.
    `field` names the field it is about, when it is one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


# Who -----------------------------------------------------------------------------------


def team_members():
    """Active editors: the people who can be chosen to answer questions."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=EDITOR_GROUPS) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def answerers_for(support_area):
    """Who answers the area's questions: its chosen answerers who are still active
    editors, or else every editor (so that no question reaches nobody)."""
    chosen = []
    if support_area is not None:
        row = SupportAreaAnswerers.objects.filter(support_area=support_area).first()
        if row is not None:
            chosen = [user for user in row.answerers.filter(is_active=True) if is_editor(user)]
    return chosen or editors()


def areas_answered_by(user):
    """Pks of the support areas the person is chosen to answer for."""
    return set(
        SupportAreaAnswerers.objects.filter(answerers=user).values_list(
            "support_area_id", flat=True
        )
    )


def _areas_with_answerers():
    """Areas with at least one chosen answerer who is still an active team member (the
    others' questions go to every editor, as answerers_for sends them)."""
    return set(
        SupportAreaAnswerers.objects.filter(answerers__in=team_members()).values_list(
            "support_area_id", flat=True
        )
    )


def to_take_for(user):
    """Waiting questions the person may take: those of the areas they answer for, and
    those of areas nobody answers for (which go to every editor)."""
    if not is_editor(user):
        return TeamQuestion.objects.none()
    waiting = TeamQuestion.objects.filter(status=Status.WAITING)
    return waiting.filter(
        Q(support_area__in=areas_answered_by(user))
        | ~Q(support_area__in=_areas_with_answerers())
        | Q(support_area__isnull=True)
    ).select_related("organisation", "support_area")


def can_see_in_admin(user, question):
    """A waiting question is for its area's answerers; a taken or answered one for every
    editor (for follow-up and publishing)."""
    if not is_editor(user):
        return False
    if question.status != Status.WAITING:
        return True
    return to_take_for(user).filter(pk=question.pk).exists()


def questions_of(user):
    """The person's own questions, newest first."""
    if not user.is_authenticated:
        return TeamQuestion.objects.none()
    return (
        TeamQuestion.objects.filter(asked_by=user)
        .select_related("support_area", "published_page")
        .order_by("-created_at", "-pk")
    )


# Time ----------------------------------------------------------------------------------


def working_days_between(start, end):
    """Whole working days (Monday–Friday) from start to end. Swedish public holidays are
    not taken into account."""
    if end <= start:
        return 0
    start_day = timezone.localtime(start).date() if isinstance(start, datetime.datetime) else start
    end_day = timezone.localtime(end).date() if isinstance(end, datetime.datetime) else end
    days = 0
    day = start_day
    while day < end_day:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


def answer_goal():
    """The goal for how many working days a question may wait (QuestionSettings)."""
    return QuestionSettings.load().answer_goal_working_days


def waiting_days(question, now=None):
    """Working days the question has waited for its answer (until it was answered)."""
    end = question.answered_at or now or timezone.now()
    return working_days_between(question.created_at, end)


def is_overdue(question, goal, now=None):
    return not question.is_answered and waiting_days(question, now) > goal


# Asking --------------------------------------------------------------------------------


def similar_answers(text, limit=5):
    """Published answers to questions like this one: search hits (title, url, snippet)."""
    from ..search_documents import similar_answers as find

    return find(text, limit=limit)


def _check_text(fields):
    for field, value, limit in fields:
        if len(value) > limit:
            raise QuestionError(
                _("Texten är för lång: den får ha högst %(limit)s tecken.") % {"limit": limit},
                field,
            )
        if find_personal_numbers(value):
            raise QuestionError(
                _("Texten innehåller något som ser ut som ett personnummer."), field
            )


@transaction.atomic
def ask(
    *,
    by,
    subject,
    text,
    support_area,
    method=None,
    target_group=None,
    may_publish=False,
    may_show_organisation=False,
):
    """A member asks the team; the area's answerers are emailed."""
    organisation = access.organisation_of(by)
    if organisation is None:
        raise PermissionError(_("Bara den som är godkänd för en organisation kan ställa frågor."))
    subject, text = subject.strip(), text.strip()
    if not subject:
        raise QuestionError(_("Skriv ett ämne."), "subject")
    if not text:
        raise QuestionError(_("Skriv din fråga."), "text")
    if support_area is None:
        raise QuestionError(_("Välj ett stödområde."), "support_area")
    _check_text([("subject", subject, SUBJECT_MAX_LENGTH), ("text", text, TEXT_MAX_LENGTH)])
    question = TeamQuestion.objects.create(
        asked_by=by,
        organisation=organisation,
        subject=subject,
        text=text,
        support_area=support_area,
        method=method,
        target_group=target_group,
        may_publish=may_publish,
        may_show_organisation=may_publish and may_show_organisation,
    )
    log(question, "support.question.asked", user=by)
    emails.send(
        "support/emails/question_new",
        [person.email for person in answerers_for(support_area)],
        {
            "question": question,
            "url": emails.absolute_url(
                reverse("support_questions_admin:detail", args=[question.pk])
            ),
        },
    )
    return question


# Taking and answering ------------------------------------------------------------------


@transaction.atomic
def take(question, *, by):
    """The person takes the question to answer it. Two at once: one wins, the other gets
    QuestionError."""
    if not is_editor(by):
        raise PermissionError(_("Bara förstärkningsteamet tar frågor."))
    locked = TeamQuestion.objects.select_for_update().get(pk=question.pk)
    if locked.status == Status.WAITING and not to_take_for(by).filter(pk=locked.pk).exists():
        raise PermissionError(_("Frågan hör till ett stödområde som du inte svarar för."))
    claimed = TeamQuestion.objects.filter(pk=locked.pk, status=Status.WAITING).update(
        status=Status.TAKEN, assigned_to=by, taken_at=timezone.now()
    )
    locked.refresh_from_db()
    if not claimed:
        taker = locked.assigned_to
        raise QuestionError(
            _("Frågan är redan tagen av %(name)s.")
            % {"name": taker.get_full_name() or taker.email if taker else _("någon annan")}
        )
    log(locked, "support.question.taken", user=by)
    return locked


@transaction.atomic
def answer(question, *, by, text):
    """The one who took the question answers it; the asker is emailed the answer."""
    locked = TeamQuestion.objects.select_for_update().get(pk=question.pk)
    if locked.status != Status.TAKEN or locked.assigned_to_id != by.pk:
        raise QuestionError(_("Bara den som har tagit frågan kan besvara den."))
    text = text.strip()
    if not text:
        raise QuestionError(_("Skriv ett svar."), "answer")
    _check_text([("answer", text, TEXT_MAX_LENGTH)])
    locked.answer = text
    locked.answered_by = by
    locked.answered_at = timezone.now()
    locked.status = Status.ANSWERED
    locked.save(update_fields=["answer", "answered_by", "answered_at", "status"])
    log(locked, "support.question.answered", user=by)
    if locked.asked_by is not None and locked.asked_by.is_active:
        emails.send(
            "support/emails/question_answered",
            [locked.asked_by.email],
            {
                "question": locked,
                "url": emails.absolute_url(reverse("support:question_detail", args=[locked.pk])),
            },
        )
    return locked


# Publishing ----------------------------------------------------------------------------


def answers_index():
    """The "Frågor och svar" page, made under the default site's home page if missing."""
    index = QuestionAnswerIndexPage.objects.first()
    if index is None:
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(
            instance=QuestionAnswerIndexPage(
                title=_("Frågor och svar"),
                slug="fragor-och-svar",
                intro=_("Frågor som kommuner har ställt till förstärkningsteamet, och svaren."),
            )
        )
    return index


def can_publish(question):
    return question.is_answered and question.may_publish and question.published_page_id is None


@transaction.atomic
def publish(question, *, by, title, question_text, answer_text):
    """Publish the editor's rewritten question and answer as a QuestionAnswerPage.
    Refused without the asker's consent."""
    if not is_editor(by):
        raise PermissionError(_("Bara förstärkningsteamet publicerar frågor och svar."))
    locked = TeamQuestion.objects.select_for_update().get(pk=question.pk)
    if not locked.may_publish:
        raise QuestionError(
            _("Frågeställaren har inte gett sitt samtycke till att frågan publiceras.")
        )
    if not locked.is_answered:
        raise QuestionError(_("Frågan är inte besvarad ännu."))
    if locked.published_page_id is not None:
        raise QuestionError(_("Frågan är redan publicerad."))
    title, question_text, answer_text = title.strip(), question_text.strip(), answer_text.strip()
    _check_text(
        [
            ("title", title, 255),
            ("question_text", question_text, TEXT_MAX_LENGTH),
            ("answer_text", answer_text, TEXT_MAX_LENGTH),
        ]
    )
    index = answers_index()
    page = index.add_child(
        instance=QuestionAnswerPage(
            title=title,
            slug=_unique_slug(index, title),
            question=question_text,
            answer=answer_text,
            support_area=locked.support_area,
            method=locked.method,
            target_group=locked.target_group,
            source_question=locked,
            live=False,
        )
    )
    page.save_revision(user=by).publish(user=by)
    locked.published_page = page
    locked.save(update_fields=["published_page"])
    log(locked, "support.question.published", user=by, data={"page": page.pk})
    return page


def _unique_slug(parent, title):
    base = slugify(title)[:70] or "fraga"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


# Figures -------------------------------------------------------------------------------


def statistics():
    """[{area, month, asked, answered, average_days, overdue}] per support area and month
    asked, newest month first; times to answer in working days."""
    goal = answer_goal()
    groups = defaultdict(list)
    for question in TeamQuestion.objects.select_related("support_area"):
        month = timezone.localtime(question.created_at).strftime("%Y-%m")
        area = question.support_area.title if question.support_area else _("Inget stödområde")
        groups[(month, area)].append(question)
    rows = []
    for (month, area), questions in groups.items():
        answered = [q for q in questions if q.is_answered]
        days = [waiting_days(q) for q in answered]
        rows.append(
            {
                "month": month,
                "area": area,
                "asked": len(questions),
                "answered": len(answered),
                "average_days": round(sum(days) / len(days), 1) if days else None,
                "overdue": sum(1 for q in questions if is_overdue(q, goal)),
            }
        )
    return sorted(rows, key=lambda row: (row["month"], row["area"]), reverse=True)
