"""Emails about registrations, queued in the transaction that made the change (they are
sent after it commits)."""

from django.urls import reverse

from portal import emails

from .calendar import attachment_for


def _context(registration, **extra):
    workshop = registration.workshop
    return {
        "registration": registration,
        "workshop": workshop,
        "occasion": registration.occasion,
        "url": emails.absolute_url(workshop.url or "/"),
        "my_pages_url": emails.absolute_url(reverse("accounts:my_pages")),
        **extra,
    }


def _send_later(template, registration, *, with_calendar=False, **extra):
    attachments = (
        [attachment_for(registration.occasion)]
        if with_calendar and registration.occasion is not None
        else []
    )
    emails.send(
        f"events/emails/{template}",
        [registration.user.email],
        _context(registration, **extra),
        attachments=attachments,
    )


def after_commit_registered(registration):
    if registration.status == registration.Status.CONFIRMED:
        _send_later("confirmed", registration, with_calendar=True)
    else:
        _send_later("waitlisted", registration)


def after_commit_moved(registration):
    if registration.status == registration.Status.CONFIRMED:
        _send_later("moved", registration, with_calendar=True)
    else:
        _send_later("waitlisted", registration)


def after_commit_offered(registration, *, confirm_url):
    _send_later("offered", registration, confirm_url=confirm_url)


def after_commit_offer_expired(registration):
    _send_later("offer_expired", registration)


def after_commit_promoted(registration):
    _send_later("promoted", registration, with_calendar=True)


def after_commit_cancelled(registration):
    _send_later("cancelled", registration)
