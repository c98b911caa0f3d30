"""Registration, cancellation, moving between a workshop's occasions, and the waitlist.

People sign up for one occasion (date) of a workshop. A seat is taken with one conditional
UPDATE on the occasion's seat counter (`taken < capacity`), and on the organisation's
quota when the occasion has a cap, inside the registration's transaction. Database
constraints back both up. On PostgreSQL a concurrent UPDATE of the same counter waits for
the other transaction and re-checks the condition; on SQLite, IMMEDIATE transactions
serialise writers. Either way no occasion is ever overbooked, whatever the concurrency.
A seat held for someone offered it from the waitlist (services.offers) counts as taken.
"""

from dataclasses import dataclass
from enum import Enum

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from events.models import Occasion, OrganisationQuota, Registration, SeatCounter, WorkshopPage
from portal.accounts.roles import active_membership, is_coordinator_of
from portal.models import Membership

from . import notifications


class RegistrationError(Exception):
    """A registration that cannot be made; the message is for the person."""


class Seat(Enum):
    TAKEN = "taken"
    WORKSHOP_FULL = "workshop_full"
    ORGANISATION_FULL = "organisation_full"


def sync_seat_counter(workshop):
    """Bring every occasion's counters in line with the published page (called on
    publish), and cancel the registrations of an occasion the page no longer has.

    The page's validation refuses fewer seats (or a lower cap) than are taken. A revision
    approved through moderation is not validated again, so if it asks for fewer seats than
    people hold by then, nobody loses their seat: the counter keeps what is taken, comes
    down to the new number as seats free up (_release_seat), and the editors are told in
    the page's history. Returns the occasions whose capacity could not be lowered."""
    kept_higher = []
    with transaction.atomic():
        occasions = Occasion.objects.filter(workshop=workshop).order_by("pk")
        if workshop.open_format:
            _open_up(workshop, occasions)
        for occasion in [] if workshop.open_format else occasions:
            if _sync_occasion(occasion):
                kept_higher.append(occasion)
            # Seats added (more capacity, a higher cap) go to the waitlist at once.
            promote_waitlist(occasion)
        for occasion in kept_higher:
            log(workshop, "events.occasion.capacity_kept", data={"occasion": str(occasion)})
        _cancel_for_removed_occasions(workshop)
    return kept_higher


def _open_up(workshop, occasions):
    """An open format has no seats to count: counters go, and anyone waiting or holding
    an offer is simply registered (told as if promoted)."""
    SeatCounter.objects.filter(occasion__in=occasions).delete()
    OrganisationQuota.objects.filter(occasion__in=occasions).delete()
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer joins below.
    waiting = Registration.objects.select_for_update(of=("self",)).filter(
        workshop=workshop,
        status__in=[Registration.Status.WAITLISTED, Registration.Status.OFFERED],
    )
    now = timezone.now()
    for registration in waiting.select_related("workshop", "occasion", "user"):
        _confirm(registration, now)
        log(registration, "events.registration.promoted")
        notifications.after_commit_promoted(registration)


def _sync_occasion(occasion):
    SeatCounter.objects.get_or_create(occasion=occasion, defaults={"capacity": occasion.capacity})
    # Lock the counter first: registrations update it too, so from here on none is in
    # flight and the counts below are exact.
    counter = SeatCounter.objects.select_for_update().get(occasion=occasion)
    holding = Registration.objects.filter(occasion=occasion, status__in=Registration.HOLDING)
    counter.taken = holding.count()
    counter.capacity = max(occasion.capacity or 0, counter.taken)
    counter.save(update_fields=["capacity", "taken"])
    OrganisationQuota.objects.filter(occasion=occasion).delete()
    cap_kept = False
    if occasion.per_organisation_cap:
        per_organisation = holding.values("organisation").annotate(count=Count("id"))
        quotas = [
            OrganisationQuota(
                occasion=occasion,
                organisation_id=row["organisation"],
                cap=max(occasion.per_organisation_cap, row["count"]),
                taken=row["count"],
            )
            for row in per_organisation
        ]
        cap_kept = any(quota.cap > occasion.per_organisation_cap for quota in quotas)
        OrganisationQuota.objects.bulk_create(quotas)
    return counter.capacity > (occasion.capacity or 0) or cap_kept


def _cancel_for_removed_occasions(workshop):
    """A published revision without an occasion that had registrations (the database sets
    their occasion to NULL): they are cancelled and the people told."""
    orphaned = Registration.objects.select_for_update().filter(
        workshop=workshop, occasion__isnull=True
    )
    for registration in orphaned.exclude(status=Registration.Status.CANCELLED):
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        log(registration, "events.registration.cancelled_occasion_removed")
        notifications.after_commit_cancelled(registration)


def occasion_of(target):
    """The occasion to sign up for: the occasion itself, or a workshop's only occasion (a
    workshop with several dates needs the person to choose one)."""
    if isinstance(target, Occasion):
        return target
    if isinstance(target, WorkshopPage):
        occasions = list(target.occasions.all()[:2])
        if len(occasions) == 1:
            return occasions[0]
        raise RegistrationError(_("Välj vilket tillfälle du vill anmäla dig till."))
    raise TypeError(f"Not an occasion: {target!r}")


def _take_seat(occasion, organisation_id):
    if occasion.workshop.open_format:
        return Seat.TAKEN  # no capacity, no caps: registering only brings link and reminders
    taken = SeatCounter.objects.filter(occasion=occasion, taken__lt=F("capacity")).update(
        taken=F("taken") + 1
    )
    if not taken:
        return Seat.WORKSHOP_FULL
    if occasion.per_organisation_cap:
        OrganisationQuota.objects.get_or_create(
            occasion=occasion,
            organisation_id=organisation_id,
            defaults={"cap": occasion.per_organisation_cap},
        )
        quota_taken = OrganisationQuota.objects.filter(
            occasion=occasion, organisation_id=organisation_id, taken__lt=F("cap")
        ).update(taken=F("taken") + 1)
        if not quota_taken:
            SeatCounter.objects.filter(occasion=occasion).update(taken=F("taken") - 1)
            return Seat.ORGANISATION_FULL
    return Seat.TAKEN


def _release_seat(registration):
    """Give back a confirmed or held seat. Where an approved revision asked for fewer seats
    (or a lower cap) than were taken, the seat goes instead of coming free."""
    occasion = Occasion.objects.select_related("workshop").get(pk=registration.occasion_id)
    if occasion.workshop.open_format:
        return occasion
    counters = SeatCounter.objects.filter(occasion=occasion)
    shrunk = counters.filter(capacity__gt=occasion.capacity).update(
        capacity=F("capacity") - 1, taken=F("taken") - 1
    )
    if not shrunk:
        counters.update(taken=F("taken") - 1)
    quotas = OrganisationQuota.objects.filter(
        occasion=occasion, organisation=registration.organisation_id
    )
    lowered = 0
    if occasion.per_organisation_cap:
        lowered = quotas.filter(cap__gt=occasion.per_organisation_cap).update(
            cap=F("cap") - 1, taken=F("taken") - 1
        )
    if not lowered:
        quotas.update(taken=F("taken") - 1)
    return occasion


def registration_state(workshop, now=None, occasion=None):
    """'not_open' before registration opens, 'open', then 'closed' when it closes or, for
    one occasion, when its first session starts, whichever comes first. Without an
    occasion: 'closed' once every occasion has started."""
    now = now or timezone.now()
    if now < workshop.registration_opens:
        return "not_open"
    if now >= workshop.registration_closes:
        return "closed"
    starts = (
        [occasion.starts_at]
        if occasion is not None
        else [o.starts_at for o in workshop.occasion_times]
    )
    if starts and all(start and now >= start for start in starts):
        return "closed"
    return "open"


@dataclass(frozen=True)
class OccasionOutlook:
    """One occasion as the workshop page shows it to one person."""

    occasion: Occasion
    seats: SeatCounter | None
    waitlist_count: int
    state: str  # registration_state for this occasion
    is_own: bool  # the person's registration is for this occasion

    @property
    def has_seats(self):
        if self.occasion.workshop.open_format:
            return True
        return self.seats is not None and self.seats.left > 0


@dataclass(frozen=True)
class RegistrationOutlook:
    """What one person sees of a workshop's registration, and may do there."""

    registration: Registration | None  # the person's own, unless cancelled
    membership: Membership | None  # the person's approved membership
    refusal: str  # why the person's organisation may not sign up, or "" when it may
    occasions: list  # OccasionOutlook, soonest first
    state: str  # registration_state of the workshop: 'not_open', 'open' or 'closed'
    can_register_team: bool
    shows_meeting_link: bool
    offer_path: str  # where the person confirms a seat offered to them, or ""

    @property
    def own_occasion(self):
        return next((o for o in self.occasions if o.is_own), None)


def registration_outlook(workshop, user, now=None):
    """The registration part of the workshop page for this person (or visitor)."""
    from .offers import offer_path

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
    occasions = workshop.occasion_times
    saved = [o for o in occasions if o.pk]  # a preview shows dates not saved yet
    counters = {c.occasion_id: c for c in SeatCounter.objects.filter(occasion__in=saved)}
    waiting = dict(
        Registration.objects.filter(occasion__in=saved, status=Registration.Status.WAITLISTED)
        .values("occasion")
        .annotate(n=Count("id"))
        .values_list("occasion", "n")
    )
    return RegistrationOutlook(
        registration=registration,
        membership=membership,
        refusal=refusal,
        occasions=[
            OccasionOutlook(
                occasion=occasion,
                seats=counters.get(occasion.pk),
                waitlist_count=waiting.get(occasion.pk, 0),
                state=registration_state(workshop, now, occasion),
                is_own=registration is not None and registration.occasion_id == occasion.pk,
            )
            for occasion in occasions
        ],
        state=registration_state(workshop, now),
        can_register_team=membership is not None
        and not refusal
        and is_coordinator_of(user, membership.organisation),
        shows_meeting_link=registration is not None
        and registration.status == Registration.Status.CONFIRMED,
        offer_path=(
            offer_path(registration)
            if registration is not None and registration.status == Registration.Status.OFFERED
            else ""
        ),
    )


def registrations_in_arrival_order(workshop):
    """Every registration of the workshop in arrival order, each with its place in its
    occasion's waitlist (1 for the first waiting) or None when it is not waiting."""
    registrations = (
        Registration.objects.filter(workshop=workshop)
        .select_related("user", "organisation", "occasion")
        .order_by("id")
    )
    waiting = {}
    for registration in registrations:
        if registration.status == Registration.Status.WAITLISTED:
            waiting[registration.occasion_id] = waiting.get(registration.occasion_id, 0) + 1
            yield registration, waiting[registration.occasion_id]
        else:
            yield registration, None


def _check_can_register(occasion, user, now):
    workshop = occasion.workshop
    state = registration_state(workshop, now, occasion)
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


def register(occasion, user, *, registered_by=None, now=None):
    """Sign a person up for an occasion (or a one-date workshop): a confirmed seat if one
    is free (within the organisation's cap), otherwise a place on the occasion's waitlist
    in arrival order. One registration per person and workshop, whichever date."""
    now = now or timezone.now()
    occasion = occasion_of(occasion)
    workshop = occasion.workshop
    organisation = _check_can_register(occasion, user, now)
    try:
        with transaction.atomic():
            previous = Registration.objects.filter(workshop=workshop, user=user).first()
            if previous is not None and previous.status != Registration.Status.CANCELLED:
                raise RegistrationError(_("Du är redan anmäld till workshoppen."))
            if previous is not None:
                # Signing up again joins the back of the queue, as a new arrival.
                previous.delete()
            seat = _take_seat(occasion, organisation.pk)
            registration = Registration.objects.create(
                workshop=workshop,
                occasion=occasion,
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


def register_team(occasion, coordinator, colleagues, *, now=None):
    """A coordinator signs up colleagues from their own organisation (of any kind) for an
    occasion, within the same caps.

    Returns (registered, problems) where problems pairs a colleague with the reason."""
    membership = active_membership(coordinator)
    if membership is None or not is_coordinator_of(coordinator, membership.organisation):
        raise PermissionError(_("Bara organisationens kontaktperson kan anmäla kollegor."))
    occasion = occasion_of(occasion)
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
            registered.append(register(occasion, colleague, registered_by=coordinator, now=now))
        except RegistrationError as error:
            problems.append((colleague, str(error)))
    return registered, problems


def cancel(registration, *, by, now=None):
    """Cancel a registration until its occasion starts; a freed seat is offered to the
    first person in that occasion's line (within their organisation's cap) in the same
    transaction."""
    with transaction.atomic():
        return _cancel(registration, by=by, now=now or timezone.now())


def _started(registration, now):
    occasion = registration.occasion
    starts_at = occasion.starts_at if occasion is not None else None
    return starts_at is not None and now >= starts_at


def _cancel(registration, *, by, now, action="events.registration.cancelled", notify=True):
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("workshop", "occasion")
        .get(pk=registration.pk)
    )
    if _started(registration, now):
        raise RegistrationError(_("Workshoppen har redan börjat och kan inte avbokas."))
    if registration.status == Registration.Status.CANCELLED:
        return registration, []
    held_seat = registration.status in Registration.HOLDING
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = now
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
    log(registration, action, user=by)
    if notify:
        notifications.after_commit_cancelled(registration)
    promoted = []
    if held_seat and registration.occasion_id is not None:
        occasion = _release_seat(registration)
        promoted = promote_waitlist(occasion, by=by, now=now)
    return registration, promoted


def cancel_for_deleted_account(user, *, now=None):
    """The person's account is being deleted: cancel their registrations for occasions that
    have not started, so each seat goes back and the waitlist moves up (the next in line
    are offered the seats). Must run inside the deleting transaction. The person is not
    emailed: their address goes with the account. Returns the people offered a seat."""
    now = now or timezone.now()
    promoted = []
    upcoming = (
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("occasion")
        .order_by("pk")
    )
    for registration in upcoming:
        if _started(registration, now):
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


def promote_waitlist(occasion, *, by=None, now=None):
    """Offer free seats of the occasion to its waitlist in arrival order, skipping people
    whose organisation has used its cap. Each seat is held for the person for a set time
    (services.offers). Must run inside the caller's transaction.

    Each candidate is locked (SELECT ... FOR UPDATE) and fetched one at a time, so a
    person who leaves the waitlist meanwhile is re-checked and never offered a seat."""
    from .offers import make_offer

    now = now or timezone.now()
    promoted, skipped = [], []
    if occasion.workshop.open_format:
        return promoted
    waitlist = Registration.objects.select_for_update().filter(
        occasion=occasion, status=Registration.Status.WAITLISTED
    )
    while (candidate := waitlist.exclude(pk__in=skipped).order_by("id").first()) is not None:
        seat = _take_seat(occasion, candidate.organisation_id)
        if seat is Seat.WORKSHOP_FULL:
            break
        if seat is Seat.ORGANISATION_FULL:
            skipped.append(candidate.pk)
            continue
        make_offer(candidate, by=by, now=now)
        promoted.append(candidate)
    return promoted


def _confirm(registration, now):
    registration.status = Registration.Status.CONFIRMED
    registration.confirmed_at = now
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "confirmed_at", "offer_expires_at"])


def move_from_waitlist(registration, *, by, now=None):
    """An editor gives a waitlisted person a seat by hand, ahead of the queue (confirmed at
    once: no offer). Capacity and the organisation's cap still hold: raise them on the
    page first if need be."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.WAITLISTED:
            raise RegistrationError(_("Personen står inte på väntelistan."))
        seat = _take_seat(registration.occasion, registration.organisation_id)
        if seat is Seat.WORKSHOP_FULL:
            raise RegistrationError(
                _("Workshoppen är fullbokad det datumet. Öka antalet platser först.")
            )
        if seat is Seat.ORGANISATION_FULL:
            raise RegistrationError(
                _("%(name)s har redan så många platser som gränsen per organisation tillåter.")
                % {"name": registration.organisation}
            )
        _confirm(registration, now)
        log(registration, "events.registration.moved_by_editor", user=by)
        notifications.after_commit_promoted(registration)
    return registration


def move_to_occasion(registration, occasion, *, by, join_waitlist=False, now=None):
    """Move a person's registration to another occasion of the same workshop.

    With a seat free there (within the cap), they get it and give back the one they had,
    in one transaction: nobody loses a seat unless the new one is theirs. Without one, the
    old seat stays theirs and RegistrationError says so, unless they chose to join the new
    occasion's waitlist: then they give up what they had and join it at the back."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("workshop", "occasion")
            .get(pk=registration.pk)
        )
        if occasion.workshop_id != registration.workshop_id:
            raise RegistrationError(_("Tillfället hör till en annan workshop."))
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationError(_("Din anmälan är avbokad. Anmäl dig på nytt."))
        if registration.occasion_id == occasion.pk:
            raise RegistrationError(_("Du är redan anmäld till det tillfället."))
        if _started(registration, now):
            raise RegistrationError(_("Ditt tillfälle har redan börjat."))
        if registration_state(registration.workshop, now, occasion) != "open":
            raise RegistrationError(_("Anmälan till det tillfället är inte öppen."))
        old = registration.occasion
        held_seat = registration.status in Registration.HOLDING
        # Both counters, locked in one order: two people moving opposite ways at once
        # wait for each other instead of deadlocking.
        list(
            SeatCounter.objects.select_for_update()
            .filter(occasion__in=[occasion.pk, registration.occasion_id])
            .order_by("pk")
        )
        seat = _take_seat(occasion, registration.organisation_id)
        if seat is not Seat.TAKEN and not join_waitlist:
            raise RegistrationError(
                _("Det finns ingen ledig plats på det tillfället. Du har kvar din anmälan.")
            )
        if seat is Seat.TAKEN:
            registration.occasion = occasion
            registration.status = Registration.Status.CONFIRMED
            registration.confirmed_at = now
            registration.offer_expires_at = None
            registration.save(
                update_fields=["occasion", "status", "confirmed_at", "offer_expires_at"]
            )
        else:
            # The back of the new waitlist: the queue is served in id order, so the
            # registration is made anew (nothing has happened on it yet: it is upcoming).
            fields = {
                "workshop": registration.workshop,
                "user": registration.user,
                "organisation": registration.organisation,
                "registered_by": registration.registered_by,
            }
            if held_seat:
                _release_seat(registration)
            registration.delete()
            registration = Registration.objects.create(
                **fields, occasion=occasion, status=Registration.Status.WAITLISTED
            )
        log(
            registration,
            "events.registration.moved",
            user=by,
            data={"from": str(old) if old else "", "to": str(occasion)},
        )
        if seat is Seat.TAKEN and held_seat:
            _release_seat_of(old, registration.organisation_id)
        if held_seat and old is not None:
            promote_waitlist(old, by=by, now=now)
        notifications.after_commit_moved(registration)
    return registration


def _release_seat_of(occasion, organisation_id):
    _release_seat(Registration(occasion=occasion, organisation_id=organisation_id))
