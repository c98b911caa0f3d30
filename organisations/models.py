"""Reference data: Sweden's counties and municipalities and the email domains of their staff.

The rows come from the files in organisations/data (see organisations.services). The
admin for them, with the privacy-guarded form, is registered by network's wagtail_hooks.
"""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class County(models.Model):
    """A Swedish county (län), identified by SCB's two-digit code."""

    code = models.CharField(_("länskod"), max_length=2, primary_key=True)
    name = models.CharField(_("namn"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("län")
        verbose_name_plural = _("län")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Municipality(ClusterableModel):
    """One of Sweden's 290 municipalities (kommuner), identified by SCB's four-digit code."""

    code = models.CharField(_("kommunkod"), max_length=4, primary_key=True)
    name = models.CharField(_("namn"), max_length=60)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=70, unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("län")
    )
    population = models.PositiveIntegerField(_("folkmängd"))
    population_year = models.PositiveSmallIntegerField(_("folkmängd per år"))
    group_code = models.CharField(_("kommungrupp (SKR)"), max_length=2, blank=True)
    group_name = models.CharField(_("kommungruppens namn"), max_length=80, blank=True)
    pilot_year = models.PositiveSmallIntegerField(
        _("pilotkommun sedan"),
        null=True,
        blank=True,
        help_text=_("Året kommunen började delta i pilotverksamheten med förstärkningsteam."),
    )

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The public page is network's; naming its URL imports nothing from network.
        return reverse("network:municipality_detail", args=[self.slug])

    @property
    def is_pilot(self):
        return self.pilot_year is not None


domain_validator = RegexValidator(
    r"^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$",
    _("Ange en domän som uppsala.se, utan @ och utan https://."),
    flags=re.IGNORECASE,
)


class MunicipalityEmailDomain(models.Model):
    """An email domain the municipality's staff use; verified addresses on it are trusted."""

    municipality = ParentalKey(Municipality, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(
        _("e-postdomän"), max_length=253, unique=True, validators=[domain_validator]
    )

    class Meta:
        verbose_name = _("e-postdomän")
        verbose_name_plural = _("e-postdomäner")
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)


def municipality_for_email(email):
    """The municipality whose staff domain the address is on, or None."""
    domain = email.rsplit("@", 1)[-1].lower()
    candidates = [domain]
    parts = domain.split(".")
    candidates += [".".join(parts[i:]) for i in range(1, len(parts) - 1)]
    match = (
        MunicipalityEmailDomain.objects.filter(domain__in=candidates)
        .select_related("municipality")
        .first()
    )
    return match.municipality if match else None
