"""The offer: the activities the team offers within each support area, kept by editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.admin_forms import PrivacyGuardedModelForm, PrivacyGuardedPageForm
from portal.blocks import BaseStreamBlock
from portal.models import SupportFormat


class SupportActivity(index.Indexed, models.Model):
    """One thing the team does with a municipality: a lecture, a mapping, process support."""

    base_form_class = PrivacyGuardedModelForm

    support_area = models.ForeignKey(
        "portal.SupportAreaPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="support_activities",
        verbose_name=_("stödområde"),
    )
    title = models.CharField(_("namn"), max_length=150)
    format = models.CharField(_("form"), max_length=20, choices=SupportFormat.choices)
    description = models.TextField(_("vad det är"))
    asks_of_municipality = models.TextField(
        _("vad det kräver av kommunen"),
        help_text=_("T.ex. vilka som behöver delta och hur mycket tid det tar för dem."),
    )
    duration = models.CharField(
        _("hur lång tid det tar"), max_length=100, help_text=_("T.ex. ”Tre till sex månader”.")
    )
    is_offered = models.BooleanField(
        _("erbjuds nu"),
        default=True,
        help_text=_("Avmarkera för att ta bort aktiviteten ur erbjudandet utan att radera den."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        FieldPanel("support_area"),
        FieldPanel("title"),
        FieldPanel("format"),
        FieldPanel("description"),
        FieldPanel("asks_of_municipality"),
        FieldPanel("duration"),
        FieldPanel("is_offered"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("aktivitet i erbjudandet")
        verbose_name_plural = _("aktiviteter i erbjudandet")
        ordering = ["sort_order", "title", "pk"]

    def __str__(self):
        return self.title


class SupportOfferPage(Page):
    """ "Stöd från förstärkningsteamet": the offer, support area by support area."""

    base_form_class = PrivacyGuardedPageForm

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.InformationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("erbjudande om stöd")

    def get_context(self, request, *args, **kwargs):
        from django.urls import reverse

        from support.models.questions import QuestionAnswerIndexPage
        from support.services.offer import offer_by_area

        context = super().get_context(request, *args, **kwargs)
        context["offer"] = offer_by_area()
        context["self_assessment_url"] = reverse("support:assessment_list")
        context["question_url"] = reverse("support:question_new")
        context["answers_page"] = QuestionAnswerIndexPage.objects.live().public().first()
        return context
