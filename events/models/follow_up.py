"""Follow-up of a workshop at 3 and 6 months: a short questionnaire to each organisation
that took part, on whether anything from it has been put into practice."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUp(models.Model):
    """One organisation's questionnaire for one round (3 or 6 months) of one workshop.

    The row is made once (the unique constraint) and claimed for sending with a
    conditional UPDATE on `sent_at`, so each organisation is asked once per round however
    often, or however concurrently, the cron job runs."""

    class Round(models.IntegerChoices):
        THREE_MONTHS = 3, _("3 månader")
        SIX_MONTHS = 6, _("6 månader")

    workshop = models.ForeignKey(
        "events.WorkshopPage", on_delete=models.CASCADE, related_name="follow_ups"
    )
    # The occasion whose end started the clock: the organisation's earliest.
    occasion = models.ForeignKey(
        "events.Occasion", null=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="workshop_follow_ups",
        verbose_name=_("organisation"),
    )
    round = models.PositiveSmallIntegerField(_("omgång"), choices=Round.choices)
    # A new value for every follow-up: links signed for a deleted and remade row fail.
    key = models.CharField(max_length=64, default=secrets.token_hex, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "organisation", "round"],
                name="one_follow_up_per_organisation_and_round",
            )
        ]

    def __str__(self):
        return f"{self.workshop} – {self.organisation} ({self.get_round_display()})"


class FollowUpAnswer(models.Model):
    """What the organisation answered. About the organisation's work, never individuals."""

    class InPractice(models.TextChoices):
        YES = "yes", _("Ja")
        PARTLY = "partly", _("Delvis")
        NOT_YET = "not_yet", _("Inte ännu")
        NO = "no", _("Nej")

    follow_up = models.OneToOneField(FollowUp, on_delete=models.CASCADE, related_name="answer")
    in_practice = models.CharField(
        _("Har ni börjat använda något från workshoppen i ert arbete?"),
        max_length=10,
        choices=InPractice.choices,
    )
    what = models.TextField(_("Vad har ni börjat använda?"), blank=True)
    obstacles = models.TextField(_("Vad har hindrat eller gjort det svårt?"), blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("svar på uppföljning")
        verbose_name_plural = _("svar på uppföljningar")

    def __str__(self):
        return f"{self.follow_up}: {self.get_in_practice_display()}"
