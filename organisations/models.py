"""Reference data: Sweden's counties and municipalities, the organisations people act for
(municipalities, regions, county boards, police regions and others) and the email domains
of their staff.

The rows come from the files in organisations/data (see organisations.services). The
admin for them, with the privacy-guarded form, is registered by network's wagtail_hooks.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
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


class Organisation(ClusterableModel):
    """An organisation whose staff use the portal: each municipality has one, and so do the
    regions, county boards, police regions and the others around the same children.

    Rows with a `code` come from the files in organisations/data (municipalities by SCB's
    code, regions R.., county boards L.., police regions P..); editors add the others.
    """

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        REGION = "region", _("Region")
        COUNTY_BOARD = "county_board", _("Länsstyrelse")
        POLICE_REGION = "police_region", _("Polisregion")
        SUPPORT_STRUCTURE = "support_structure", _("Regional stödstruktur (RSS/FoU)")
        AGENCY = "agency", _("Nationell myndighet")
        OTHER = "other", _("Annan organisation")

    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("namn"), max_length=150)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=160, unique=True)
    code = models.CharField(
        _("kod i referensdata"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Sätts av referensdatan; tom för organisationer som redaktörer lagt till."),
    )
    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="organisation",
        verbose_name=_("kommun"),
    )
    counties = models.ManyToManyField(
        County,
        related_name="organisations",
        blank=True,
        verbose_name=_("län"),
        help_text=_("De län organisationen verkar i. Tomt för nationella organisationer."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="municipality", municipality__isnull=False)
                | (~Q(kind="municipality") & Q(municipality__isnull=True)),
                name="organisation_is_a_municipality_exactly_when_its_kind_says",
            ),
        ]

    def __str__(self):
        return self.name


# Each kind in the plural, lower case as in "Öppen för: kommuner och regioner"; headings
# use capfirst().
KIND_PLURALS = {
    Organisation.Kind.MUNICIPALITY: _("kommuner"),
    Organisation.Kind.REGION: _("regioner"),
    Organisation.Kind.COUNTY_BOARD: _("länsstyrelser"),
    Organisation.Kind.POLICE_REGION: _("polisregioner"),
    Organisation.Kind.SUPPORT_STRUCTURE: _("regionala stödstrukturer (RSS/FoU)"),
    Organisation.Kind.AGENCY: _("nationella myndigheter"),
    Organisation.Kind.OTHER: _("andra organisationer"),
}


def organisations_serving(municipality):
    """The region, county board and police region (and other organisations of its county)
    that serve a municipality, municipalities left out: a list in the order of
    Organisation.Kind, then by name."""
    kinds = list(Organisation.Kind)
    serving = Organisation.objects.filter(counties=municipality.county_id).exclude(
        kind=Organisation.Kind.MUNICIPALITY
    )
    return sorted(serving, key=lambda org: (kinds.index(org.kind), org.name))


domain_validator = RegexValidator(
    r"^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$",
    _("Ange en domän som uppsala.se, utan @ och utan https://."),
    flags=re.IGNORECASE,
)


# Domains that several organisations share, or that anyone can get an address on: an
# address there says nothing about which organisation a person works for.
SHARED_DOMAINS = frozenset(
    {
        "lansstyrelsen.se",
        "polisen.se",
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.se",
        "outlook.com",
        "outlook.se",
        "live.se",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.se",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "telia.com",
        "bredband.net",
        "example.com",
    }
)


def validate_own_domain(value):
    if value.strip().lower() in SHARED_DOMAINS:
        raise ValidationError(
            _(
                "Domänen %(domain)s delas av flera organisationer eller är öppen för alla, "
                "så den kan inte godkänna någon automatiskt. Låt kontaktpersonen godkänna "
                "i stället."
            ),
            params={"domain": value},
        )


class OrganisationEmailDomain(models.Model):
    """An email domain the organisation's staff use; verified addresses on it are trusted."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(
        _("e-postdomän"),
        max_length=253,
        unique=True,
        validators=[domain_validator, validate_own_domain],
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


def organisation_for_email(email):
    """The organisation whose staff domain the address is on, or None."""
    domain = email.rsplit("@", 1)[-1].lower()
    candidates = [domain]
    parts = domain.split(".")
    candidates += [".".join(parts[i:]) for i in range(1, len(parts) - 1)]
    # The longest domain wins: staff of ung.kommun.se belong to the organisation that owns
    # it, not to the one that owns kommun.se (whose sign-in provider must not vouch for them).
    matches = OrganisationEmailDomain.objects.filter(domain__in=candidates).select_related(
        "organisation"
    )
    match = max(matches, key=lambda row: len(row.domain), default=None)
    return match.organisation if match else None
