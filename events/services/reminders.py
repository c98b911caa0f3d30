"""Reminders before each session of a person's occasion, and feedback requests after the
occasion, each sent once.

A reminder is claimed with a conditional UPDATE (`reminder_sent_at IS NULL`, on the
person's row for that session) and its email queued in the same transaction, so the
cron job can run as often as it likes, even twice at once, nobody gets the same email
twice, and an email the mail server refuses stays in the outbox to be retried rather
than being lost.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from events.models import Registration, SessionAttendance, WorkshopSession
from portal import emails

from .calendar import attachment_for
from .feedback import feedback_path
from .notifications import _context


def _claim(registration, field, now):
    return Registration.objects.filter(pk=registration.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    )


def send_reminders(*, hours_before=48, now=None):
    """Remind confirmed participants of each session of their occasion that starts within
    `hours_before` hours. Returns how many reminders were queued."""
    now = now or timezone.now()
    sessions = (
        WorkshopSession.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + timedelta(hours=hours_before),
            occasion__workshop__live=True,
        )
        .select_related("occasion__workshop")
        .order_by("starts_at", "pk")
    )
    sent = 0
    for session in sessions:
        reminded = SessionAttendance.objects.filter(
            session=session, reminder_sent_at__isnull=False
        ).values("registration")
        due = (
            Registration.objects.filter(
                occasion=session.occasion_id, status=Registration.Status.CONFIRMED
            )
            .exclude(pk__in=reminded)
            .select_related("workshop", "occasion", "user")
        )
        for registration in due:
            sent += _remind(registration, session, now)
    return sent


def _remind(registration, session, now):
    with transaction.atomic():
        row, _created = SessionAttendance.objects.get_or_create(
            registration=registration, session=session
        )
        claimed = SessionAttendance.objects.filter(pk=row.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not claimed:
            return 0
        Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        emails.send(
            "events/emails/reminder",
            [registration.user.email],
            _context(registration, session=session),
            attachments=[attachment_for(registration.occasion)],
        )
    return 1


def send_feedback_requests(*, now=None, within_days=14):
    """Ask confirmed participants for feedback once the last session of their occasion
    has ended."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            feedback_requested_at__isnull=True,
            feedback__isnull=True,
            workshop__live=True,
        )
        .exclude(attended=False)
        .annotate(last_end=Max("occasion__sessions__ends_at"))
        .filter(last_end__lte=now, last_end__gte=now - timedelta(days=within_days))
        .select_related("workshop", "user")
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            if not _claim(registration, "feedback_requested_at", now):
                continue
            emails.send(
                "events/emails/feedback",
                [registration.user.email],
                _context(
                    registration,
                    feedback_url=emails.absolute_url(feedback_path(registration)),
                ),
            )
            sent += 1
    return sent
