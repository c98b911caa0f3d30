"""A coordinator's proposal for a new network, which an editor approves or declines.

Kept apart from Network, which is public wherever it is listed: a proposal becomes a
Network only when an editor approves it (network.services.networks.proposals)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NetworkProposal(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på beslut")
        APPROVED = "approved", _("Godkänt")
        DECLINED = "declined", _("Avslaget")

    name = models.CharField(_("namn"), max_length=150)
    challenge = models.ForeignKey(
        "portal.Challenge",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gemensam utmaning"),
    )
    purpose = models.TextField(_("syfte"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="network_proposals",
        verbose_name=_("föreslaget av"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="network_proposals",
        verbose_name=_("föreslaget för organisationen"),
    )
    invitees = models.ManyToManyField(
        "organisations.Organisation",
        related_name="network_proposal_invitations",
        verbose_name=_("organisationer att bjuda in"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("beslutat av"),
    )
    decided_at = models.DateTimeField(_("beslutat"), null=True, blank=True)
    decline_reason = models.CharField(_("skäl till avslaget"), max_length=500, blank=True)
    network = models.ForeignKey(
        "network.Network",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        verbose_name=_("nätverket som skapades"),
    )
    created_at = models.DateTimeField(_("föreslaget"), default=timezone.now)

    class Meta:
        verbose_name = _("förslag till nätverk")
        verbose_name_plural = _("förslag till nätverk")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
