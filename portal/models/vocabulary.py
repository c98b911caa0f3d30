"""Fixed vocabularies used across the knowledge base.

They are code, not content: changing one is a decision about the domain, so they live
here rather than in the database. Open vocabularies that editors grow (methods,
collaboration forms, target groups, challenges) are snippets.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PreventionLevel(models.TextChoices):
    UNIVERSAL = "universal", _("Universell prevention")
    SELECTIVE = "selective", _("Selektiv prevention")
    INDICATED = "indicated", _("Indikerad prevention")


class SupportFormat(models.TextChoices):
    """The shapes the national team's support takes within a support area."""

    LECTURE = "lecture", _("Föreläsning")
    WORKSHOP = "workshop", _("Workshop")
    MAPPING = "mapping", _("Kartläggning och analys")
    DIALOGUE = "dialogue", _("Dialog och rådgivning")
    PROCESS_SUPPORT = "process_support", _("Processtöd")


class Partner(models.TextChoices):
    """Who social services work with in crime prevention for children and young people."""

    SCHOOL = "school", _("Skola")
    POLICE = "police", _("Polis")
    LEISURE = "leisure", _("Fritid och fritidsgårdar")
    CHILD_PSYCHIATRY = "child_psychiatry", _("Barn- och ungdomspsykiatri (BUP)")
    HEALTHCARE = "healthcare", _("Hälso- och sjukvård i regionen")
    DISABILITY_SERVICES = "disability_services", _("Kommunens funktionshindersverksamhet")
    CIVIL_SOCIETY = "civil_society", _("Civilsamhällets organisationer")
    PARENTS = "parents", _("Föräldrar och nära anhöriga")
    BUSINESS = "business", _("Näringsliv och fastighetsägare")
    AUTHORITIES = "authorities", _("Statliga myndigheter")


class EvidenceStatus(models.TextChoices):
    RECOMMENDED = "recommended", _("Rekommenderas i nationellt kunskapsstöd")
    RESEARCH = "research", _("Stöd i forskning")
    PROMISING = "promising", _("Lovande, under utvärdering")
    PRACTICE = "practice", _("Bygger på beprövad erfarenhet")
    UNKNOWN = "unknown", _("Inte utvärderad")


class MethodKind(models.TextChoices):
    MODEL = "model", _("Arbetsmodell och principer")
    ASSESSMENT = "assessment", _("Bedömningsinstrument")
    INTERVENTION = "intervention", _("Insats eller program")
    FOLLOW_UP = "follow_up", _("Uppföljning")
