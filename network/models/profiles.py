"""What a municipality's coordinator keeps up to date about its work."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityProfile(models.Model):
    municipality = models.OneToOneField(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="profile"
    )
    challenges = models.ManyToManyField(
        "portal.Challenge", blank=True, related_name="profiles", verbose_name=_("utmaningar")
    )
    ongoing_work = models.TextField(_("pågående utvecklingsarbete"), blank=True)
    methods_in_use = models.ManyToManyField(
        "portal.Method", blank=True, related_name="+", verbose_name=_("metoder vi använder")
    )
    methods_planned = models.ManyToManyField(
        "portal.Method", blank=True, related_name="+", verbose_name=_("metoder vi ska starta")
    )
    collaboration_forms_in_use = models.ManyToManyField(
        "portal.CollaborationForm",
        blank=True,
        related_name="+",
        verbose_name=_("samverkansformer vi använder"),
    )
    collaboration_forms_planned = models.ManyToManyField(
        "portal.CollaborationForm",
        blank=True,
        related_name="+",
        verbose_name=_("samverkansformer vi ska starta"),
    )
    wants_to_learn = models.ManyToManyField(
        "portal.SupportAreaPage",
        blank=True,
        related_name="+",
        verbose_name=_("stödområden vi vill lära oss mer om"),
    )
    looking_for_peers = models.BooleanField(
        _("vi söker kommuner att utbyta erfarenheter med"), default=False
    )
    has_vulnerable_areas = models.BooleanField(
        _("har områden som polisen klassar som utsatta"),
        default=False,
        help_text=_("Enligt Polismyndighetens lägesbild, som källorna återger."),
    )
    updated_at = models.DateTimeField(_("senast uppdaterad"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uppdaterad av"),
    )

    class Meta:
        verbose_name = _("kommunprofil")
        verbose_name_plural = _("kommunprofiler")

    def __str__(self):
        return str(self.municipality)

    @property
    def is_empty(self):
        """Nothing filled in yet, neither by a coordinator nor from the sources."""
        return not (
            self.ongoing_work
            or self.looking_for_peers
            or self.has_vulnerable_areas
            or self.challenges.exists()
            or self.methods_in_use.exists()
            or self.methods_planned.exists()
        )
