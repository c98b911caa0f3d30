"""Follow-up of an engagement (uppföljning): at its end, and again some eight months
later, each organisation taking part answers a short questionnaire — what has stayed in
ordinary work, what did not, what support is still needed, how far it has come in each
support area — and may ask for a follow-up meeting.

One row per engagement, organisation and round, made when the engagement has ended and
sent once (support.services.follow_up); its answers are the organisation's, never a
person's, and are compared with the self-assessment made before the support."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .assessments import Scale

KEPT_MAX_LENGTH = 3000
MEETING_TIMES_MAX_LENGTH = 500


class EngagementFollowUp(models.Model):
    class Round(models.TextChoices):
        END = "end", _("Vid avslutet")
        EIGHT_MONTHS = "eight_months", _("Efter åtta månader")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Inte skickad än")
        SENT = "sent", _("Skickad, inte besvarad")
        ANSWERED = "answered", _("Besvarad")

    engagement = models.ForeignKey(
        "support.Engagement",
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("insats"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="support_follow_ups",
        verbose_name=_("organisation"),
    )
    round = models.CharField(_("tillfälle"), max_length=20, choices=Round.choices)
    due_on = models.DateField(_("skickas"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)
    sent_to = models.TextField(_("skickad till"), blank=True)

    kept = models.TextField(_("det som finns kvar i ordinarie arbete"), blank=True)
    not_kept = models.TextField(_("det som inte blev kvar"), blank=True)
    support_needed = models.TextField(_("stöd som fortfarande behövs"), blank=True)
    wants_meeting = models.BooleanField(_("vill ha ett uppföljningsmöte"), null=True, blank=True)
    meeting_times = models.CharField(
        _("tider som passar för mötet"), max_length=MEETING_TIMES_MAX_LENGTH, blank=True
    )

    updated_at = models.DateTimeField(_("senast ändrad"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("senast ändrad av"),
    )
    answered_at = models.DateTimeField(_("besvarad"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("skickad till teamet av"),
    )
    team_told_at = models.DateTimeField(_("teamet meddelat om mötesönskan"), null=True, blank=True)

    class Meta:
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")
        ordering = ["due_on", "engagement", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "organisation", "round"],
                name="one_follow_up_per_engagement_organisation_and_round",
            ),
            models.CheckConstraint(
                condition=Q(status="planned") | Q(sent_at__isnull=False),
                name="follow_up_sent_has_sent_at",
            ),
        ]

    def __str__(self):
        return f"{self.engagement} – {self.organisation} ({self.get_round_display()})"

    @property
    def is_answered(self):
        return self.status == self.Status.ANSWERED

    @property
    def is_open(self):
        """Sent and still taking answers."""
        return self.status == self.Status.SENT


class FollowUpAreaLevel(models.Model):
    """How far the organisation says it has come in one support area, on the
    self-assessment's scale, so that the two can be compared."""

    follow_up = models.ForeignKey(
        EngagementFollowUp, on_delete=models.CASCADE, related_name="levels"
    )
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("stödområde"),
    )
    value = models.PositiveSmallIntegerField(
        _("nivå"), choices=Scale.choices, null=True, blank=True
    )
    dont_know = models.BooleanField(_("vet inte"), default=False)

    class Meta:
        verbose_name = _("nivå per stödområde")
        verbose_name_plural = _("nivåer per stödområde")
        constraints = [
            models.UniqueConstraint(
                fields=["follow_up", "support_area"], name="one_level_per_follow_up_and_area"
            ),
        ]

    def __str__(self):
        return f"{self.support_area}: {self.get_value_display() or '–'}"
