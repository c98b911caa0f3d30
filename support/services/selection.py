"""The team's selection among a round's applications: the facts side by side, the grades
per criterion, the capacity, and the decision the applicants are told.

- Only submitted applications are assessed and decided; drafts and withdrawn ones are
  never shown to the team.
- An assessment is one grade (1–5) and a short note per criterion. Every save that
  changes something is logged; grades and notes are for the team only and never leave
  the admin (no email, no page an applicant reads).
- The capacity is counted in municipalities: "Beviljade: N av 5 kommuner" counts the
  distinct municipalities of the granted applications' participants. Granting beyond it
  is allowed (the team decides), but the editor is warned before and after.
- A decision (granted or not granted) needs reasons, which the applicants are emailed:
  the coordinators of every participating organisation and the person who created the
  application. The row is locked and claimed with a conditional update on the status the
  editor saw, so two editors deciding at once make one decision and the other is told.
- A decision is final for the applicants, but an editor can correct it (a mistake, new
  facts): the correction needs new reasons, is logged as a change with the earlier
  outcome, and the applicants are emailed again with the corrected decision.
"""

from dataclasses import dataclass, field
from statistics import mean

from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import MunicipalityProfile
from portal import emails
from portal.accounts.roles import active_membership, is_editor
from portal.privacy import find_personal_numbers
from portal.services.memberships import coordinators_of

from ..models import (
    Anchoring,
    Application,
    ApplicationAssessment,
    ApplicationParticipant,
    AssessmentCriterion,
)
from ..models.assessments import Scale

Status = Application.Status

# Support from the team lasts at most this long (Ds 2025:19, 6.5.4).
SUPPORT_YEARS = 2

# What the team sees: submitted and decided applications, never drafts or withdrawn ones.
VISIBLE_STATUSES = (Status.SUBMITTED, Status.GRANTED, Status.DECLINED)

ASSESSED = "support.application.assessed"
GRANTED = "support.application.granted"
DECLINED = "support.application.declined"
DECISION_CHANGED = "support.application.decision_changed"


class SelectionError(Exception):
    """An assessment or decision that cannot be made; the message is for the editor."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


# The facts ---------------------------------------------------------------------------


@dataclass
class EarlierSupport:
    """Support an organisation has had from the team before: as a pilot municipality, or
    through an application granted earlier."""

    label: str
    started: int  # the year it started
    ends_by: int  # the year it ends at the latest (the two-year limit)

    @property
    def is_ongoing(self):
        return self.ends_by >= timezone.localdate().year

    def __str__(self):
        return _("%(label)s – högst två år, till och med %(year)s") % {
            "label": self.label,
            "year": self.ends_by,
        }


@dataclass
class ParticipantFacts:
    participant: ApplicationParticipant
    municipality: object  # organisations.Municipality or None
    has_vulnerable_areas: bool
    earlier_support: list
    anchoring: Anchoring | None

    @property
    def organisation(self):
        return self.participant.organisation


@dataclass
class ApplicationFacts:
    application: Application
    participants: list
    grades: list  # [(criterion, assessment or None)] in the round's order
    activities: list = field(default_factory=list)

    @property
    def lead(self):
        return next((p for p in self.participants if p.participant.is_lead), None)

    @property
    def co_applicants(self):
        return [p for p in self.participants if not p.participant.is_lead]

    @property
    def municipalities(self):
        return [p.municipality for p in self.participants if p.municipality is not None]

    @property
    def population(self):
        return sum(m.population for m in self.municipalities)

    @property
    def counties(self):
        return sorted({m.county.name for m in self.municipalities})

    @property
    def applies_with_others(self):
        return self.application.network_id is not None or len(self.participants) > 1

    @property
    def has_vulnerable_areas(self):
        return any(p.has_vulnerable_areas for p in self.participants)

    @property
    def given_grades(self):
        return [a.grade for _c, a in self.grades if a is not None and a.grade is not None]

    @property
    def grade_sum(self):
        return sum(self.given_grades)

    @property
    def grade_average(self):
        grades = self.given_grades
        return round(mean(grades), 1) if grades else None

    @property
    def is_fully_assessed(self):
        return bool(self.grades) and len(self.given_grades) == len(self.grades)


def visible_applications(application_round):
    return (
        Application.objects.filter(round=application_round, status__in=VISIBLE_STATUSES)
        .select_related("lead", "network", "round", "decided_by")
        .prefetch_related(
            "activities",
            Prefetch(
                "participants",
                queryset=ApplicationParticipant.objects.exclude(
                    status=ApplicationParticipant.Status.DECLINED
                ).select_related("organisation__municipality__county"),
            ),
            Prefetch(
                "assessments",
                queryset=ApplicationAssessment.objects.select_related("criterion", "assessed_by"),
            ),
        )
        .order_by("submitted_at", "pk")
    )


def get_visible_application(pk):
    """The application, if the team may see it; else Application.DoesNotExist."""
    return (
        Application.objects.filter(status__in=VISIBLE_STATUSES)
        .select_related("round", "lead", "network", "decided_by", "self_assessment")
        .get(pk=pk)
    )


def _vulnerable(municipalities):
    return set(
        MunicipalityProfile.objects.filter(
            municipality__in=municipalities, has_vulnerable_areas=True
        ).values_list("municipality_id", flat=True)
    )


def _add_years(year, years=SUPPORT_YEARS):
    # Support that starts in a year runs through the next: 2024 → 2025 at the latest.
    return year + years - 1


def earlier_support(organisations, application):
    """{organisation pk: [EarlierSupport, ...]}: the pilot years of their municipalities
    and the applications of theirs granted in earlier rounds (by the rounds' deadlines)."""
    found = {o.pk: [] for o in organisations}
    for organisation in organisations:
        municipality = organisation.municipality
        if municipality is not None and municipality.pilot_year:
            found[organisation.pk].append(
                EarlierSupport(
                    label=_("pilotkommun från %(year)s") % {"year": municipality.pilot_year},
                    started=municipality.pilot_year,
                    ends_by=_add_years(municipality.pilot_year),
                )
            )
    granted = (
        ApplicationParticipant.objects.filter(
            organisation__in=organisations,
            application__status=Status.GRANTED,
        )
        .exclude(application__round=application.round_id)
        .filter(application__round__deadline__lt=application.round.deadline)
        .exclude(status=ApplicationParticipant.Status.DECLINED)
        .select_related("application__round")
        .order_by("application__decided_at")
    )
    for participation in granted:
        earlier = participation.application
        decided = timezone.localtime(earlier.decided_at) if earlier.decided_at else None
        year = decided.year if decided else earlier.round.deadline.year
        found[participation.organisation_id].append(
            EarlierSupport(
                label=_("beviljat i %(round)s, beslut %(date)s")
                % {
                    "round": earlier.round.title,
                    "date": decided.date().isoformat() if decided else "–",
                },
                started=year,
                ends_by=_add_years(year),
            )
        )
    return found


def _confirmed_anchorings(participants):
    return {
        a.participant_id: a
        for a in Anchoring.objects.filter(
            participant__in=participants, status=Anchoring.Status.CONFIRMED
        )
    }


def facts_for(applications):
    """ApplicationFacts for each application, in the same order."""
    applications = list(applications)
    participants = [p for a in applications for p in a.participants.all()]
    municipalities = [
        p.organisation.municipality for p in participants if p.organisation.municipality_id
    ]
    vulnerable = _vulnerable(municipalities)
    anchorings = _confirmed_anchorings(participants)
    # Earlier support and the criteria depend on the round only: one query each per round,
    # not per application (the round's screen lists all of its applications).
    support, criteria_of = {}, {}
    for application in applications:
        if application.round_id not in criteria_of:
            in_round = [a for a in applications if a.round_id == application.round_id]
            organisations = [p.organisation for a in in_round for p in a.participants.all()]
            for pk, found in earlier_support(organisations, application).items():
                support[application.round_id, pk] = found
            criteria_of[application.round_id] = list(application.round.criteria.all())
    result = []
    for application in applications:
        criteria = criteria_of[application.round_id]
        by_criterion = {a.criterion_id: a for a in application.assessments.all()}
        result.append(
            ApplicationFacts(
                application=application,
                participants=[
                    ParticipantFacts(
                        participant=p,
                        municipality=p.organisation.municipality,
                        has_vulnerable_areas=p.organisation.municipality_id in vulnerable,
                        earlier_support=support[application.round_id, p.organisation_id],
                        anchoring=anchorings.get(p.pk),
                    )
                    for p in application.participants.all()
                ],
                grades=[(c, by_criterion.get(c.pk)) for c in criteria],
                activities=list(application.activities.all()),
            )
        )
    return result


def application_facts(application):
    [facts] = facts_for(
        Application.objects.filter(pk=application.pk).prefetch_related(
            "activities",
            Prefetch(
                "participants",
                queryset=ApplicationParticipant.objects.exclude(
                    status=ApplicationParticipant.Status.DECLINED
                ).select_related("organisation__municipality__county"),
            ),
            Prefetch(
                "assessments",
                queryset=ApplicationAssessment.objects.select_related("criterion", "assessed_by"),
            ),
        )
    )
    return facts


@dataclass
class AreaLevel:
    area: str
    average: float
    label: str
    answered: int


def self_assessment_summary(self_assessment):
    """Per support area: the average of the scale answers and the step of the scale it
    rounds to. Free-text answers are shown as they are, by the template."""
    if self_assessment is None:
        return []
    by_area = {}
    for answer in self_assessment.answers.select_related("support_area").order_by("pk"):
        if answer.value is None:
            continue
        name = answer.support_area.title if answer.support_area else _("Övrigt")
        by_area.setdefault(name, []).append(answer.value)
    labels = dict(Scale.choices)
    return [
        AreaLevel(
            area=name,
            average=round(mean(values), 1),
            label=labels[max(1, min(5, round(mean(values))))],
            answered=len(values),
        )
        for name, values in by_area.items()
    ]


# Capacity ----------------------------------------------------------------------------


def _municipality_ids(applications):
    return set(
        ApplicationParticipant.objects.filter(
            application__in=applications, organisation__municipality__isnull=False
        )
        .exclude(status=ApplicationParticipant.Status.DECLINED)
        .values_list("organisation__municipality_id", flat=True)
    )


def granted_municipalities(application_round):
    """The number of municipalities in the round's granted applications."""
    return len(
        _municipality_ids(
            Application.objects.filter(round=application_round, status=Status.GRANTED)
        )
    )


def would_exceed_capacity(application):
    """True if granting the application takes the round past its capacity."""
    granted = _municipality_ids(
        Application.objects.filter(round=application.round_id, status=Status.GRANTED)
    )
    together = granted | _municipality_ids(Application.objects.filter(pk=application.pk))
    return len(together) > application.round.capacity


# Assessments -------------------------------------------------------------------------


def _check_text(text, field_name):
    if find_personal_numbers(text):
        raise SelectionError(
            _("Texten innehåller något som ser ut som ett personnummer."), field_name
        )


def _require_editor(user):
    if not is_editor(user):
        raise PermissionError(_("Bara förstärkningsteamets redaktörer bedömer ansökningar."))


@transaction.atomic
def save_assessment(application, criterion, *, grade, note, by):
    """Save the editor's grade and note for one criterion; logged when something changed.
    Returns the assessment, or None when there was nothing to save."""
    _require_editor(by)
    if application.status not in VISIBLE_STATUSES:
        raise SelectionError(_("Bara inskickade ansökningar kan bedömas."))
    if criterion.round_id != application.round_id:
        raise SelectionError(_("Bedömningsgrunden hör till en annan ansökningsomgång."))
    note = (note or "").strip()
    _check_text(note, "note")
    assessment = ApplicationAssessment.objects.filter(
        application=application, criterion=criterion
    ).first()
    if assessment is None:
        if grade is None and not note:
            return None
        assessment = ApplicationAssessment(application=application, criterion=criterion)
    elif assessment.grade == grade and assessment.note == note:
        return assessment
    assessment.grade = grade
    assessment.note = note
    assessment.assessed_by = by
    assessment.updated_at = timezone.now()
    assessment.save()
    # The log names the criterion and the grade, not the note: the note stays on its row.
    log(
        application,
        ASSESSED,
        user=by,
        data={"criterion": criterion.title, "grade": grade},
    )
    return assessment


# Decisions ---------------------------------------------------------------------------


def recipients(application):
    """Whom a decision is told to: the coordinators of every participating organisation
    and the person who created the application, while a member of one of them."""
    people = []
    organisations = set()
    for participant in application.participants.exclude(
        status=ApplicationParticipant.Status.DECLINED
    ).select_related("organisation"):
        organisations.add(participant.organisation_id)
        people.extend(coordinators_of(participant.organisation))
    creator = application.created_by
    # The creator only while they still act for one of the applying organisations.
    if creator is not None and creator.is_active:
        membership = active_membership(creator)
        if membership is not None and membership.organisation_id in organisations:
            people.append(creator)
    return people


def _notify(application, corrected):
    template = (
        "support/emails/decision_granted"
        if application.status == Status.GRANTED
        else "support/emails/decision_declined"
    )
    organisations = [
        p.organisation
        for p in application.participants.exclude(
            status=ApplicationParticipant.Status.DECLINED
        ).select_related("organisation")
    ]
    return emails.send(
        template,
        [person.email for person in recipients(application)],
        {
            "application": application,
            "round": application.round,
            "organisations": organisations,
            "reasons": application.decision_reasons,
            "corrected": corrected,
            "url": emails.absolute_url(reverse("accounts:my_pages")),
        },
    )


@transaction.atomic
def decide(application, *, granted, reasons, by, seen_status=Status.SUBMITTED):
    """Grant the application or not, with reasons, and tell the applicants.

    `seen_status` is the status the editor saw when deciding: SUBMITTED for a first
    decision, GRANTED or DECLINED to correct one. If the application has changed since,
    nothing is decided and SelectionError says what happened. Returns the application."""
    _require_editor(by)
    reasons = (reasons or "").strip()
    if not reasons:
        raise SelectionError(_("Skriv skälen för beslutet. De skickas till de sökande."), "reasons")
    _check_text(reasons, "reasons")
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status not in VISIBLE_STATUSES:
        raise SelectionError(_("Ansökan är inte inskickad och kan inte beslutas."))
    if locked.status != seen_status:
        raise SelectionError(
            _(
                "Ansökan har redan beslutats av någon annan (%(status)s) medan du bedömde "
                "den. Läs beslutet nedan; vill du ändra det, gör det som en rättelse."
            )
            % {"status": locked.get_status_display().lower()}
        )
    corrected = locked.is_decided
    if corrected and reasons == locked.decision_reasons.strip():
        raise SelectionError(
            _("Skriv nya skäl för att ändra beslutet: varför det rättas."), "reasons"
        )
    previous = locked.get_status_display()
    status = Status.GRANTED if granted else Status.DECLINED
    now = timezone.now()
    claimed = Application.objects.filter(pk=locked.pk, status=seen_status).update(
        status=status, decision_reasons=reasons, decided_by=by, decided_at=now, updated_at=now
    )
    if not claimed:
        raise SelectionError(_("Ansökan har redan beslutats av någon annan. Ladda om sidan."))
    locked.refresh_from_db()
    if corrected:
        log(
            locked,
            DECISION_CHANGED,
            user=by,
            data={"from": str(previous), "to": str(locked.get_status_display())},
        )
    else:
        log(locked, GRANTED if granted else DECLINED, user=by)
    _notify(locked, corrected)
    return locked


def criteria_with_assessments(application_round):
    """The round's criteria that have been used in an assessment: removing one removes
    its grades too, so the round's form warns about them."""
    return list(
        AssessmentCriterion.objects.filter(round=application_round, assessments__isnull=False)
        .distinct()
        .order_by("sort_order")
    )
