"""Applications for the team's support: from one municipality or several together, each
anchored by a named manager of each applicant before it can be submitted."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SUBMITTED = "submitted", _("Inskickad")
        GRANTED = "granted", _("Beviljad")
        DECLINED = "declined", _("Inte beviljad")
        WITHDRAWN = "withdrawn", _("Återtagen")

    round = models.ForeignKey(
        "support.ApplicationRound",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("ansökningsomgång"),
    )
    lead = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="led_support_applications",
        verbose_name=_("sökande (kontakt)"),
    )
    network = models.ForeignKey(
        "network.Network",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_applications",
        verbose_name=_("söker som nätverk"),
    )
    activities = models.ManyToManyField(
        "support.SupportActivity",
        blank=True,
        related_name="applications",
        verbose_name=_("önskade aktiviteter"),
    )
    goals = models.TextField(_("vad ni vill uppnå"), blank=True)
    integration = models.TextField(_("hur stödet tas in i det ordinarie arbetet"), blank=True)
    collaboration = models.TextField(_("hur ni samverkar med andra i regionen"), blank=True)
    self_assessment = models.ForeignKey(
        "support.SelfAssessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        verbose_name=_("bifogad nulägesanalys"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    updated_at = models.DateTimeField(_("senast ändrad"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("inskickad av"),
    )
    submitted_at = models.DateTimeField(_("inskickad"), null=True, blank=True)
    decision_reasons = models.TextField(_("skäl för beslutet"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("beslutat av"),
    )
    decided_at = models.DateTimeField(_("beslutat"), null=True, blank=True)

    class Meta:
        verbose_name = _("ansökan om stöd")
        verbose_name_plural = _("ansökningar om stöd")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One draft per lead organisation and round: a double click opens the same one.
            models.UniqueConstraint(
                fields=["round", "lead"],
                condition=Q(status="draft"),
                name="one_draft_per_lead_and_round",
            ),
        ]

    def __str__(self):
        return f"{self.lead} – {self.round}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_decided(self):
        return self.status in (self.Status.GRANTED, self.Status.DECLINED)


class ApplicationParticipant(models.Model):
    """An organisation applying: the lead, or a co-applicant that confirms taking part."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Inbjuden")
        CONFIRMED = "confirmed", _("Bekräftad")
        DECLINED = "declined", _("Tackade nej")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="participants"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="support_application_participations",
        verbose_name=_("organisation"),
    )
    is_lead = models.BooleanField(_("kontakt för ansökan"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INVITED
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("svarade"),
    )
    responded_at = models.DateTimeField(_("svarade"), null=True, blank=True)
    invited_at = models.DateTimeField(_("inbjuden"), default=timezone.now)

    class Meta:
        verbose_name = _("sökande organisation")
        verbose_name_plural = _("sökande organisationer")
        ordering = ["-is_lead", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "organisation"], name="one_participation_per_application"
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(is_lead=True),
                name="one_lead_per_application",
            ),
        ]

    def __str__(self):
        return str(self.organisation)


class Anchoring(models.Model):
    """A named manager's confirmation that the application is anchored in the
    organisation's management (förankrad på förvaltningsledningsnivå).

    The manager answers through a signed link (support.services.anchoring), either signed
    in with the named address or with a one-time code sent to it. Naming another manager
    replaces the request: the old one is withdrawn and its link stops working."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på svar")
        CONFIRMED = "confirmed", _("Bekräftad")
        DECLINED = "declined", _("Avböjd")
        WITHDRAWN = "withdrawn", _("Ersatt")

    participant = models.ForeignKey(
        ApplicationParticipant, on_delete=models.CASCADE, related_name="anchorings"
    )
    manager_name = models.CharField(_("chefens namn"), max_length=150)
    manager_title = models.CharField(_("chefens befattning"), max_length=150)
    manager_email = models.EmailField(_("chefens e-postadress i tjänsten"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # A random part of the signed link: replacing the request changes it, so an old link
    # can never answer a new one.
    link_secret = models.CharField(max_length=64, editable=False)
    code_hash = models.CharField(max_length=128, blank=True, editable=False)
    code_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    code_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    # Codes sent in all (code_attempts counts the tries at the current one).
    codes_sent = models.PositiveSmallIntegerField(default=0, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("begärd av"),
    )
    requested_at = models.DateTimeField(_("begärd"), default=timezone.now)
    responded_at = models.DateTimeField(_("besvarad"), null=True, blank=True)
    comment = models.CharField(_("chefens kommentar"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("förankring hos chef")
        verbose_name_plural = _("förankringar hos chef")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=Q(status__in=["pending", "confirmed"]),
                name="one_live_anchoring_per_participant",
            ),
        ]

    def __str__(self):
        return f"{self.manager_name}, {self.manager_title}"
