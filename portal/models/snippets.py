"""Snippets: the controlled vocabularies editors maintain and pages link to."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.admin_forms import PrivacyGuardedModelForm

from .vocabulary import EvidenceStatus, MethodKind


class VocabularyTerm(index.Indexed, models.Model):
    """Common shape of a named, described term with a stable slug."""

    name = models.CharField(_("namn"), max_length=120, unique=True)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=120, unique=True)
    description = models.TextField(_("beskrivning"), blank=True)

    base_form_class = PrivacyGuardedModelForm
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Method(VocabularyTerm):
    """A method, model or instrument used in social services' crime prevention work."""

    abbreviation = models.CharField(_("förkortning"), max_length=30, blank=True)
    kind = models.CharField(_("typ"), max_length=20, choices=MethodKind.choices)
    summary = models.TextField(_("vad det är"), help_text=_("En eller två meningar."))
    body = RichTextField(_("mer om metoden"), blank=True)
    evidence_status = models.CharField(
        _("kunskapsläge"), max_length=20, choices=EvidenceStatus.choices
    )
    training_and_licences = models.TextField(
        _("utbildning och licenser"),
        blank=True,
        help_text=_("Vem som äger metoden och svarar för utbildning och licenser."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("evidence_status"),
        FieldPanel("training_and_licences"),
    ]
    search_fields = VocabularyTerm.search_fields + [
        index.SearchField("abbreviation"),
        index.SearchField("summary"),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("metod")
        verbose_name_plural = _("metoder")

    def get_absolute_url(self):
        return reverse("portal:method_detail", args=[self.slug])


class CollaborationForm(VocabularyTerm):
    """An established form of collaboration, such as SSPF or SIG."""

    abbreviation = models.CharField(_("förkortning"), max_length=30, blank=True)
    participants = models.CharField(
        _("vilka som deltar"), max_length=200, blank=True, help_text=_("T.ex. skola, polis.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("slug"),
        FieldPanel("participants"),
        FieldPanel("description"),
    ]
    search_fields = VocabularyTerm.search_fields + [index.SearchField("abbreviation")]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("samverkansform")
        verbose_name_plural = _("samverkansformer")

    @property
    def label(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class TargetGroup(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


class Challenge(VocabularyTerm):
    """A challenge a municipality faces; shared by content and municipality profiles."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("utmaning")
        verbose_name_plural = _("utmaningar")
