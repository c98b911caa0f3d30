"""A network's meetings: scheduled, changed and cancelled by its coordinator, with the
agenda before and minutes after, invitations with an .ics file, and reminders.

Who sees a meeting (its time, place, link and agenda) is who may read the network's
discussion, and whoever coordinates it. The people invited are the approved members
(active accounts) of the network's active member organisations, the person in the team
named as its coordinator and the coordinators of its coordinating organisation; the same
people find the meetings in their personal calendar feed.

Every invitation, change and cancellation is queued in the transaction that made it. A
changed time, place, link or title sends an updated invitation (same UID, higher
SEQUENCE); a cancellation sends METHOD:CANCEL, so calendars remove the meeting. The
reminder is claimed with a conditional UPDATE (`reminder_sent_at IS NULL`) in the
transaction that queues it, so cron may run the command as often as it likes, even twice
at once, and each person is reminded once.
"""

from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import Meeting, Network, NetworkMembership
from portal import emails
from portal.accounts.roles import active_membership, is_coordinator_of
from portal.calendar import ICS_MIMETYPE, CalendarEntry, Organizer, build_calendar
from portal.models import Membership

from .membership import NetworkError
from .notifications import notify
from .permissions import can_coordinate, can_read_discussion

PLANNED_AHEAD_DAYS = 2 * 366
WEB_ADDRESS = URLValidator(schemes=["http", "https"])
# What the people invited are told of when it changes.
NOTIFIED_FIELDS = ("title", "starts_at", "ends_at", "place", "meeting_link")


class MeetingError(NetworkError):
    """A meeting action that cannot be done; the message is for the person."""


def can_see_meetings(user, network):
    """Time, place, link and agenda are for the network's people only."""
    return user.is_authenticated and (
        can_read_discussion(user, network) or can_coordinate(user, network)
    )


def require_meeting_reader(user, network):
    if not can_see_meetings(user, network):
        raise PermissionError(_("Nätverkets möten är bara för dess medlemmar."))


def require_meeting_coordinator(user, network):
    if not can_coordinate(user, network):
        raise PermissionError(_("Bara nätverkets samordnare kan planera möten."))


def meeting_problems(*, starts_at, ends_at, place, meeting_link, meeting=None, now=None):
    """What is wrong with a meeting's time and place, as {field: message}."""
    now = now or timezone.now()
    problems = {}
    moved = meeting is None or meeting.starts_at != starts_at
    if starts_at and moved and starts_at <= now:
        problems["starts_at"] = _("Mötet kan inte börja i det förflutna. Välj en senare tid.")
    elif starts_at and starts_at > now + timedelta(days=PLANNED_AHEAD_DAYS):
        problems["date"] = _("Mötet ligger mer än två år fram i tiden. Stämmer datumet?")
    if starts_at and ends_at and ends_at <= starts_at:
        problems["ends_at"] = _("Mötet måste sluta efter att det har börjat.")
    if not (place or "").strip() and not (meeting_link or "").strip():
        problems["place"] = _("Skriv var ni träffas, en möteslänk eller båda.")
    if meeting_link:
        try:
            WEB_ADDRESS(meeting_link)
        except ValidationError:
            problems["meeting_link"] = _(
                "Skriv en webbadress som börjar med https:// eller http://."
            )
    return problems


def _check(fields, meeting=None):
    problems = meeting_problems(
        starts_at=fields["starts_at"],
        ends_at=fields["ends_at"],
        place=fields.get("place", ""),
        meeting_link=fields.get("meeting_link", ""),
        meeting=meeting,
    )
    if problems:
        raise MeetingError(" ".join(problems.values()))


def closed_reason(meeting):
    """Why the meeting can no longer be changed or cancelled, or None."""
    if meeting.is_cancelled:
        return _("Mötet är inställt och kan inte ändras.")
    if meeting.ends_at <= timezone.now():
        return _("Mötet är redan över och kan inte ändras. Skriv gärna minnesanteckningar.")
    return None


def _require_open(meeting):
    reason = closed_reason(meeting)
    if reason:
        raise MeetingError(reason)


# Who is invited, and who finds the meetings in their calendar ----------------------------


def meeting_people(network):
    """The active accounts invited to the network's meetings."""
    active_members = NetworkMembership.objects.filter(
        network=network, status=NetworkMembership.Status.ACTIVE
    ).values("organisation")
    invited = Q(
        memberships__status=Membership.Status.APPROVED,
        memberships__organisation__in=active_members,
    )
    if network.coordinator_user_id:
        invited |= Q(pk=network.coordinator_user_id)
    if network.coordinator_organisation_id:
        invited |= Q(
            memberships__status=Membership.Status.APPROVED,
            memberships__role=Membership.Role.COORDINATOR,
            memberships__organisation=network.coordinator_organisation_id,
        )
    return list(get_user_model().objects.filter(invited, is_active=True).distinct().order_by("pk"))


def networks_of_person(user):
    """The networks whose meetings the person is invited to (see meeting_people)."""
    if not user.is_authenticated or not user.is_active:
        return Network.objects.none()
    found = Q(coordinator_user=user)
    membership = active_membership(user)
    if membership is not None:
        found |= Q(
            memberships__organisation=membership.organisation,
            memberships__status=NetworkMembership.Status.ACTIVE,
        )
        if is_coordinator_of(user, membership.organisation):
            found |= Q(coordinator_organisation=membership.organisation)
    return Network.objects.filter(found).distinct()


# Listings -------------------------------------------------------------------------------


def upcoming_meetings(network, now=None):
    """Meetings that have not ended, cancelled ones included (they say so)."""
    now = now or timezone.now()
    return network.network_meetings.filter(ends_at__gt=now).order_by("starts_at", "id")


def past_meetings(network, now=None):
    now = now or timezone.now()
    return network.network_meetings.filter(ends_at__lte=now, cancelled_at__isnull=True).order_by(
        "-starts_at", "-id"
    )


def summary_for(user, network):
    """What the network's page says of its meetings: the next ones for its people, and
    for everyone else only whether the network meets (never a link or an agenda)."""
    if can_see_meetings(user, network):
        upcoming = upcoming_meetings(network).filter(cancelled_at__isnull=True)
        return {
            "sees_meetings": True,
            "next_meetings": list(upcoming[:3]),
            "coordinates_meetings": can_coordinate(user, network),
        }
    return {
        "sees_meetings": False,
        "meets": upcoming_meetings(network).filter(cancelled_at__isnull=True).exists(),
    }


# Calendars ------------------------------------------------------------------------------


def _when(meeting):
    start = timezone.localtime(meeting.starts_at)
    end = timezone.localtime(meeting.ends_at)
    return f"{date_format(start, 'l j F Y, H:i')}–{date_format(end, 'H:i')}"


def meeting_entry(meeting):
    """The meeting in a calendar, link and agenda included: only for its people."""
    url = emails.absolute_url(meeting.get_absolute_url())
    description = [meeting.network.name]
    if meeting.meeting_link:
        description.append(_("Möteslänk: %(link)s") % {"link": meeting.meeting_link})
    description += [_("Dagordning:"), meeting.agenda, url]
    return CalendarEntry(
        uid=meeting.uid,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        summary=meeting.title,
        description="\n\n".join(part for part in description if part),
        url=url,
        location=meeting.place or meeting.meeting_link,
        sequence=meeting.sequence,
        cancelled=meeting.is_cancelled,
    )


def _organizer(meeting):
    """The portal's own address sends the invitations (replies go nowhere: nobody answers
    for the meeting by email)."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@localhost"
    return Organizer(email=address, name=meeting.network.name)


def meeting_calendar(meeting, *, method=None):
    """The .ics of one meeting: an invitation (REQUEST), a cancellation (CANCEL), or a
    download (no method)."""
    organizer = _organizer(meeting) if method else None
    return build_calendar(
        [meeting_entry(meeting)], meeting.title, method=method, organizer=organizer
    )


def _attachment(meeting, method):
    return ("mote.ics", meeting_calendar(meeting, method=method), ICS_MIMETYPE)


def calendar_entries(user):
    """The person's network meetings for their calendar feed (the hook's function)."""
    meetings = Meeting.objects.filter(
        network__in=networks_of_person(user), cancelled_at__isnull=True
    ).select_related("network")
    return [meeting_entry(meeting) for meeting in meetings]


# Emails ---------------------------------------------------------------------------------


def _send(template, meeting, *, method="REQUEST", **extra):
    return notify(
        template,
        meeting_people(meeting.network),
        attachments=[_attachment(meeting, method)] if method else [],
        meeting=meeting,
        network=meeting.network,
        when=_when(meeting),
        url=emails.absolute_url(meeting.get_absolute_url()),
        **extra,
    )


# Operations -----------------------------------------------------------------------------


@transaction.atomic
def schedule_meeting(network, by, *, title, starts_at, ends_at, agenda, place="", meeting_link=""):
    require_meeting_coordinator(by, network)
    fields = {
        "title": title,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place,
        "meeting_link": meeting_link,
        "agenda": agenda,
    }
    _check(fields)
    meeting = Meeting.objects.create(network=network, created_by=by, **fields)
    log(meeting, "network.meeting.scheduled", user=by)
    _send("meeting_invitation", meeting)
    return meeting


@transaction.atomic
def change_meeting(meeting, by, **fields):
    """Change what the coordinator typed; the people invited get an updated invitation
    when the time, place, link or title changed. Returns whether they were told."""
    require_meeting_coordinator(by, meeting.network)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    merged = {
        name: fields.get(name, getattr(meeting, name))
        for name in ("title", "starts_at", "ends_at", "place", "meeting_link", "agenda")
    }
    _check(merged, meeting=meeting)
    notified = any(merged[name] != getattr(meeting, name) for name in NOTIFIED_FIELDS)
    if merged["starts_at"] != meeting.starts_at:
        meeting.reminder_sent_at = None  # a new time gets its own reminder
    for name, value in merged.items():
        setattr(meeting, name, value)
    if notified:
        meeting.sequence += 1
    meeting.save()
    log(meeting, "network.meeting.changed", user=by)
    if notified:
        _send("meeting_updated", meeting)
    return notified


@transaction.atomic
def cancel_meeting(meeting, by):
    require_meeting_coordinator(by, meeting.network)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    meeting.cancelled_at = timezone.now()
    meeting.sequence += 1
    meeting.save(update_fields=["cancelled_at", "sequence", "updated_at"])
    log(meeting, "network.meeting.cancelled", user=by)
    _send("meeting_cancelled", meeting, method="CANCEL")
    return meeting


@transaction.atomic
def write_minutes(meeting, by, *, minutes):
    """The minutes, once the meeting has begun; the people invited are told the first
    time they are written."""
    require_meeting_coordinator(by, meeting.network)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise MeetingError(_("Mötet är inställt och har inga minnesanteckningar."))
    if meeting.starts_at > timezone.now():
        raise MeetingError(_("Minnesanteckningarna skrivs när mötet har börjat."))
    first_time = not meeting.minutes.strip() and bool(minutes.strip())
    meeting.minutes = minutes
    if first_time:
        meeting.minutes_written_at = timezone.now()
    meeting.save(update_fields=["minutes", "minutes_written_at", "updated_at"])
    log(meeting, "network.meeting.minutes", user=by)
    if first_time:
        _send("meeting_minutes", meeting, method=None)
    return meeting


def send_meeting_reminders(*, hours_before=24, now=None):
    """Remind the people invited of meetings that start within `hours_before` hours."""
    now = now or timezone.now()
    due = Meeting.objects.filter(
        cancelled_at__isnull=True,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(hours=hours_before),
    ).select_related("network")
    sent = 0
    for meeting in due:
        with transaction.atomic():
            claimed = Meeting.objects.filter(
                pk=meeting.pk, reminder_sent_at__isnull=True, cancelled_at__isnull=True
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            meeting.refresh_from_db()
            _send("meeting_reminder", meeting)
            sent += 1
    return sent
