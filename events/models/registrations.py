"""Sign-ups for workshops, and the counters that keep them within capacity."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SeatCounter(models.Model):
    """Seats taken on one occasion of a workshop: confirmed ones and those held for a person
    offered a seat from the waitlist. Seats are taken with one conditional UPDATE
    (`taken < capacity`), and the database refuses a row with more taken than there are.

    The counter lives outside the page and its occasions because publishing a page
    revision writes every page and occasion field back, which would reset a counter stored
    there. `capacity` is the occasion's, except while an approved revision asked for fewer
    seats than were taken: then it is what was taken, and it comes down as seats free up.
    """

    occasion = models.OneToOneField(
        "events.Occasion", on_delete=models.CASCADE, related_name="seat_counter"
    )
    capacity = models.PositiveIntegerField()
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=F("capacity")), name="seats_never_above_capacity"
            )
        ]

    def __str__(self):
        return f"{self.taken}/{self.capacity}"

    @property
    def left(self):
        return self.capacity - self.taken


class OrganisationQuota(models.Model):
    """Seats (confirmed or held) one organisation (of any kind) has on an occasion with a
    cap per organisation."""

    occasion = models.ForeignKey(
        "events.Occasion", on_delete=models.CASCADE, related_name="organisation_quotas"
    )
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE)
    cap = models.PositiveIntegerField()
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["occasion", "organisation"], name="one_quota_per_occasion"
            ),
            models.CheckConstraint(condition=Q(taken__lte=F("cap")), name="quota_never_above_cap"),
        ]

    def __str__(self):
        return f"{self.organisation_id}: {self.taken}/{self.cap}"


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekräftad")
        OFFERED = "offered", _("Erbjuden plats")
        WAITLISTED = "waitlisted", _("På väntelistan")
        CANCELLED = "cancelled", _("Avbokad")

    # The statuses that take a seat on the occasion's counter.
    HOLDING = (Status.CONFIRMED, Status.OFFERED)

    workshop = models.ForeignKey(
        "events.WorkshopPage", on_delete=models.CASCADE, related_name="registrations"
    )
    # Null only when the date was removed from the workshop (the registration is then
    # cancelled when the page is published).
    occasion = models.ForeignKey(
        "events.Occasion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        verbose_name=_("tillfälle"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workshop_registrations",
        verbose_name=_("deltagare"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("anmäld av"),
    )
    created_at = models.DateTimeField(_("anmäld"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avbokad"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("erbjudandet gäller till"), null=True, blank=True)
    attended = models.BooleanField(_("närvarade"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_requested_at = models.DateTimeField(null=True, blank=True)
    materials_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        ordering = ["id"]  # arrival order: the waitlist is served in id order
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="one_registration_per_person")
        ]
        indexes = [
            models.Index(fields=["workshop", "status", "id"]),
            models.Index(fields=["occasion", "status", "id"], name="registration_occasion_queue"),
            models.Index(fields=["status", "offer_expires_at"], name="registration_offer_expiry"),
        ]

    def __str__(self):
        return f"{self.user} – {self.workshop} ({self.get_status_display()})"

    @property
    def waitlist_position(self):
        if self.status != self.Status.WAITLISTED:
            return None
        return Registration.objects.filter(
            occasion_id=self.occasion_id, status=self.Status.WAITLISTED, id__lte=self.id
        ).count()


class SessionAttendance(models.Model):
    """One person at one session of their occasion: the reminder before it, and whether
    they came (marked by an editor)."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="session_attendance"
    )
    session = models.ForeignKey(
        "events.WorkshopSession", on_delete=models.CASCADE, related_name="attendance"
    )
    attended = models.BooleanField(_("närvarade"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("närvaro per pass")
        verbose_name_plural = _("närvaro per pass")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="one_attendance_per_session"
            )
        ]

    def __str__(self):
        return f"{self.registration_id} @ {self.session_id}: {self.attended}"


class Feedback(models.Model):
    """What a participant thought of a workshop. Never about individuals."""

    SCALE = [(n, str(n)) for n in range(1, 6)]

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    usefulness = models.PositiveSmallIntegerField(_("hur användbar"), choices=SCALE)
    concreteness = models.PositiveSmallIntegerField(_("hur konkret"), choices=SCALE)
    would_recommend = models.BooleanField(_("skulle rekommendera"))
    next_steps = models.TextField(_("vad du ska göra härnäst"), blank=True)
    comment = models.TextField(_("övriga synpunkter"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("utvärdering")
        verbose_name_plural = _("utvärderingar")

    def __str__(self):
        return f"{self.registration.workshop}: {self.usefulness}/{self.concreteness}"


class CalendarFeed(models.Model):
    """A person's secret calendar address, listing their confirmed workshops."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)

    class Meta:
        verbose_name = _("kalenderflöde")
        verbose_name_plural = _("kalenderflöden")

    def __str__(self):
        return str(self.user)
