"""Engagements (insatser): creating one from a granted application or for support given
otherwise, who sees it, its dates and the two-year limit, and its end.

- Who sees an engagement: the approved members of its organisations and the team
  (editors). Anyone else is told it does not exist (404), as for everything of another
  organisation.
- The municipality's side acts through the lead organisation's coordinators and the
  contact persons the coordinators of each organisation (or the team) name for it; a
  plain member reads everything, including meeting notes, but confirms and marks nothing.
- Support lasts at most two years from `starts_on` (Ds 2025:19). Six months before, the
  timeline and the admin warn, and the team contact is emailed once (the reminder
  command). `ends_on` past two years needs an editor's reason, stored, shown and logged.
- `end(engagement, by, on)` sets `ended_on` (the day it ended) and the phase to
  "Uppföljning"; the follow-up counts from `ended_on`.

Every change that matters is logged in words (wagtail.log_actions).
"""

import calendar

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.accounts.roles import active_membership, is_coordinator_of, is_editor
from portal.models import Membership
from portal.privacy import find_personal_numbers
from portal.services.memberships import coordinators_of

from ..models import Application, ApplicationParticipant, Engagement, EngagementOrganisation
from .selection import SUPPORT_YEARS

Phase = Engagement.Phase
WARNING_MONTHS = 6

CREATED = "support.engagement.created"
CHANGED = "support.engagement.changed"
EXTENDED = "support.engagement.extended"
ENDED = "support.engagement.ended"
CONTACTS_CHANGED = "support.engagement.contacts_changed"


class EngagementError(Exception):
    """What cannot be done with an engagement; the message is for the person."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def _require_editor(user):
    if not is_editor(user):
        raise PermissionError(_("Bara förstärkningsteamet gör det."))


def check_text(text, field_name):
    if text and find_personal_numbers(text):
        raise EngagementError(
            _("Texten innehåller något som ser ut som ett personnummer."), field_name
        )


# Dates and the two-year limit ----------------------------------------------------------


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def limit_of(engagement_or_start):
    """The last day of support without an extension: two years from the start."""
    starts_on = getattr(engagement_or_start, "starts_on", engagement_or_start)
    return add_months(starts_on, 12 * SUPPORT_YEARS)


def warning_from(engagement):
    """From this day the engagement warns that its two years are running out."""
    return add_months(limit_of(engagement), -WARNING_MONTHS)


def nears_limit(engagement, today=None):
    today = today or timezone.localdate()
    return not engagement.is_ended and today >= warning_from(engagement)


def _check_dates(starts_on, ends_on, reason):
    if ends_on < starts_on:
        raise EngagementError(_("Det planerade slutet kan inte ligga före starten."), "ends_on")
    if ends_on > limit_of(starts_on) and not (reason or "").strip():
        raise EngagementError(
            _(
                "Stödet varar högst två år, till och med %(limit)s. Skriv skälet om insatsen "
                "ska pågå längre."
            )
            % {"limit": limit_of(starts_on).isoformat()},
            "extension_reason",
        )
    check_text(reason, "extension_reason")


# Who sees and does what ----------------------------------------------------------------


def visible_to(user):
    """The engagements the person may read: their organisation's, or all for the team."""
    if is_editor(user):
        return Engagement.objects.all()
    membership = active_membership(user)
    if membership is None:
        return Engagement.objects.none()
    return Engagement.objects.filter(participants__organisation=membership.organisation_id)


def is_participant(user, engagement):
    membership = active_membership(user)
    return (
        membership is not None
        and engagement.participants.filter(organisation=membership.organisation_id).exists()
    )


def can_read(user, engagement):
    return is_editor(user) or is_participant(user, engagement)


def lead_participation(engagement):
    return engagement.participants.filter(is_lead=True).select_related("organisation").first()


def lead_of(engagement):
    lead = lead_participation(engagement)
    return lead.organisation if lead else None


def acts_for_municipality(user, engagement):
    """A coordinator of the lead organisation, or a contact person named for any of the
    participating organisations: they mark the municipality's steps done and record
    meetings. (Another organisation's coordinator names its contact persons to act.)"""
    membership = active_membership(user)
    if membership is None:
        return False
    participation = engagement.participants.filter(organisation=membership.organisation_id).first()
    if participation is None:
        return False
    return (
        membership.role == Membership.Role.COORDINATOR and participation.is_lead
    ) or participation.contact_persons.filter(pk=user.pk).exists()


def municipality_contacts(engagement):
    """Who is told of the municipality's steps: the lead's coordinators and contact persons."""
    lead = lead_participation(engagement)
    if lead is None:
        return []
    people = {p.pk: p for p in coordinators_of(lead.organisation)}
    for person in lead.contact_persons.filter(is_active=True):
        if is_participant(person, engagement):
            people[person.pk] = person
    return list(people.values())


def can_name_contacts(user, participation):
    return is_editor(user) or is_coordinator_of(user, participation.organisation)


# Creating and changing -----------------------------------------------------------------


@transaction.atomic
def create(
    *,
    by,
    title,
    organisations,
    lead,
    starts_on,
    ends_on,
    team_contact=None,
    application=None,
    extension_reason="",
):
    """An engagement for `organisations` (the lead among them). For support given without
    an application, or from one (create_from_application)."""
    _require_editor(by)
    organisations = list(dict.fromkeys(organisations))
    if lead not in organisations:
        organisations.insert(0, lead)
    check_text(title, "title")
    _check_dates(starts_on, ends_on, extension_reason)
    extended = ends_on > limit_of(starts_on)
    engagement = Engagement.objects.create(
        title=title,
        application=application,
        team_contact=team_contact,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=by,
        extension_reason=extension_reason.strip() if extended else "",
        extended_by=by if extended else None,
        extended_at=timezone.now() if extended else None,
    )
    for organisation in organisations:
        EngagementOrganisation.objects.create(
            engagement=engagement,
            organisation=organisation,
            is_lead=organisation == lead,
            joined_on=starts_on,
        )
    log(
        engagement,
        CREATED,
        user=by,
        data={"organisations": ", ".join(o.name for o in organisations)},
    )
    if extended:
        log(engagement, EXTENDED, user=by, data={"ends_on": ends_on.isoformat()})
    return engagement


def create_from_application(application, *, by, team_contact=None, starts_on=None):
    """The engagement of a granted application: its confirmed participants, its lead, and
    a first agreement draft with its goals and wished-for activities. One per application."""
    from . import agreements

    _require_editor(by)
    if application.status != Application.Status.GRANTED:
        raise EngagementError(_("Bara en beviljad ansökan kan bli en insats."))
    if Engagement.objects.filter(application=application).exists():
        raise EngagementError(_("Ansökan har redan en insats."))
    starts_on = starts_on or timezone.localdate()
    participants = application.participants.filter(
        status=ApplicationParticipant.Status.CONFIRMED
    ).select_related("organisation")
    organisations = [p.organisation for p in participants]
    if application.lead not in organisations:
        organisations.insert(0, application.lead)
    engagement = create(
        by=by,
        title=_("Stöd till %(lead)s") % {"lead": application.lead.name},
        organisations=organisations,
        lead=application.lead,
        starts_on=starts_on,
        ends_on=limit_of(starts_on),
        team_contact=team_contact or by,
        application=application,
    )
    agreements.draft(
        engagement,
        by=by,
        goals=application.goals or _("Målen skrivs in tillsammans i den inledande dialogen."),
        activities=list(application.activities.all()),
        team_commitments=agreements.DEFAULT_TEAM_COMMITMENTS,
        municipality_commitments=agreements.DEFAULT_MUNICIPALITY_COMMITMENTS,
        starts_on=engagement.starts_on,
        ends_on=engagement.ends_on,
    )
    return engagement


@transaction.atomic
def update(engagement, *, by, title, phase, team_contact, starts_on, ends_on, extension_reason=""):
    """The editor's changes to the engagement; a new end past two years needs the reason."""
    _require_editor(by)
    check_text(title, "title")
    extension_reason = (extension_reason or "").strip()
    _check_dates(starts_on, ends_on, extension_reason)
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    extended = ends_on > limit_of(starts_on)
    newly_extended = extended and (
        ends_on != engagement.ends_on or extension_reason != engagement.extension_reason
    )
    changed = [
        name
        for name, value in (
            ("title", title),
            ("phase", phase),
            ("team_contact", team_contact),
            ("starts_on", starts_on),
            ("ends_on", ends_on),
        )
        if getattr(engagement, name) != value
    ]
    engagement.title, engagement.phase, engagement.team_contact = title, phase, team_contact
    engagement.starts_on, engagement.ends_on = starts_on, ends_on
    if not extended:
        engagement.extension_reason, engagement.extended_by, engagement.extended_at = "", None, None
    elif newly_extended:
        engagement.extension_reason = extension_reason
        engagement.extended_by, engagement.extended_at = by, timezone.now()
    engagement.save()
    if changed:
        log(engagement, CHANGED, user=by, data={"fields": ", ".join(changed)})
    if newly_extended:
        log(
            engagement,
            EXTENDED,
            user=by,
            data={"ends_on": ends_on.isoformat(), "reason": extension_reason},
        )
    return engagement


def set_contact_persons(participation, people, *, by):
    """The organisation's contact persons for the engagement: its own approved members."""
    if not can_name_contacts(by, participation):
        raise PermissionError(_("Bara organisationens samordnare eller teamet väljer det."))
    allowed = set(
        Membership.objects.filter(
            organisation=participation.organisation, status=Membership.Status.APPROVED
        ).values_list("user_id", flat=True)
    )
    people = [p for p in people if p.pk in allowed]
    participation.contact_persons.set(people)
    log(
        participation.engagement,
        CONTACTS_CHANGED,
        user=by,
        data={"organisation": participation.organisation.name},
    )
    return people


@transaction.atomic
def end(engagement, by, on=None):
    """End the engagement on `on` (today by default): `ended_on` is that day and the phase
    becomes "Uppföljning". Ending an ended engagement changes nothing. Returns it."""
    _require_editor(by)
    on = on or timezone.localdate()
    if on < engagement.starts_on:
        raise EngagementError(_("En insats kan inte avslutas före sin start."), "ended_on")
    claimed = Engagement.objects.filter(pk=engagement.pk, ended_on__isnull=True).update(
        ended_on=on, phase=Phase.FOLLOW_UP
    )
    engagement.refresh_from_db()
    if claimed:
        log(engagement, ENDED, user=by, data={"ended_on": on.isoformat()})
    return engagement


# For the team's reach and the follow-up -------------------------------------------------


def active_on(day):
    """Engagements going on at `day`: started, and not ended (or ended after it)."""
    return Engagement.objects.filter(starts_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day)
    )


def organisations_active_on(day):
    """The organisations (organisations.Organisation) taking part in an engagement at `day`."""
    from organisations.models import Organisation

    return Organisation.objects.filter(
        support_engagement_participations__engagement__in=active_on(day)
    ).distinct()


def organisations_engaged_between(first_day, last_day):
    """Organisations with an engagement going on at some day in [first_day, last_day]."""
    from organisations.models import Organisation

    engagements = Engagement.objects.filter(starts_on__lte=last_day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=first_day)
    )
    return Organisation.objects.filter(
        support_engagement_participations__engagement__in=engagements
    ).distinct()


def for_organisation(organisation):
    return Engagement.objects.filter(participants__organisation=organisation)
