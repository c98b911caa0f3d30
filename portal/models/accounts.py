"""Who acts for which organisation: memberships and their roles."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.admin_forms import PrivacyGuardedModelForm


class Membership(models.Model):
    """A person's request to act for an organisation (a municipality, a region, a county
    board, a police region or another), and its outcome.

    A person has at most one approved and at most one pending membership at a time;
    moving to another organisation is a new request, and approving it ends the old one.
    """

    base_form_class = PrivacyGuardedModelForm

    class Role(models.TextChoices):
        MEMBER = "member", _("Medlem")
        COORDINATOR = "coordinator", _("Kontaktperson")

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på godkännande")
        APPROVED = "approved", _("Godkänd")
        DECLINED = "declined", _("Avslagen")
        ENDED = "ended", _("Avslutad")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    job_title = models.CharField(
        _("befattning och arbetsplats"),
        max_length=150,
        blank=True,
        help_text=_("T.ex. ”Socialsekreterare, barn och unga”. Hjälper den som ska godkänna."),
    )
    requested_at = models.DateTimeField(_("begärd"), auto_now_add=True)
    decided_at = models.DateTimeField(_("beslutad"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslutad av"),
    )
    approved_by_email_domain = models.BooleanField(_("godkänd via e-postdomän"), default=False)
    decline_reason = models.CharField(_("skäl till avslag"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="approved"),
                name="one_approved_membership_per_person",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="pending"),
                name="one_pending_membership_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_status_display()})"

    @property
    def is_coordinator(self):
        return self.status == self.Status.APPROVED and self.role == self.Role.COORDINATOR
