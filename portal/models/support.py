"""Other national support: what other agencies and organisations offer the municipalities
around the same work, so that a municipality sees the whole offer in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from organisations.models import Organisation
from portal.admin_forms import PrivacyGuardedPageForm
from portal.blocks import BaseStreamBlock

from .index_pages import FilteredListingMixin, IndexPage

# The kinds of organisation the reference data knows, except a municipality: the support
# listed here is what others offer the municipalities.
ACTOR_KINDS = [
    (value, label)
    for value, label in Organisation.Kind.choices
    if value != Organisation.Kind.MUNICIPALITY
]


class OtherSupportIndexPage(FilteredListingMixin, IndexPage):
    subpage_types = ["portal.OtherSupportPage"]
    listing_context_name = "supports"

    class Meta:
        verbose_name = _("annat nationellt stöd (lista)")

    def get_filter_form_class(self):
        from portal.forms import OtherSupportFilterForm

        return OtherSupportFilterForm

    def get_listing(self, request, filters):
        from portal.services.support import filter_other_support

        return filter_other_support(
            OtherSupportPage.objects.for_listing().descendant_of(self), **filters
        )


class OtherSupportPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Published support with what a listing shows, in alphabetical order."""
        return (
            self.live()
            .public()
            .prefetch_related("support_areas", "target_groups")
            .order_by("title", "pk")
        )


OtherSupportPageManager = PageManager.from_queryset(OtherSupportPageQuerySet)


class OtherSupportPage(Page):
    """Support that another agency or organisation offers around the same work."""

    base_form_class = PrivacyGuardedPageForm

    actor_name = models.CharField(
        _("vem som erbjuder stödet"),
        max_length=150,
        help_text=_("T.ex. ”Brottsförebyggande rådet (Brå)”."),
    )
    actor_kind = models.CharField(_("slag av aktör"), max_length=20, choices=ACTOR_KINDS)
    summary = models.TextField(_("sammanfattning"), help_text=_("Visas i listor."))
    audience = models.TextField(
        _("för vem"), help_text=_("Vilka som kan få stödet, t.ex. kommunens socialtjänst.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("vad stödet är"))
    how_to_get = models.TextField(_("så får man stödet"), blank=True)
    source = models.CharField(
        _("källa"),
        max_length=200,
        blank=True,
        help_text=_("Var uppgifterna kommer ifrån, t.ex. ”Ds 2025:19, avsnitt 6.5.1”."),
    )
    link = models.URLField(
        _("länk"), blank=True, help_text=_("Aktörens egen sida om stödet eller dess startsida.")
    )
    support_areas = ParentalManyToManyField(
        "portal.SupportAreaPage",
        blank=True,
        related_name="other_support",
        verbose_name=_("stödområden"),
    )
    target_groups = ParentalManyToManyField(
        "portal.TargetGroup",
        blank=True,
        related_name="other_support",
        verbose_name=_("målgrupper"),
    )

    objects = OtherSupportPageManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("actor_name"), FieldPanel("actor_kind")],
            heading=_("Vem som erbjuder stödet"),
        ),
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("body"),
        FieldPanel("how_to_get"),
        FieldPanel("link"),
        FieldPanel("source"),
        MultiFieldPanel(
            [FieldPanel("support_areas"), FieldPanel("target_groups")],
            heading=_("Klassificering"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("actor_name"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("actor_kind"),
    ]

    parent_page_types = ["portal.OtherSupportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("annat nationellt stöd")
        verbose_name_plural = _("annat nationellt stöd")
