"""Self-assessment (nulägesanalys): questionnaires editors build, filled in by an
organisation's members together. An assessment is the organisation's, never a person's."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from portal.admin_forms import PrivacyGuardedModelForm


class Scale(models.IntegerChoices):
    """How far the organisation has come, for a question answered on the scale."""

    NOT_STARTED = 1, _("Inte påbörjat")
    STARTED = 2, _("Påbörjat")
    PARTLY = 3, _("Delvis på plats")
    IN_PLACE = 4, _("På plats")
    ESTABLISHED = 5, _("Väl etablerat och följs upp")


class Questionnaire(ClusterableModel):
    base_form_class = PrivacyGuardedModelForm

    title = models.CharField(_("namn"), max_length=150)
    intro = models.TextField(_("ingress"), blank=True)
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questionnaires",
        verbose_name=_("stödområde"),
        help_text=_("Frågor utan eget stödområde hör till detta."),
    )
    is_active = models.BooleanField(
        _("öppen för nya analyser"),
        default=True,
        help_text=_("Avmarkera för att ingen ska kunna påbörja en ny analys med formuläret."),
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("support_area"),
        FieldPanel("is_active"),
        InlinePanel("questions", heading=_("Frågor"), label=_("fråga")),
    ]

    class Meta:
        verbose_name = _("formulär för nulägesanalys")
        verbose_name_plural = _("formulär för nulägesanalys")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title


class Question(Orderable):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Skala (1–5)")
        TEXT = "text", _("Fritext")

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("stödområde"),
    )
    text = models.CharField(_("fråga"), max_length=300)
    help_text = models.CharField(_("förklaring"), max_length=300, blank=True)
    kind = models.CharField(_("svarstyp"), max_length=10, choices=Kind.choices, default=Kind.SCALE)

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("kind"),
        FieldPanel("support_area"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")

    def __str__(self):
        return self.text

    @property
    def area(self):
        """The support area the question counts towards."""
        return self.support_area or self.questionnaire.support_area


class SelfAssessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        COMPLETED = "completed", _("Klar")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="self_assessments",
        verbose_name=_("organisation"),
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("formulär"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("påbörjad av"),
    )
    created_at = models.DateTimeField(_("påbörjad"), default=timezone.now)
    updated_at = models.DateTimeField(_("senast ändrad"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("senast ändrad av"),
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("markerad som klar av"),
    )
    completed_at = models.DateTimeField(_("klar"), null=True, blank=True)

    class Meta:
        verbose_name = _("nulägesanalys")
        verbose_name_plural = _("nulägesanalyser")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "questionnaire"],
                condition=Q(status="draft"),
                name="one_draft_self_assessment_per_organisation_and_questionnaire",
            ),
        ]

    def __str__(self):
        return f"{self.questionnaire} – {self.organisation}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


class Answer(models.Model):
    """One answer. The question's text and area are kept with it, so that a completed
    assessment reads the same after an editor changes or removes the question."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        Question, null=True, on_delete=models.SET_NULL, related_name="answers"
    )
    question_text = models.CharField(_("fråga"), max_length=300)
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("stödområde"),
    )
    value = models.PositiveSmallIntegerField(
        _("värde"), choices=Scale.choices, null=True, blank=True
    )
    # "Vet inte": answered, on purpose without a value on the scale.
    dont_know = models.BooleanField(_("vet inte"), default=False)
    text = models.TextField(_("svar"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("senast ändrat"), default=timezone.now)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], name="one_answer_per_question"
            ),
        ]

    def __str__(self):
        return self.question_text
