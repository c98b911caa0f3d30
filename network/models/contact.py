"""Contact between organisations through the portal, and the team's contact persons.

A ContactRequest records that someone wrote to an organisation's coordinators through the
portal: who, for which organisation, to which, and when. Never what was written; the
message itself only passes through the email outbox. A TeamContact is the person in the
national team (an editor) whom a municipality can turn to.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactRequest(models.Model):
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_requests",
        verbose_name=_("avsändare"),
    )
    sender_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("avsändarens organisation"),
    )
    recipient = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="contact_requests_received",
        verbose_name=_("mottagande organisation"),
    )
    created_at = models.DateTimeField(_("skickat"), default=timezone.now)

    class Meta:
        verbose_name = _("kontakt via portalen")
        verbose_name_plural = _("kontakter via portalen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sender", "created_at"])]

    def __str__(self):
        return f"{self.sender} → {self.recipient}"


class TeamContact(models.Model):
    municipality = models.OneToOneField(
        "organisations.Municipality",
        on_delete=models.CASCADE,
        related_name="team_contact",
        verbose_name=_("kommun"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="team_contact_for",
        verbose_name=_("kontaktperson i förstärkningsteamet"),
    )
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("kontaktperson i förstärkningsteamet")
        verbose_name_plural = _("kontaktpersoner i förstärkningsteamet")

    def __str__(self):
        return f"{self.municipality}: {self.user}"
