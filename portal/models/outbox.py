"""Emails waiting to leave, and what became of them: one row per message and recipient."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """A rendered email to one recipient, written in the transaction that caused it.

    It is marked sent only after the mail server accepted it; a failed try is retried
    with back-off and given up after a few tries (`portal/services/email_queue.py`).
    The row belongs to the recipient's account, if any, and goes when the account goes.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kö")
        SENDING = "sending", _("Skickas")
        SENT = "sent", _("Skickat")
        FAILED = "failed", _("Misslyckat")

    recipient = models.EmailField(_("mottagare"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_emails",
        verbose_name=_("person"),
    )
    # Where a reply goes, when not to the portal's own address (a message from a person).
    reply_to = models.EmailField(_("svar till"), max_length=254, blank=True)
    template = models.CharField(_("mall"), max_length=200, blank=True)
    subject = models.TextField(_("ämne"))
    body = models.TextField(_("text"))
    # [{"filename": ..., "mimetype": ..., "content": base64}]
    attachments = models.JSONField(_("bilagor"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    next_attempt_at = models.DateTimeField(_("nästa försök"), default=timezone.now)
    claimed_by = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(_("senaste fel"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)

    class Meta:
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"
