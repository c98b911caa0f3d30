"""What editors do with a whole workshop: copy it to new dates, and write to everyone
registered for one of its occasions."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from events.models import Registration
from portal import emails


def copy_to_new_dates(workshop, first_day, *, by):
    """A draft copy of the workshop under the same index page, its occasions and sessions
    moved so that the first session falls on `first_day` (each keeps its time of day and
    its distance from the first), the registration window moved as much. Registrations,
    seat counters and follow-ups stay with the original."""
    starts = workshop.starts_at
    if starts is None:
        delta = datetime.timedelta(0)
    else:
        local = timezone.localtime(starts)
        delta = datetime.timedelta(days=(first_day - local.date()).days)
    with transaction.atomic():
        copy = workshop.copy(
            to=workshop.get_parent(),
            update_attrs={
                "slug": _free_slug(workshop, first_day),
                "registration_opens": _moved(workshop.registration_opens, delta, floor=True),
                "registration_closes": _shifted(workshop.registration_closes, delta),
                "materials": [],
            },
            keep_live=False,
            copy_revisions=False,
            user=by,
        )
        for occasion in copy.occasions.all():
            for session in occasion.sessions.all():
                session.starts_at = _shifted(session.starts_at, delta)
                session.ends_at = _shifted(session.ends_at, delta)
                session.save(update_fields=["starts_at", "ends_at"])
        copy.save_revision(user=by, log_action=False)
    return copy


def _shifted(when, delta):
    """The same time of day (local time, across a change to or from summer time)."""
    local = timezone.localtime(when).replace(tzinfo=None)
    return timezone.make_aware(local + delta)


def _moved(when, delta, *, floor=False):
    moved = _shifted(when, delta)
    # Registration for the copy may open now at the earliest, not in the past's future.
    return max(moved, timezone.now()) if floor and moved < timezone.now() else moved


def _free_slug(workshop, first_day):
    base = f"{workshop.slug}-{first_day:%Y-%m-%d}"
    siblings = set(workshop.get_parent().get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in siblings:
        slug, number = f"{base}-{number}", number + 1
    return slug


def message_recipients(occasion):
    """Everyone registered for the occasion: with a seat, offered one, or waiting."""
    return list(
        Registration.objects.filter(occasion=occasion)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("user__email", flat=True)
        .distinct()
    )


def send_occasion_message(occasion, subject, body, *, by):
    """Queue the editor's message to each registrant (one email each) and log who sent it,
    when and to how many; the text itself is not kept in the log."""
    with transaction.atomic():
        count = emails.send(
            "events/emails/occasion_message",
            message_recipients(occasion),
            {
                "workshop": occasion.workshop,
                "occasion": occasion,
                "subject": subject,
                "body": body,
                "url": emails.absolute_url(occasion.workshop.url or "/"),
            },
        )
        log(
            occasion.workshop,
            "events.occasion.message_sent",
            user=by,
            data={"occasion": str(occasion), "occasion_id": occasion.pk, "recipients": count},
        )
    return count
