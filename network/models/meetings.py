"""A network's own meetings: scheduled by its coordinator, with an agenda before and
minutes after. (Workshops restricted to a network are the events app's, `meetings`.)"""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.admin_forms import PrivacyGuardedModelForm


class Meeting(models.Model):
    network = models.ForeignKey(
        "network.Network", on_delete=models.CASCADE, related_name="network_meetings"
    )
    title = models.CharField(_("rubrik"), max_length=200)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    place = models.CharField(_("plats"), max_length=255, blank=True)
    meeting_link = models.URLField(
        _("möteslänk"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    agenda = models.TextField(_("dagordning"))
    minutes = models.TextField(_("minnesanteckningar"), blank=True)
    minutes_written_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Raised with every change that the people invited are told of (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    base_form_class = PrivacyGuardedModelForm

    class Meta:
        verbose_name = _("nätverksmöte")
        verbose_name_plural = _("nätverksmöten")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.network})"

    def get_absolute_url(self):
        return reverse("network:meeting_list", args=[self.network.slug]) + f"#mote-{self.pk}"

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def uid(self):
        return f"network-meeting-{self.pk}@kunskapsnatverket"
