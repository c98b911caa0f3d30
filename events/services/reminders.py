"""Reminders before a workshop and feedback requests after it, each sent once.

A registration is claimed with a conditional UPDATE (`reminder_sent_at IS NULL`) and its
email queued in the same transaction, so the cron job can run as often as it likes, even
twice at once, nobody gets the same email twice, and an email the mail server refuses
stays in the outbox to be retried rather than being lost.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from events.models import Registration
from portal import emails

from .calendar import attachment_for
from .feedback import feedback_path
from .notifications import _context


def _claim(registration, field, now):
    return Registration.objects.filter(pk=registration.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    )


def send_reminders(*, hours_before=48, now=None):
    """Remind confirmed participants of workshops starting within `hours_before` hours."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            workshop__live=True,
        )
        .annotate(first_start=Min("workshop__sessions__starts_at"))
        .filter(first_start__gt=now, first_start__lte=now + timedelta(hours=hours_before))
        .select_related("workshop", "user")
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            if not _claim(registration, "reminder_sent_at", now):
                continue
            emails.send(
                "events/emails/reminder",
                [registration.user.email],
                _context(registration),
                attachments=[attachment_for(registration.workshop)],
            )
            sent += 1
    return sent


def send_feedback_requests(*, now=None, within_days=14):
    """Ask confirmed participants for feedback once the last session has ended."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            feedback_requested_at__isnull=True,
            feedback__isnull=True,
            workshop__live=True,
        )
        .exclude(attended=False)
        .annotate(last_end=Max("workshop__sessions__ends_at"))
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
