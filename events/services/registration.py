"""Registration, cancellation and the waitlist.

A confirmed seat is taken with one conditional UPDATE on the workshop's seat counter
(`taken < capacity`), and on the organisation's quota when the workshop has a cap, inside
the registration's transaction. Database constraints back both up. On PostgreSQL a
concurrent UPDATE of the same counter waits for the other transaction and re-checks the
condition; on SQLite, IMMEDIATE transactions serialise writers. Either way no workshop is
ever overbooked, whatever the concurrency.
"""

from dataclasses import dataclass
from enum import Enum

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from events.models import OrganisationQuota, Registration, SeatCounter
from portal.accounts.roles import active_membership, is_coordinator_of
from portal.models import Membership

from . import notifications


class RegistrationError(Exception):
    """A registration that cannot be made; the message is for the person."""


class Seat(Enum):
    TAKEN = "taken"
    WORKSHOP_FULL = "workshop_full"
    ORGANISATION_FULL = "organisation_full"


@transaction.atomic
def sync_seat_counter(workshop):
    """Bring the counters in line with the published page: capacity, and the cap per
    organisation recounted from confirmed registrations. Called on publish; the page's
    validation has already refused a capacity or cap below what is confirmed."""
    SeatCounter.objects.get_or_create(workshop=workshop, defaults={"capacity": workshop.capacity})
    # Lock the counter first: registrations update it too, so from here on none is in
    # flight and the counts below are exact.
    counter = SeatCounter.objects.select_for_update().get(workshop=workshop)
    confirmed = Registration.objects.filter(workshop=workshop, status=Registration.Status.CONFIRMED)
    counter.capacity = workshop.capacity
    counter.taken = confirmed.count()
    counter.save(update_fields=["capacity", "taken"])
    OrganisationQuota.objects.filter(workshop=workshop).delete()
    if workshop.per_organisation_cap:
        per_organisation = confirmed.values("organisation").annotate(count=Count("id"))
        OrganisationQuota.objects.bulk_create(
            OrganisationQuota(
                workshop=workshop,
                organisation_id=row["organisation"],
                cap=workshop.per_organisation_cap,
                taken=row["count"],
            )
            for row in per_organisation
        )
    return counter


def _take_seat(workshop, organisation_id):
    taken = SeatCounter.objects.filter(workshop=workshop, taken__lt=F("capacity")).update(
        taken=F("taken") + 1
    )
    if not taken:
        return Seat.WORKSHOP_FULL
    if workshop.per_organisation_cap:
        OrganisationQuota.objects.get_or_create(
            workshop=workshop,
            organisation_id=organisation_id,
            defaults={"cap": workshop.per_organisation_cap},
        )
        quota_taken = OrganisationQuota.objects.filter(
            workshop=workshop, organisation_id=organisation_id, taken__lt=F("cap")
        ).update(taken=F("taken") + 1)
        if not quota_taken:
            SeatCounter.objects.filter(workshop=workshop).update(taken=F("taken") - 1)
            return Seat.ORGANISATION_FULL
    return Seat.TAKEN


def _release_seat(registration):
    SeatCounter.objects.filter(workshop=registration.workshop_id).update(taken=F("taken") - 1)
    OrganisationQuota.objects.filter(
        workshop=registration.workshop_id, organisation=registration.organisation_id
    ).update(taken=F("taken") - 1)


def registration_state(workshop, now=None):
    """'not_open' before registration opens, 'open', then 'closed' when it closes or the
    first session starts, whichever comes first."""
    now = now or timezone.now()
    if now < workshop.registration_opens:
        return "not_open"
    if now >= workshop.registration_closes or (workshop.starts_at and now >= workshop.starts_at):
        return "closed"
    return "open"


@dataclass(frozen=True)
class RegistrationOutlook:
    """What one person sees of a workshop's registration, and may do there."""

    registration: Registration | None  # the person's own, unless cancelled
    membership: Membership | None  # the person's approved membership
    refusal: str  # why the person's organisation may not sign up, or "" when it may
    seats: SeatCounter | None
    waitlist_count: int
    state: str  # registration_state: 'not_open', 'open' or 'closed'
    can_register_team: bool
    shows_meeting_link: bool


def registration_outlook(workshop, user, now=None):
    """The registration part of the workshop page for this person (or visitor)."""
    registration = membership = None
    refusal = ""
    if user.is_authenticated:
        registration = (
            Registration.objects.filter(workshop=workshop, user=user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        membership = active_membership(user)
        if membership is not None:
            refusal = _refusal(workshop, membership.organisation)
    return RegistrationOutlook(
        registration=registration,
        membership=membership,
        refusal=refusal,
        seats=SeatCounter.objects.filter(workshop=workshop).first(),
        waitlist_count=Registration.objects.filter(
            workshop=workshop, status=Registration.Status.WAITLISTED
        ).count(),
        state=registration_state(workshop, now),
        can_register_team=membership is not None
        and not refusal
        and is_coordinator_of(user, membership.organisation),
        shows_meeting_link=registration is not None
        and registration.status == Registration.Status.CONFIRMED,
    )


def registrations_in_arrival_order(workshop):
    """Every registration of the workshop in arrival order, each with its place in the
    waitlist queue (1 for the first waiting) or None when it is not waiting."""
    registrations = (
        Registration.objects.filter(workshop=workshop)
        .select_related("user", "organisation")
        .order_by("id")
    )
    waiting = 0
    for registration in registrations:
        if registration.status == Registration.Status.WAITLISTED:
            waiting += 1
            yield registration, waiting
        else:
            yield registration, None


def _check_can_register(workshop, user, now):
    state = registration_state(workshop, now)
    if state == "not_open":
        raise RegistrationError(
            _("Anmälan öppnar %(when)s.")
            % {"when": timezone.localtime(workshop.registration_opens).strftime("%Y-%m-%d %H:%M")}
        )
    if state == "closed":
        raise RegistrationError(_("Anmälan till workshoppen har stängt."))
    membership = active_membership(user)
    if membership is None:
        raise RegistrationError(
            _("Du behöver företräda en organisation för att anmäla dig. Ansök på Mina sidor.")
        )
    organisation = membership.organisation
    if refusal := _refusal(workshop, organisation):
        raise RegistrationError(refusal)
    if workshop.network_id and not workshop.network.has_active_member(organisation):
        raise RegistrationError(
            _("Workshoppen är bara för organisationerna i nätverket %(network)s.")
            % {"network": workshop.network}
        )
    return organisation


def _refusal(workshop, organisation):
    """Why members of the organisation may not sign up for the workshop ("" if they may)."""
    if workshop.admits(organisation):
        return ""
    kind = organisation.get_kind_display()
    return _(
        "Den här workshoppen är öppen för %(kinds)s. Du företräder %(organisation)s (%(kind)s)."
    ) % {
        "kinds": workshop.open_to_label,
        "organisation": organisation.name,
        "kind": kind[:1].lower() + kind[1:],
    }


def register(workshop, user, *, registered_by=None, now=None):
    """Sign a person up: a confirmed seat if one is free (within the organisation's cap),
    otherwise a place on the waitlist in arrival order."""
    now = now or timezone.now()
    organisation = _check_can_register(workshop, user, now)
    try:
        with transaction.atomic():
            previous = Registration.objects.filter(workshop=workshop, user=user).first()
            if previous is not None and previous.status != Registration.Status.CANCELLED:
                raise RegistrationError(_("Du är redan anmäld till workshoppen."))
            if previous is not None:
                # Signing up again joins the back of the queue, as a new arrival.
                previous.delete()
            seat = _take_seat(workshop, organisation.pk)
            registration = Registration.objects.create(
                workshop=workshop,
                user=user,
                organisation=organisation,
                registered_by=registered_by,
                status=(
                    Registration.Status.CONFIRMED
                    if seat is Seat.TAKEN
                    else Registration.Status.WAITLISTED
                ),
                confirmed_at=now if seat is Seat.TAKEN else None,
            )
            log(
                registration,
                f"events.registration.{registration.status}",
                user=registered_by or user,
            )
            notifications.after_commit_registered(registration)
    except IntegrityError as error:
        # The same person signing up twice at the same instant: the constraint wins.
        raise RegistrationError(_("Du är redan anmäld till workshoppen.")) from error
    return registration


def register_team(workshop, coordinator, colleagues, *, now=None):
    """A coordinator signs up colleagues from their own organisation (of any kind), within
    the same caps.

    Returns (registered, problems) where problems pairs a colleague with the reason."""
    membership = active_membership(coordinator)
    if membership is None or not is_coordinator_of(coordinator, membership.organisation):
        raise PermissionError(_("Bara organisationens kontaktperson kan anmäla kollegor."))
    registered, problems = [], []
    for colleague in colleagues:
        colleague_membership = active_membership(colleague)
        if (
            colleague_membership is None
            or colleague_membership.organisation_id != membership.organisation_id
        ):
            problems.append(
                (colleague, _("hör inte till %(name)s") % {"name": membership.organisation})
            )
            continue
        try:
            registered.append(register(workshop, colleague, registered_by=coordinator, now=now))
        except RegistrationError as error:
            problems.append((colleague, str(error)))
    return registered, problems


def cancel(registration, *, by, now=None):
    """Cancel a registration until the workshop starts; a freed seat goes to the first
    person in line (within their organisation's cap) in the same transaction."""
    with transaction.atomic():
        return _cancel(registration, by=by, now=now or timezone.now())


def _cancel(registration, *, by, now, action="events.registration.cancelled", notify=True):
    registration = (
        Registration.objects.select_for_update().select_related("workshop").get(pk=registration.pk)
    )
    workshop = registration.workshop
    if workshop.starts_at and now >= workshop.starts_at:
        raise RegistrationError(_("Workshoppen har redan börjat och kan inte avbokas."))
    if registration.status == Registration.Status.CANCELLED:
        return registration, []
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    log(registration, action, user=by)
    if notify:
        notifications.after_commit_cancelled(registration)
    promoted = []
    if was_confirmed:
        _release_seat(registration)
        promoted = promote_waitlist(workshop, by=by, now=now)
    return registration, promoted


def cancel_for_deleted_account(user, *, now=None):
    """The person's account is being deleted: cancel their registrations for workshops that
    have not started, so each seat goes back and the waitlist moves up (the promoted are
    emailed). Must run inside the deleting transaction. The person is not emailed: their
    address goes with the account. Returns the people promoted."""
    now = now or timezone.now()
    promoted = []
    upcoming = (
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("workshop")
        .order_by("pk")
    )
    for registration in upcoming:
        starts_at = registration.workshop.starts_at
        if starts_at and now >= starts_at:
            continue  # history: deleted with the account, no seat to give back
        _cancelled, moved_up = _cancel(
            registration,
            by=None,
            now=now,
            action="events.registration.cancelled_account_deleted",
            notify=False,
        )
        promoted += moved_up
    return promoted


def promote_waitlist(workshop, *, by=None, now=None):
    """Fill free seats from the waitlist in arrival order, skipping people whose
    organisation has used its cap. Must run inside the caller's transaction.

    Each candidate is locked (SELECT ... FOR UPDATE) and fetched one at a time, so a
    person who leaves the waitlist meanwhile is re-checked and never promoted."""
    now = now or timezone.now()
    promoted, skipped = [], []
    waitlist = Registration.objects.select_for_update().filter(
        workshop=workshop, status=Registration.Status.WAITLISTED
    )
    while (candidate := waitlist.exclude(pk__in=skipped).order_by("id").first()) is not None:
        seat = _take_seat(workshop, candidate.organisation_id)
        if seat is Seat.WORKSHOP_FULL:
            break
        if seat is Seat.ORGANISATION_FULL:
            skipped.append(candidate.pk)
            continue
        _confirm(candidate, now)
        log(candidate, "events.registration.promoted", user=by)
        notifications.after_commit_promoted(candidate)
        promoted.append(candidate)
    return promoted


def _confirm(registration, now):
    registration.status = Registration.Status.CONFIRMED
    registration.confirmed_at = now
    registration.save(update_fields=["status", "confirmed_at"])


def move_from_waitlist(registration, *, by, now=None):
    """An editor gives a waitlisted person a seat by hand, ahead of the queue. Capacity
    and the organisation's cap still hold: raise them on the page first if need be."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.WAITLISTED:
            raise RegistrationError(_("Personen står inte på väntelistan."))
        seat = _take_seat(registration.workshop, registration.organisation_id)
        if seat is Seat.WORKSHOP_FULL:
            raise RegistrationError(_("Workshoppen är fullbokad. Öka antalet platser först."))
        if seat is Seat.ORGANISATION_FULL:
            raise RegistrationError(
                _("%(name)s har redan så många platser som gränsen per organisation tillåter.")
                % {"name": registration.organisation}
            )
        _confirm(registration, now)
        log(registration, "events.registration.moved_by_editor", user=by)
        notifications.after_commit_promoted(registration)
    return registration
