"""What happens next in an engagement: the next steps of each phase and activity (what,
who, by when) and the meetings held, with their short notes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .engagements import Engagement


class NextStep(models.Model):
    class Owner(models.TextChoices):
        TEAM = "team", _("Förstärkningsteamet")
        MUNICIPALITY = "municipality", _("Kommunen")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="steps")
    phase = models.CharField(_("fas"), max_length=20, choices=Engagement.Phase.choices)
    activity = models.ForeignKey(
        "support.SupportActivity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("aktivitet"),
        help_text=_("Tom när steget gäller hela fasen."),
    )
    what = models.CharField(_("vad"), max_length=300)
    owner = models.CharField(_("vem"), max_length=20, choices=Owner.choices)
    owner_role = models.CharField(
        _("roll i kommunen"),
        max_length=100,
        blank=True,
        help_text=_("T.ex. ”socialchef” eller ”samordnare”. Aldrig namn på barn eller klienter."),
    )
    due_on = models.DateField(_("senast"))
    done_at = models.DateTimeField(_("klart"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("markerat klart av"),
    )
    # Claimed by the reminder command with a conditional update: one reminder per step.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("nästa steg")
        verbose_name_plural = _("nästa steg")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.what

    @property
    def is_done(self):
        return self.done_at is not None

    @property
    def is_overdue(self):
        return not self.is_done and self.due_on < timezone.localdate()

    @property
    def owner_label(self):
        if self.owner == self.Owner.TEAM:
            return str(self.get_owner_display())
        return (
            f"{self.get_owner_display()} ({self.owner_role})"
            if self.owner_role
            else str(self.get_owner_display())
        )


class EngagementMeeting(models.Model):
    class Kind(models.TextChoices):
        DIGITAL = "digital", _("Digitalt")
        ON_SITE = "on_site", _("Fysiskt")
        WORKSHOP = "workshop", _("Workshop")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("datum"))
    kind = models.CharField(_("form"), max_length=20, choices=Kind.choices)
    roles = models.CharField(
        _("deltagande roller"),
        max_length=300,
        help_text=_("T.ex. ”socialchef, två socialsekreterare, teamets processledare”."),
    )
    notes = models.TextField(
        _("korta anteckningar"),
        max_length=2000,
        blank=True,
        help_text=_("Syns bara för insatsens organisationer och teamet. Skriv aldrig om enskilda."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("möte i insatsen")
        verbose_name_plural = _("möten i insatsen")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on:%Y-%m-%d}"
