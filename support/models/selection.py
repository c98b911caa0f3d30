"""Selection: application rounds, the criteria the team assesses by, and its assessments."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from portal.admin_forms import PrivacyGuardedModelForm


class ApplicationRound(ClusterableModel):
    base_form_class = PrivacyGuardedModelForm

    title = models.CharField(_("namn"), max_length=150)
    description = models.TextField(_("beskrivning"), blank=True)
    opens_at = models.DateTimeField(_("öppnar"))
    deadline = models.DateTimeField(_("sista dag för ansökan"))
    capacity = models.PositiveSmallIntegerField(
        _("antal nya kommuner"),
        default=5,
        help_text=_("Hur många kommuner teamet kan ta emot i omgången."),
    )
    decision_expected = models.CharField(
        _("beslut väntas"), max_length=100, blank=True, help_text=_("T.ex. ”I mars 2027”.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("opens_at"),
        FieldPanel("deadline"),
        FieldPanel("capacity"),
        FieldPanel("decision_expected"),
        InlinePanel(
            "criteria",
            heading=_("Bedömningsgrunder"),
            label=_("bedömningsgrund"),
            help_text=_(
                "Teamet bedömer varje ansökan efter dessa, med ett betyg och en kort "
                "bedömning per grund. Tar du bort en grund tas också de betyg och "
                "bedömningar bort som redan gjorts efter den."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("ansökningsomgång")
        verbose_name_plural = _("ansökningsomgångar")
        ordering = ["-deadline", "-pk"]

    def __str__(self):
        return self.title

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now <= self.deadline


class AssessmentCriterion(Orderable):
    """A criterion the team has written down and assesses every application by."""

    round = ParentalKey(ApplicationRound, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("bedömningsgrund"), max_length=200)
    description = models.TextField(_("vad som bedöms"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("bedömningsgrund")
        verbose_name_plural = _("bedömningsgrunder")

    def __str__(self):
        return self.title


class Grade(models.IntegerChoices):
    NOT_MET = 1, _("1 – uppfylls inte")
    LOW = 2, _("2 – i låg grad")
    PARTLY = 3, _("3 – delvis")
    HIGH = 4, _("4 – i hög grad")
    FULLY = 5, _("5 – helt")


class ApplicationAssessment(models.Model):
    """The team's assessment of one application against one criterion. Never shown to
    applicants; every change is logged."""

    application = models.ForeignKey(
        "support.Application", on_delete=models.CASCADE, related_name="assessments"
    )
    criterion = models.ForeignKey(
        AssessmentCriterion, on_delete=models.CASCADE, related_name="assessments"
    )
    grade = models.PositiveSmallIntegerField(
        _("betyg"), choices=Grade.choices, null=True, blank=True
    )
    note = models.TextField(_("bedömning"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bedömd av"),
    )
    updated_at = models.DateTimeField(_("senast ändrad"), default=timezone.now)

    class Meta:
        verbose_name = _("bedömning")
        verbose_name_plural = _("bedömningar")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="one_assessment_per_criterion"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_grade_display() or '–'}"
