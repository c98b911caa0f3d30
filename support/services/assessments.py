"""Self-assessment (nulägesanalys): an organisation's members start one from a
questionnaire, fill it in together, mark it as completed and read the result.

An organisation has at most one draft per questionnaire: starting again opens it, also
when two colleagues press "Starta" at the same moment (the unique constraint decides, and
the one who lost opens the winner's draft). A completed assessment is never changed; a new
one can start from its answers, and its result is compared with the one before.

Starting and completing are logged. Answers are the organisation's, so only its members
and, once attached to a submitted application, the team read them (access.py)."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.models import GoodExamplePage, GuidancePage
from support.models import Answer, Question, Questionnaire, SelfAssessment
from support.models.assessments import Scale

from .access import can_use_self_assessments, organisation_of

STARTED = "support.self_assessment.started"
COMPLETED = "support.self_assessment.completed"

# A scale answer at or above STRENGTH is a strength, at or below GAP a gap.
STRENGTH = Scale.IN_PLACE
GAP = Scale.STARTED
# How many links to guidance and good examples a support area's result shows.
LINKS_PER_AREA = 3


class AssessmentError(Exception):
    """Something the person cannot do with the assessment; the message is for them."""


def active_questionnaires():
    return Questionnaire.objects.filter(is_active=True).select_related("support_area")


def assessments_of(organisation):
    """The organisation's assessments, newest first, with who started, changed, completed."""
    return SelfAssessment.objects.filter(organisation=organisation).select_related(
        "questionnaire", "started_by", "updated_by", "completed_by"
    )


def questions_of(questionnaire):
    return (
        Question.objects.filter(questionnaire=questionnaire)
        .select_related("support_area", "questionnaire__support_area")
        .order_by("sort_order", "pk")
    )


def draft_of(organisation, questionnaire):
    return SelfAssessment.objects.filter(
        organisation=organisation, questionnaire=questionnaire, status=SelfAssessment.Status.DRAFT
    ).first()


def latest_completed(organisation, questionnaire, before=None):
    """The organisation's last completed assessment of the questionnaire (before the given
    one, if any), or None."""
    completed = SelfAssessment.objects.filter(
        organisation=organisation,
        questionnaire=questionnaire,
        status=SelfAssessment.Status.COMPLETED,
    )
    if before is not None:
        completed = completed.filter(completed_at__lt=before.completed_at).exclude(pk=before.pk)
    return completed.order_by("-completed_at", "-pk").first()


def start(questionnaire, *, by, prefill=True):
    """Start an assessment for the person's organisation, or open its draft.

    Returns (assessment, created). With `prefill`, a new assessment starts from the
    answers of the organisation's last completed one of the same questionnaire."""
    organisation = organisation_of(by)
    if not can_use_self_assessments(by, organisation):
        raise PermissionError(_("Bara godkända medlemmar i en organisation gör nulägesanalyser."))
    existing = draft_of(organisation, questionnaire)
    if existing is not None:
        return existing, False
    if not questionnaire.is_active:
        raise AssessmentError(
            _("Formuläret ”%(title)s” är stängt för nya analyser.") % {"title": questionnaire}
        )
    now = timezone.now()
    try:
        with transaction.atomic():
            assessment = SelfAssessment.objects.create(
                organisation=organisation,
                questionnaire=questionnaire,
                started_by=by,
                updated_by=by,
                created_at=now,
                updated_at=now,
            )
            if prefill:
                _copy_answers(latest_completed(organisation, questionnaire), assessment, by)
            log(assessment, STARTED, user=by)
    except IntegrityError:
        # A colleague started the same draft a moment ago: open theirs.
        existing = draft_of(organisation, questionnaire)
        if existing is None:
            raise
        return existing, False
    return assessment, True


def _copy_answers(previous, assessment, by):
    if previous is None:
        return
    current = {q.pk: q for q in questions_of(assessment.questionnaire)}
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            question=current[answer.question_id],
            question_text=current[answer.question_id].text,
            support_area=current[answer.question_id].area,
            value=answer.value,
            dont_know=answer.dont_know,
            text=answer.text,
            updated_by=by,
        )
        for answer in previous.answers.all()
        if answer.question_id in current
    )


def answers_by_question(assessment):
    return {a.question_id: a for a in assessment.answers.all() if a.question_id is not None}


@transaction.atomic
def save_answers(assessment, answers, *, by):
    """Keep the draft's answers: `answers` maps each Question to (value, dont_know, text).

    Only answers that changed are written, each with who changed it; the assessment
    records who changed it last."""
    assessment = _lock_draft(assessment, by)
    existing = answers_by_question(assessment)
    now = timezone.now()
    for question, (value, dont_know, text) in answers.items():
        answer = existing.get(question.pk)
        if answer is None:
            if value is None and not dont_know and not text:
                continue
            answer = Answer(assessment=assessment, question=question)
        elif (answer.value, answer.dont_know, answer.text) == (value, dont_know, text):
            continue
        answer.question_text = question.text
        answer.support_area = question.area
        answer.value, answer.dont_know, answer.text = value, dont_know, text
        answer.updated_by, answer.updated_at = by, now
        answer.save()
    assessment.updated_by, assessment.updated_at = by, now
    assessment.save(update_fields=["updated_by", "updated_at"])
    return assessment


def unanswered_scale_questions(assessment):
    """The scale questions still without a value or "Vet inte"."""
    answered = {
        a.question_id
        for a in assessment.answers.all()
        if a.question_id is not None and (a.value is not None or a.dont_know)
    }
    return [
        q
        for q in questions_of(assessment.questionnaire)
        if q.kind == Question.Kind.SCALE and q.pk not in answered
    ]


@transaction.atomic
def complete(assessment, *, by):
    """Mark the draft as completed: every scale question needs a value or "Vet inte"."""
    assessment = _lock_draft(assessment, by)
    missing = unanswered_scale_questions(assessment)
    if missing:
        raise AssessmentError(
            _(
                "Analysen kan inte markeras som klar förrän alla frågor på skalan har ett "
                "svar eller ”Vet inte”. %(count)s frågor saknar svar."
            )
            % {"count": len(missing)}
        )
    now = timezone.now()
    assessment.status = SelfAssessment.Status.COMPLETED
    assessment.completed_by, assessment.completed_at = by, now
    assessment.updated_by, assessment.updated_at = by, now
    assessment.save(
        update_fields=["status", "completed_by", "completed_at", "updated_by", "updated_at"]
    )
    log(assessment, COMPLETED, user=by)
    return assessment


def _lock_draft(assessment, by):
    if not can_use_self_assessments(by, assessment.organisation):
        raise PermissionError(_("Analysen tillhör en annan organisation."))
    locked = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    if not locked.is_draft:
        raise AssessmentError(
            _("Analysen är redan markerad som klar och kan inte ändras. Gör en ny analys.")
        )
    return locked


# The result --------------------------------------------------------------------------


@dataclass
class AreaResult:
    """One support area of a completed assessment."""

    area: object  # SupportAreaPage or None (questions without an area)
    answers: list = field(default_factory=list)
    strengths: list = field(default_factory=list)
    gaps: list = field(default_factory=list)
    dont_know: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    average: float | None = None
    guidance: list = field(default_factory=list)
    examples: list = field(default_factory=list)
    previous_average: float | None = None
    change: str | None = None  # "higher", "lower", "same"; None without a comparison

    @property
    def level(self):
        """The label on the scale nearest to the average."""
        if self.average is None:
            return None
        return Scale(min(5, max(1, int(self.average + 0.5)))).label


@dataclass
class QuestionChange:
    text: str
    previous: object  # Answer
    current: object  # Answer
    change: str | None  # "higher", "lower", "same", None when not comparable


def _change(previous, current, tolerance=0.0):
    if previous is None or current is None:
        return None
    if current > previous + tolerance:
        return "higher"
    if current < previous - tolerance:
        return "lower"
    return "same"


def _is_text(answer):
    if answer.question is not None:
        return answer.question.kind == Question.Kind.TEXT
    return answer.value is None and not answer.dont_know  # its question has been removed


def _area_key(area):
    # Support areas in page-tree order; answers without an area last.
    return (area is None, area.path if area is not None else "")


def _group(answers):
    areas = {}
    for answer in answers:
        area = answer.support_area
        result = areas.setdefault(area.pk if area else None, AreaResult(area=area))
        result.answers.append(answer)
        if _is_text(answer):
            if answer.text:
                result.texts.append(answer)
        elif answer.dont_know:
            result.dont_know.append(answer)
        elif answer.value is not None:
            if answer.value >= STRENGTH:
                result.strengths.append(answer)
            elif answer.value <= GAP:
                result.gaps.append(answer)
    for result in areas.values():
        values = [a.value for a in result.answers if a.value is not None and not a.dont_know]
        result.average = sum(values) / len(values) if values else None
    return sorted(areas.values(), key=lambda r: _area_key(r.area))


def _ordered_answers(assessment):
    return assessment.answers.select_related("question", "support_area").order_by(
        "question__sort_order", "pk"
    )


def result(assessment):
    """Per support area: the average and its level, strengths, gaps, "Vet inte", the
    free-text answers, links to the area's guidance and good examples, and the change
    since the organisation's previous completed assessment of the questionnaire.

    Returns (areas, previous, question_changes)."""
    areas = _group(_ordered_answers(assessment))
    for area_result in areas:
        area = area_result.area
        if area is None:
            continue
        area_result.guidance = list(
            GuidancePage.objects.live().public().child_of(area).order_by("path")[:LINKS_PER_AREA]
        )
        area_result.examples = list(
            GoodExamplePage.objects.for_listing().filter(support_areas=area)[:LINKS_PER_AREA]
        )
    previous = None
    changes = []
    if not assessment.is_draft:
        previous = latest_completed(assessment.organisation, assessment.questionnaire, assessment)
    if previous is not None:
        before = {(r.area.pk if r.area else None): r for r in _group(_ordered_answers(previous))}
        for area_result in areas:
            earlier = before.get(area_result.area.pk if area_result.area else None)
            if earlier is not None:
                area_result.previous_average = earlier.average
                area_result.change = _change(earlier.average, area_result.average, 0.05)
        changes = _question_changes(previous, assessment)
    return areas, previous, changes


def _scale_value(answer):
    if answer is None or answer.dont_know:
        return None
    return answer.value


def _question_changes(previous, current):
    earlier = {a.question_id or a.question_text: a for a in previous.answers.all()}
    changes = []
    for answer in _ordered_answers(current):
        if _is_text(answer):
            continue
        before = earlier.get(answer.question_id or answer.question_text)
        if before is None:
            continue
        changes.append(
            QuestionChange(
                text=answer.question_text,
                previous=before,
                current=answer,
                change=_change(_scale_value(before), _scale_value(answer)),
            )
        )
    return changes
