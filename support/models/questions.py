"""Questions to the team ("Fråga förstärkningsteamet"): a member asks about their
organisation's work, the team members who answer for the question's support area take and
answer it, and with the asker's consent an editor publishes a rewritten version as a
question-and-answer page that every municipality can find.

A question is about the organisation's work, never about an individual child or any other
identifiable person; its text goes through the privacy guard wherever it is typed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Page
from wagtail.search import index

from portal.admin_forms import PrivacyGuardedModelForm, PrivacyGuardedPageForm
from portal.models.index_pages import IndexPage

SUBJECT_MAX_LENGTH = 150
TEXT_MAX_LENGTH = 4000

NEVER_ABOUT_INDIVIDUALS = _(
    "Frågan ska handla om verksamheten. Skriv aldrig om ett enskilt barn eller någon annan "
    "person som går att känna igen – inga namn, personnummer, adresser eller detaljer som "
    "pekar ut någon."
)


@register_setting(icon="help")
class QuestionSettings(BaseGenericSetting):
    answer_goal_working_days = models.PositiveSmallIntegerField(
        _("mål för svarstid (arbetsdagar)"),
        default=5,
        help_text=_(
            "En fråga som väntat längre än så på svar flaggas i listan över frågor. "
            "Arbetsdagar är måndag–fredag."
        ),
    )

    panels = [FieldPanel("answer_goal_working_days")]

    class Meta:
        verbose_name = _("frågor till teamet")


class AnswerersForm(PrivacyGuardedModelForm):
    """Only active team members (editors) can be chosen to answer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from support.services.questions import team_members

        if "answerers" in self.fields:
            self.fields["answerers"].queryset = team_members()


class SupportAreaAnswerers(models.Model):
    """Who in the team answers the questions of one support area ("Svarare per
    stödområde"). A support area without answerers has its questions go to every editor."""

    base_form_class = AnswerersForm

    support_area = models.OneToOneField(
        "portal.SupportAreaPage",
        on_delete=models.CASCADE,
        related_name="question_answerers",
        verbose_name=_("stödområde"),
    )
    answerers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="answers_for_areas",
        verbose_name=_("svarare"),
        help_text=_("Teammedlemmar som får nya frågor inom stödområdet och kan ta dem."),
    )

    panels = [FieldPanel("support_area"), FieldPanel("answerers")]

    class Meta:
        verbose_name = _("svarare per stödområde")
        verbose_name_plural = _("svarare per stödområde")

    def __str__(self):
        return str(self.support_area)


class TeamQuestion(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Väntar på att någon tar den")
        TAKEN = "taken", _("Besvaras")
        ANSWERED = "answered", _("Besvarad")

    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="team_questions",
        verbose_name=_("frågeställare"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="team_questions",
        verbose_name=_("organisation"),
    )
    subject = models.CharField(_("ämne"), max_length=SUBJECT_MAX_LENGTH)
    text = models.TextField(_("fråga"), max_length=TEXT_MAX_LENGTH)
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="team_questions",
        verbose_name=_("stödområde"),
    )
    method = models.ForeignKey(
        "portal.Method",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("metod"),
    )
    target_group = models.ForeignKey(
        "portal.TargetGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("målgrupp"),
    )
    may_publish = models.BooleanField(_("får publiceras avidentifierad"), default=False)
    may_show_organisation = models.BooleanField(
        _("organisationens namn får visas om den publiceras"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    created_at = models.DateTimeField(_("ställd"), default=timezone.now)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tagen av"),
    )
    taken_at = models.DateTimeField(_("tagen"), null=True, blank=True)
    answer = models.TextField(_("svar"), max_length=TEXT_MAX_LENGTH, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("besvarad av"),
    )
    answered_at = models.DateTimeField(_("besvarad"), null=True, blank=True)
    published_page = models.ForeignKey(
        "support.QuestionAnswerPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("publicerad som"),
    )

    class Meta:
        verbose_name = _("fråga till teamet")
        verbose_name_plural = _("frågor till teamet")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.subject

    @property
    def is_answered(self):
        return self.status == self.Status.ANSWERED


class QuestionAnswerIndexPage(IndexPage):
    """ "Frågor och svar": the published answers, one page per site, filtered by support
    area (?omrade=<slug>)."""

    subpage_types = ["support.QuestionAnswerPage"]
    template = "support/questions/question_answer_index_page.html"

    class Meta:
        verbose_name = _("frågor och svar")

    def get_context(self, request, *args, **kwargs):
        from portal.models import SupportAreaPage

        context = super().get_context(request, *args, **kwargs)
        pages = (
            QuestionAnswerPage.objects.live()
            .public()
            .child_of(self)
            .select_related("support_area")
            .order_by("-first_published_at", "-pk")
        )
        areas = SupportAreaPage.objects.live().public().order_by("path")
        chosen = areas.filter(slug=request.GET.get("omrade", "")).first()
        if chosen is not None:
            pages = pages.filter(support_area=chosen)
        context.update({"answers": pages, "areas": areas, "chosen_area": chosen})
        return context


NO_CONSENT_MESSAGE = _(
    "Frågeställaren har inte gett sitt samtycke till att frågan publiceras. Den kan inte "
    "publiceras."
)


class QuestionAnswerPage(Page):
    """A question and its answer, rewritten by an editor without anything identifying and
    published with the asker's consent. The asker's organisation is shown only when they
    agreed to that; the editor cannot choose otherwise."""

    base_form_class = PrivacyGuardedPageForm

    question = models.TextField(_("frågan"), max_length=TEXT_MAX_LENGTH)
    answer = models.TextField(_("svaret"), max_length=TEXT_MAX_LENGTH)
    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="question_answers",
        verbose_name=_("stödområde"),
    )
    method = models.ForeignKey(
        "portal.Method",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_answers",
        verbose_name=_("metod"),
    )
    target_group = models.ForeignKey(
        "portal.TargetGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_answers",
        verbose_name=_("målgrupp"),
    )
    source_question = models.OneToOneField(
        TeamQuestion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answer_page",
        verbose_name=_("ursprunglig fråga"),
        help_text=_("Frågan sidan bygger på. Bara frågor med samtycke kan publiceras."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("answer"),
        MultiFieldPanel(
            [FieldPanel("support_area"), FieldPanel("method"), FieldPanel("target_group")],
            heading=_("Kopplingar"),
        ),
        FieldPanel("source_question", read_only=True),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("answer"),
    ]

    parent_page_types = ["support.QuestionAnswerIndexPage"]
    subpage_types = []
    template = "support/questions/question_answer_page.html"
    # A copy is the editor's own page: the link to the question is one-to-one (a copy that
    # kept it failed), and the asker's organisation is shown on the original only.
    exclude_fields_in_copy = ["source_question"]

    class Meta:
        verbose_name = _("fråga och svar")
        verbose_name_plural = _("frågor och svar")

    def clean(self):
        super().clean()
        if self.source_question_id and not self.source_question.may_publish:
            raise ValidationError({"source_question": NO_CONSENT_MESSAGE})

    @property
    def organisation_name(self):
        """The asker's organisation, only if they agreed to show it."""
        source = self.source_question
        if source is not None and source.may_show_organisation:
            return source.organisation.name
        return ""
