"""The agreement (överenskommelse) of an engagement: goals, the activities chosen from the
offer, what each side commits to, and dates. Versioned: a change is a new version that
both sides confirm again; earlier versions stay as they were, readable."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Agreement(models.Model):
    engagement = models.ForeignKey(
        "support.Engagement", on_delete=models.CASCADE, related_name="agreements"
    )
    version = models.PositiveIntegerField(_("version"))
    goals = models.TextField(_("mål"))
    activities = models.ManyToManyField(
        "support.SupportActivity",
        blank=True,
        related_name="agreements",
        verbose_name=_("aktiviteter ur erbjudandet"),
    )
    team_commitments = models.TextField(_("förstärkningsteamet åtar sig"))
    municipality_commitments = models.TextField(_("kommunen åtar sig"))
    starts_on = models.DateField(_("startar"))
    ends_on = models.DateField(_("planerat slut"))
    change_note = models.CharField(_("vad som ändrats"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    team_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bekräftad för teamet av"),
    )
    team_confirmed_at = models.DateTimeField(_("bekräftad av teamet"), null=True, blank=True)
    municipality_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bekräftad för kommunen av"),
    )
    municipality_confirmed_at = models.DateTimeField(
        _("bekräftad av kommunen"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("överenskommelse")
        verbose_name_plural = _("överenskommelser")
        ordering = ["engagement", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "version"], name="one_agreement_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.engagement} – version {self.version}"

    @property
    def is_confirmed(self):
        return self.team_confirmed_at is not None and self.municipality_confirmed_at is not None
