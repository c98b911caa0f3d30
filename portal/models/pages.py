"""The home page and plain information pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.admin_forms import PrivacyGuardedPageForm
from portal.blocks import BaseStreamBlock


class HomePage(Page):
    base_form_class = PrivacyGuardedPageForm

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.SupportAreaIndexPage",
        "portal.GoodExampleIndexPage",
        "portal.OtherSupportIndexPage",
        "portal.InformationPage",
        "events.WorkshopIndexPage",
        "support.SupportOfferPage",
        "support.QuestionAnswerIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("startsida")

    def get_context(self, request, *args, **kwargs):
        from .examples import GoodExamplePage
        from .knowledge import SupportAreaPage

        context = super().get_context(request, *args, **kwargs)
        context["support_areas"] = (
            SupportAreaPage.objects.live().public().descendant_of(self).order_by("path")
        )
        context["latest_examples"] = GoodExamplePage.objects.for_listing()[:6]
        return context


class InformationPage(Page):
    """A plain page: about the portal, contact, accessibility statement."""

    base_form_class = PrivacyGuardedPageForm

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.HomePage", "portal.InformationPage"]
    subpage_types = ["portal.InformationPage"]

    class Meta:
        verbose_name = _("informationssida")
