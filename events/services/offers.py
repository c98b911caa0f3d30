"""Waitlist offers, as pretix does them: when a seat frees up on an occasion, the first in
its line is offered it. The seat is held for them (it counts as taken on the counter and
the organisation's quota) for EVENTS_OFFER_HOLD_HOURS hours, 48 unless set, and they
confirm it with one click from the email. An offer nobody confirms in time is expired by
a cron job, and the seat passes to the next in line.

The confirmation link is signed for that registration and that offer (its expiry time),
so it works once, for that person only, and not after the offer has ended. Signing in
is not needed to confirm; a person signed in as someone else is refused.

Expiring is safe to run as often as one likes, even twice at once: each offer is taken
with SELECT ... FOR UPDATE SKIP LOCKED (on PostgreSQL; SQLite serialises writers) and
ended with a conditional UPDATE on its status, so it passes on exactly once.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from events.models import Registration

from . import notifications

SALT = "events.offer"
DEFAULT_HOLD_HOURS = 48


class OfferError(Exception):
    """An offer that cannot be confirmed; the message is for the person."""


def hold_time():
    return timedelta(hours=getattr(settings, "EVENTS_OFFER_HOLD_HOURS", DEFAULT_HOLD_HOURS))


def make_offer(registration, *, by=None, now):
    """Hold the seat just taken for this waitlisted person and email them the link. Runs
    inside promote_waitlist's transaction, after the seat was taken on the counters."""
    registration.status = Registration.Status.OFFERED
    registration.offer_expires_at = now + hold_time()
    registration.save(update_fields=["status", "offer_expires_at"])
    log(registration, "events.registration.offered", user=by)
    notifications.after_commit_offered(registration, confirm_url=offer_url(registration))
    return registration


def offer_token(registration):
    return signing.dumps(
        [registration.pk, registration.offer_expires_at.timestamp()], salt=SALT, compress=True
    )


def offer_path(registration):
    return reverse("events:offer", args=[offer_token(registration)])


def offer_url(registration):
    from portal.emails import absolute_url

    return absolute_url(offer_path(registration))


def read_offer_token(token):
    """The registration a confirmation link was made for, and the offer's expiry it was
    made for; BadSignature when the link was not made by the portal."""
    pk, expires = signing.loads(token, salt=SALT)
    registration = (
        Registration.objects.select_related("workshop", "occasion", "user").filter(pk=pk).first()
    )
    if registration is None:
        raise signing.BadSignature("No such registration")
    return registration, expires


def offer_state(registration, expires, now=None):
    """'open', 'confirmed' (this offer was taken), or 'gone' (expired, cancelled or for an
    earlier offer)."""
    now = now or timezone.now()
    current = registration.offer_expires_at
    if registration.status == Registration.Status.OFFERED and current is not None:
        if current.timestamp() == expires and now < current:
            return "open"
        return "gone"
    if registration.status == Registration.Status.CONFIRMED:
        return "confirmed"
    return "gone"


def check_person(registration, user):
    """A link for one person: refused when someone else is signed in."""
    if user.is_authenticated and user.pk != registration.user_id:
        raise OfferError(
            _(
                "Länken är till någon annan. Logga ut och öppna den igen, eller be den som "
                "fick mejlet att öppna den."
            )
        )


def confirm_offer(token, user, *, now=None):
    """Take the seat held for the person. Only the link's own offer, before it expires,
    and only once; the seat is already theirs on the counters, so nothing else changes."""
    now = now or timezone.now()
    registration, expires = read_offer_token(token)
    check_person(registration, user)
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("workshop", "occasion", "user")
            .get(pk=registration.pk)
        )
        state = offer_state(registration, expires, now)
        if state == "confirmed":
            raise OfferError(_("Du har redan bekräftat platsen."))
        if state != "open":
            raise OfferError(
                _(
                    "Erbjudandet gäller inte längre: tiden gick ut eller platsen avbokades. "
                    "Du kan anmäla dig på nytt om det finns platser."
                )
            )
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "confirmed_at", "offer_expires_at"])
        log(registration, "events.registration.offer_confirmed", user=registration.user)
        notifications.after_commit_promoted(registration)
    return registration


def expire_offers(*, now=None):
    """End every offer whose time is up and offer each seat to the next in line. Returns
    how many offers were ended by this run."""
    from .registration import _release_seat, promote_waitlist

    now = now or timezone.now()
    expired = 0
    done = []
    while True:
        with transaction.atomic():
            offer = (
                Registration.objects.select_for_update(skip_locked=True)
                .filter(status=Registration.Status.OFFERED, offer_expires_at__lte=now)
                .exclude(pk__in=done)
                .order_by("offer_expires_at", "pk")
                .first()
            )
            if offer is None:
                return expired
            done.append(offer.pk)
            ended = Registration.objects.filter(
                pk=offer.pk, status=Registration.Status.OFFERED, offer_expires_at__lte=now
            ).update(status=Registration.Status.CANCELLED, cancelled_at=now, offer_expires_at=None)
            if not ended:
                continue  # confirmed, cancelled or expired by someone else meanwhile
            offer.refresh_from_db()
            log(offer, "events.registration.offer_expired")
            notifications.after_commit_offer_expired(offer)
            occasion = _release_seat(offer)
            promote_waitlist(occasion, now=now)
            expired += 1
