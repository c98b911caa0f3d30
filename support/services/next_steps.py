"""Next steps and meetings of an engagement, and the reminders of the cron command.

- The team adds the next steps of each phase and activity: what, who (the team or the
  municipality, with the role there, e.g. "socialchef") and by when.
- Both sides see the same timeline. A step is marked done by whoever owns it: the team
  marks any step; the municipality's coordinators and contact persons mark its steps.
- A step not done by its date shows as "Försenad" to both and reminds its owner once:
  the team contact for the team's steps, the lead organisation's coordinators and
  contact persons for the municipality's. `send_reminders` claims each step with a
  conditional update (reminded_at is null → now), so two runs at once send one email.
- The same command warns the team contact once, six months before the two-year limit.
- Meetings are recorded with date, form, the roles taking part and short notes; notes are
  read only by the engagement's organisations and the team (the timeline's readers).
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import emails
from portal.accounts.roles import is_editor
from portal.services.memberships import editors

from ..models import Engagement, EngagementMeeting, NextStep
from . import engagements
from .engagements import EngagementError

Owner = NextStep.Owner

STEP_ADDED = "support.step.added"
STEP_DONE = "support.step.done"
MEETING_RECORDED = "support.meeting.recorded"


def add_step(engagement, *, by, phase, what, owner, due_on, owner_role="", activity=None):
    if not is_editor(by):
        raise PermissionError(_("Bara förstärkningsteamet lägger till steg."))
    what, owner_role = (what or "").strip(), (owner_role or "").strip()
    engagements.check_text(what, "what")
    engagements.check_text(owner_role, "owner_role")
    if not what:
        raise EngagementError(_("Skriv vad som ska göras."), "what")
    if owner == Owner.TEAM:
        owner_role = ""
    step = NextStep.objects.create(
        engagement=engagement,
        phase=phase,
        activity=activity,
        what=what,
        owner=owner,
        owner_role=owner_role,
        due_on=due_on,
        created_by=by,
    )
    log(engagement, STEP_ADDED, user=by, data={"what": what, "due_on": due_on.isoformat()})
    return step


def can_mark_done(user, step):
    if step.is_done:
        return False
    if is_editor(user):
        return True
    return step.owner == Owner.MUNICIPALITY and engagements.acts_for_municipality(
        user, step.engagement
    )


def mark_done(step, *, by):
    if not can_mark_done(by, step):
        raise PermissionError(_("Steget är inte ditt att markera."))
    claimed = NextStep.objects.filter(pk=step.pk, done_at__isnull=True).update(
        done_at=timezone.now(), done_by=by
    )
    step.refresh_from_db()
    if claimed:
        log(step.engagement, STEP_DONE, user=by, data={"what": step.what})
    return step


def timeline(engagement):
    """[(phase value, label, [steps])] in the phases' order, every phase shown."""
    steps = list(engagement.steps.select_related("activity", "done_by"))
    return [
        (value, label, [s for s in steps if s.phase == value])
        for value, label in Engagement.Phase.choices
    ]


def open_steps(engagement_ids):
    return NextStep.objects.filter(engagement__in=engagement_ids, done_at__isnull=True)


def overdue(steps, today=None):
    return steps.filter(done_at__isnull=True, due_on__lt=today or timezone.localdate())


def can_record_meeting(user, engagement):
    return is_editor(user) or engagements.acts_for_municipality(user, engagement)


def record_meeting(engagement, *, by, held_on, kind, roles, notes=""):
    if not can_record_meeting(by, engagement):
        raise PermissionError(_("Bara teamet och kommunens kontaktpersoner för in möten."))
    roles, notes = (roles or "").strip(), (notes or "").strip()
    engagements.check_text(roles, "roles")
    engagements.check_text(notes, "notes")
    meeting = EngagementMeeting.objects.create(
        engagement=engagement, held_on=held_on, kind=kind, roles=roles, notes=notes, recorded_by=by
    )
    # The log names the meeting, never its notes.
    log(engagement, MEETING_RECORDED, user=by, data={"held_on": held_on.isoformat()})
    return meeting


# The cron command --------------------------------------------------------------------


def _recipients(step):
    engagement = step.engagement
    if step.owner == Owner.TEAM:
        contact = engagement.team_contact
        return [contact] if contact is not None and contact.is_active else editors()
    return engagements.municipality_contacts(engagement)


def _url(engagement):
    return emails.absolute_url(reverse("support:engagement", args=[engagement.pk]))


def due_for_reminder(today):
    """The steps to remind of: past their date, not done, not reminded, engagement going on.
    A run reads them first and claims each one after: another run may take one between."""
    return list(
        NextStep.objects.filter(
            done_at__isnull=True,
            reminded_at__isnull=True,
            due_on__lt=today,
            engagement__ended_on__isnull=True,
        ).values_list("pk", flat=True)
    )


def remind_overdue_steps(today=None):
    """Remind the owner of each step past its date, once. Returns the number reminded."""
    today = today or timezone.localdate()
    reminded = 0
    for pk in due_for_reminder(today):
        with transaction.atomic():
            claimed = NextStep.objects.filter(
                pk=pk, reminded_at__isnull=True, done_at__isnull=True
            ).update(reminded_at=timezone.now())
            if not claimed:
                continue  # another run took it, or it was just done
            step = NextStep.objects.select_related("engagement__team_contact").get(pk=pk)
            emails.send(
                "support/emails/step_overdue",
                [person.email for person in _recipients(step)],
                {"step": step, "engagement": step.engagement, "url": _url(step.engagement)},
            )
            reminded += 1
    return reminded


def warn_of_limits(today=None):
    """Warn each engagement's team contact once, six months before the two-year limit."""
    today = today or timezone.localdate()
    warned = 0
    for engagement in Engagement.objects.filter(
        ended_on__isnull=True, limit_warned_at__isnull=True
    ).select_related("team_contact"):
        if not engagements.nears_limit(engagement, today):
            continue
        with transaction.atomic():
            claimed = Engagement.objects.filter(
                pk=engagement.pk, limit_warned_at__isnull=True
            ).update(limit_warned_at=timezone.now())
            if not claimed:
                continue
            contact = engagement.team_contact
            emails.send(
                "support/emails/engagement_limit",
                [contact.email]
                if contact is not None and contact.is_active
                else [person.email for person in editors()],
                {
                    "engagement": engagement,
                    "limit": engagements.limit_of(engagement),
                    "url": _url(engagement),
                },
            )
            warned += 1
    return warned
