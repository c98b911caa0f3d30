"""Follow-up of engagements: the questionnaire at the end and about eight months later.

When an engagement has ended, `schedule` makes one follow-up per organisation taking part
and round: END due the day it ended, EIGHT_MONTHS due SUPPORT_FOLLOW_UP_MONTHS months
later. `send_due` (the cron command `send_engagement_follow_ups`) sends what is due: each
follow-up is claimed with a conditional UPDATE (status "planned" → "sent") and its email
queued in the same transaction, so however often the command runs, two runs at once
included, each organisation gets each round once. A follow-up that no one could be told
of (no member yet) stays planned and goes out when someone is.

The organisation's approved members answer together, as with the self-assessment (the
email goes to its coordinators): the answers can be changed until one of them sends
them to the team; then they are read-only. A request for a follow-up meeting emails the
engagement's team contact (or the team's editors), once.

The result compares each support area's level with the organisation's self-assessment
completed before the engagement started."""

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import emails
from portal.accounts.roles import is_member_of
from portal.models import Membership, SupportAreaPage
from portal.services.memberships import coordinators_of, editors
from support.models import (
    Answer,
    Engagement,
    EngagementFollowUp,
    EngagementOrganisation,
    FollowUpAreaLevel,
    SelfAssessment,
)
from support.models.assessments import Scale

Round = EngagementFollowUp.Round
Status = EngagementFollowUp.Status

SENT = "support.follow_up.sent"
ANSWERED = "support.follow_up.answered"


class FollowUpError(Exception):
    """Something the person cannot do with the follow-up; the message is for them."""


# When ------------------------------------------------------------------------------


def add_months(day, months):
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_on(ended_on, round):
    if round == Round.END:
        return ended_on
    return add_months(ended_on, settings.SUPPORT_FOLLOW_UP_MONTHS)


@transaction.atomic
def schedule():
    """Make the follow-ups of every ended engagement that lack them, move the due date of
    those not sent when the end date was corrected, and withdraw those not sent of an
    engagement reopened or an organisation no longer taking part. Returns how many were
    made. Safe to run at once with itself: the unique constraint keeps one of each."""
    participations = EngagementOrganisation.objects.filter(
        engagement__ended_on__isnull=False
    ).values_list("engagement_id", "organisation_id", "engagement__ended_on")
    wanted = {
        (engagement, organisation, round): due_on(ended_on, round)
        for engagement, organisation, ended_on in participations
        for round in Round.values
    }
    planned = EngagementFollowUp.objects.filter(status=Status.PLANNED)
    existing = set(
        EngagementFollowUp.objects.values_list("engagement_id", "organisation_id", "round")
    )
    for follow_up in planned:
        key = (follow_up.engagement_id, follow_up.organisation_id, follow_up.round)
        if key not in wanted:
            follow_up.delete()
        elif wanted[key] != follow_up.due_on:
            EngagementFollowUp.objects.filter(pk=follow_up.pk, status=Status.PLANNED).update(
                due_on=wanted[key]
            )
    missing = [
        EngagementFollowUp(
            engagement_id=engagement, organisation_id=organisation, round=round, due_on=day
        )
        for (engagement, organisation, round), day in wanted.items()
        if (engagement, organisation, round) not in existing
    ]
    EngagementFollowUp.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


# Sending ---------------------------------------------------------------------------


def recipients_of(organisation):
    """Who is asked: the organisation's coordinators, or else its approved members."""
    people = coordinators_of(organisation)
    if people:
        return people
    return [
        membership.user
        for membership in Membership.objects.filter(
            organisation=organisation, status=Membership.Status.APPROVED, user__is_active=True
        ).select_related("user")
    ]


def follow_up_path(follow_up):
    return reverse("support:follow_up", args=[follow_up.pk])


def send_due(*, today=None):
    """Schedule, then send every follow-up due by `today`. Returns how many were sent."""
    today = today or timezone.localdate()
    schedule()
    due = (
        EngagementFollowUp.objects.filter(
            status=Status.PLANNED, due_on__lte=today, engagement__ended_on__isnull=False
        )
        .select_related("engagement", "organisation")
        .order_by("due_on", "pk")
    )
    return sum(_send(follow_up) for follow_up in due)


def _send(follow_up):
    people = recipients_of(follow_up.organisation)
    if not people:
        return 0
    addresses = sorted({person.email for person in people if person.email})
    now = timezone.now()
    with transaction.atomic():
        claimed = EngagementFollowUp.objects.filter(pk=follow_up.pk, status=Status.PLANNED).update(
            status=Status.SENT, sent_at=now, sent_to=", ".join(addresses)
        )
        if not claimed:
            return 0  # another run sent it a moment ago
        emails.send(
            "support/emails/follow_up_request",
            addresses,
            {
                "follow_up": follow_up,
                "engagement": follow_up.engagement,
                "organisation": follow_up.organisation,
                "is_end": follow_up.round == Round.END,
                "months": settings.SUPPORT_FOLLOW_UP_MONTHS,
                "url": emails.absolute_url(follow_up_path(follow_up)),
            },
        )
        log(follow_up, SENT, data={"organisation": str(follow_up.organisation)})
    return 1


# Answering -------------------------------------------------------------------------


def can_answer(user, follow_up):
    """The organisation's approved members answer its follow-ups once they are sent."""
    return follow_up.status != Status.PLANNED and is_member_of(user, follow_up.organisation)


def sent_to_member(user, engagement):
    """The engagement's follow-ups that `user` may open: sent to their organisation."""
    return [
        follow_up
        for follow_up in engagement.follow_ups.exclude(status=Status.PLANNED)
        .select_related("organisation")
        .order_by("due_on", "pk")
        if can_answer(user, follow_up)
    ]


def open_follow_ups_of(organisation):
    """The organisation's follow-ups waiting for its answer, oldest first."""
    return EngagementFollowUp.objects.filter(
        organisation=organisation, status=Status.SENT
    ).select_related("engagement")


def support_areas():
    """The support areas a follow-up asks about, in the order of the site."""
    return list(SupportAreaPage.objects.live().order_by("path"))


def levels_of(follow_up):
    """{support area id: FollowUpAreaLevel}"""
    return {level.support_area_id: level for level in follow_up.levels.all()}


@dataclass
class Answers:
    kept: str = ""
    not_kept: str = ""
    support_needed: str = ""
    wants_meeting: bool | None = None
    meeting_times: str = ""
    # {SupportAreaPage: (value or None, dont_know)}
    levels: dict = None


def save(follow_up, answers, *, by, submit=False):
    """Keep the answers; with `submit`, send them to the team, after which they cannot be
    changed. A meeting request tells the team contact once."""
    with transaction.atomic():
        if not is_member_of(by, follow_up.organisation):
            raise PermissionError(_("Uppföljningen tillhör en annan organisation."))
        locked = EngagementFollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if locked.status != Status.SENT:
            raise FollowUpError(
                _("Uppföljningen är redan skickad till teamet och kan inte ändras.")
            )
        if submit:
            missing = [
                area
                for area, (value, dont_know) in answers.levels.items()
                if value is None and not dont_know
            ]
            if missing or answers.wants_meeting is None:
                raise FollowUpError(
                    _("Svara på nivån för varje stödområde och om ni vill ha ett möte.")
                )
        now = timezone.now()
        for name in ("kept", "not_kept", "support_needed", "wants_meeting", "meeting_times"):
            setattr(locked, name, getattr(answers, name))
        locked.updated_at, locked.updated_by = now, by
        if submit:
            locked.status, locked.answered_at, locked.answered_by = Status.ANSWERED, now, by
        locked.save()
        existing = levels_of(locked)
        for area, (value, dont_know) in (answers.levels or {}).items():
            level = existing.get(area.pk) or FollowUpAreaLevel(follow_up=locked, support_area=area)
            if level.pk and (level.value, level.dont_know) == (value, dont_know):
                continue
            level.value, level.dont_know = value, dont_know
            level.save()
        if submit:
            log(locked, ANSWERED, user=by, data={"organisation": str(locked.organisation)})
            if locked.wants_meeting:
                _tell_team(locked)
    return locked


def _tell_team(follow_up):
    claimed = EngagementFollowUp.objects.filter(pk=follow_up.pk, team_told_at__isnull=True).update(
        team_told_at=timezone.now()
    )
    if not claimed:
        return
    engagement = follow_up.engagement
    team = [engagement.team_contact] if engagement.team_contact_id else editors()
    emails.send(
        "support/emails/follow_up_meeting_requested",
        [person.email for person in team if person.is_active],
        {
            "follow_up": follow_up,
            "engagement": engagement,
            "organisation": follow_up.organisation,
            "url": emails.absolute_url(
                reverse("support_follow_up_admin:detail", args=[follow_up.pk])
            ),
        },
    )


# The comparison with the self-assessment made before --------------------------------


@dataclass
class AreaComparison:
    area: object  # SupportAreaPage
    before: float | None  # the average on the scale in the self-assessment before
    before_assessment: object  # SelfAssessment or None
    after: int | None  # the level in the follow-up
    after_dont_know: bool = False

    @property
    def before_label(self):
        return _label(self.before)

    @property
    def after_label(self):
        return _label(self.after)

    @property
    def change(self):
        """ "higher", "lower", "same", or None when one of the two is missing."""
        if self.before is None or self.after is None:
            return None
        if self.after > self.before + 0.05:
            return "higher"
        if self.after < self.before - 0.05:
            return "lower"
        return "same"

    @property
    def difference(self):
        if self.change is None:
            return None
        return round(self.after - self.before, 1)


def _label(value):
    if value is None:
        return None
    return Scale(min(5, max(1, int(value + 0.5)))).label


def baseline(organisation, engagement):
    """Per support area id: (average, assessment) from the organisation's newest
    self-assessment completed before the engagement started that answers the area on
    the scale."""
    started = timezone.make_aware(
        datetime.datetime.combine(engagement.starts_on, datetime.time.min)
    )
    answers = (
        Answer.objects.filter(
            assessment__organisation=organisation,
            assessment__status=SelfAssessment.Status.COMPLETED,
            assessment__completed_at__lt=started,
            support_area__isnull=False,
            value__isnull=False,
            dont_know=False,
        )
        .select_related("assessment__questionnaire")
        .order_by("-assessment__completed_at", "-assessment_id")
    )
    chosen, values = {}, {}
    for answer in answers:
        area = answer.support_area_id
        assessment = chosen.setdefault(area, answer.assessment)
        if assessment.pk == answer.assessment_id:
            values.setdefault(area, []).append(answer.value)
    return {area: (sum(v) / len(v), chosen[area]) for area, v in values.items()}


def comparison(follow_up):
    """Per support area: the level before the support and in the follow-up."""
    before = baseline(follow_up.organisation, follow_up.engagement)
    levels = levels_of(follow_up)
    rows = []
    for area in support_areas():
        average, assessment = before.get(area.pk, (None, None))
        level = levels.get(area.pk)
        rows.append(
            AreaComparison(
                area=area,
                before=average,
                before_assessment=assessment,
                after=level.value if level and not level.dont_know else None,
                after_dont_know=bool(level and level.dont_know),
            )
        )
    return rows


# For the team ----------------------------------------------------------------------


def ended_engagements():
    return Engagement.objects.filter(ended_on__isnull=False).order_by("-ended_on", "-pk")


def follow_ups_of(engagement):
    """Every follow-up the engagement has or will have, for each organisation and round,
    made or not yet made (unsaved, status planned) — in the order they go out."""
    made = {
        (f.organisation_id, f.round): f
        for f in engagement.follow_ups.select_related("organisation", "answered_by")
    }
    rows = []
    if engagement.ended_on is not None:
        for participation in engagement.participants.select_related("organisation"):
            for round in Round.values:
                rows.append(
                    made.pop((participation.organisation_id, round), None)
                    or EngagementFollowUp(
                        engagement=engagement,
                        organisation=participation.organisation,
                        round=round,
                        due_on=due_on(engagement.ended_on, round),
                    )
                )
    rows += made.values()  # sent to an organisation that no longer takes part
    return sorted(rows, key=lambda f: (f.due_on, f.organisation.name, f.round))


def meeting_requests():
    """Answered follow-ups that ask for a follow-up meeting, newest first."""
    return (
        EngagementFollowUp.objects.filter(status=Status.ANSWERED, wants_meeting=True)
        .select_related("engagement", "organisation")
        .order_by("-answered_at")
    )


def state(follow_up, today=None):
    """What the team reads in the listing: "not_due", "due" (waiting for the next run,
    or for someone in the organisation to send it to), "sent" or "answered"."""
    if follow_up.status == Status.ANSWERED:
        return "answered"
    if follow_up.status == Status.SENT:
        return "sent"
    return "due" if follow_up.due_on <= (today or timezone.localdate()) else "not_due"
