"""Engagements (insatser): the team's support to one or more organisations over a period,
started from a granted application or by an editor for support given otherwise.

This module holds the engagement itself and who takes part; its agreement, phases and
next steps, meetings and follow-up live in modules of their own beside it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Engagement(models.Model):
    class Phase(models.TextChoices):
        DIALOGUE = "dialogue", _("Inledande dialog")
        NEEDS = "needs", _("Behovsinventering")
        DELIVERY = "delivery", _("Genomförande")
        CLOSING = "closing", _("Avslut")
        FOLLOW_UP = "follow_up", _("Uppföljning")

    title = models.CharField(_("namn"), max_length=150)
    application = models.OneToOneField(
        "support.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagement",
        verbose_name=_("beviljad ansökan"),
        help_text=_("Tom när stödet getts på annat sätt än efter en ansökan."),
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        through="support.EngagementOrganisation",
        related_name="support_engagements",
        verbose_name=_("organisationer"),
    )
    team_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_engagements_as_team_contact",
        verbose_name=_("teamets kontaktperson"),
    )
    phase = models.CharField(_("fas"), max_length=20, choices=Phase.choices, default=Phase.DIALOGUE)
    starts_on = models.DateField(_("startar"))
    ends_on = models.DateField(_("planerat slut"))
    ended_on = models.DateField(
        _("avslutad"),
        null=True,
        blank=True,
        help_text=_("Dagen insatsen avslutades; uppföljningen räknas härifrån."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    # The two-year limit (support.services.engagements): an end past it needs a reason.
    extension_reason = models.TextField(
        _("skäl för att gå förbi två år"),
        blank=True,
        help_text=_("Krävs när det planerade slutet ligger mer än två år efter start."),
    )
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("förlängd av"),
    )
    extended_at = models.DateTimeField(_("förlängd"), null=True, blank=True)
    # Set once when the team contact is warned that two years are six months away.
    limit_warned_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="engagement_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_ended(self):
        return self.ended_on is not None


class EngagementOrganisation(models.Model):
    """An organisation taking part in an engagement; the lead is the team's first contact."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="participants"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="support_engagement_participations",
        verbose_name=_("organisation"),
    )
    is_lead = models.BooleanField(_("huvudkontakt"), default=False)
    joined_on = models.DateField(_("med från"), default=timezone.localdate)
    contact_persons = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="support_engagement_contacts",
        verbose_name=_("kontaktpersoner för insatsen"),
        help_text=_("Medarbetare i organisationen som teamet vänder sig till i insatsen."),
    )

    class Meta:
        verbose_name = _("organisation i insatsen")
        verbose_name_plural = _("organisationer i insatsen")
        ordering = ["-is_lead", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "organisation"], name="one_participation_per_engagement"
            ),
            models.UniqueConstraint(
                fields=["engagement"], condition=Q(is_lead=True), name="one_lead_per_engagement"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.engagement}"
