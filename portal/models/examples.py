"""Good examples: what a municipality did, and what others can learn from it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from multiselectfield import MultiSelectField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.admin_forms import PrivacyGuardedPageForm

from .index_pages import FilteredListingMixin, IndexPage
from .vocabulary import Partner, PreventionLevel


class GoodExampleIndexPage(FilteredListingMixin, IndexPage):
    subpage_types = ["portal.GoodExamplePage"]
    listing_context_name = "examples"

    class Meta:
        verbose_name = _("goda exempel (lista)")

    def get_filter_form_class(self):
        from portal.forms import GoodExampleFilterForm

        return GoodExampleFilterForm

    def get_listing(self, request, filters):
        from portal.services.examples import filter_good_examples

        return filter_good_examples(
            GoodExamplePage.objects.for_listing().descendant_of(self), **filters
        )


class GoodExamplePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Published examples with what a listing card shows, newest first."""
        return (
            self.live()
            .public()
            .select_related("municipality__county")
            .prefetch_related("support_areas")
            .order_by("-year", "-first_published_at", "-pk")
        )


GoodExamplePageManager = PageManager.from_queryset(GoodExamplePageQuerySet)


class GoodExamplePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "portal.GoodExamplePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class GoodExamplePage(Page):
    """What one municipality did about a problem, told so that others can learn from it."""

    base_form_class = PrivacyGuardedPageForm

    municipality = models.ForeignKey(
        "organisations.Municipality",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_examples",
        verbose_name=_("kommun"),
        help_text=_("Lämna tomt när källan inte namnger kommunen."),
    )
    unnamed_municipality = models.CharField(
        _("beskrivning när kommunen inte namnges"),
        max_length=120,
        blank=True,
        help_text=_("T.ex. ”En pilotkommun”."),
    )
    other_organisations = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="good_examples",
        verbose_name=_("fler organisationer"),
        help_text=_(
            "Regioner, länsstyrelser, polisen och andra som gjorde exemplet tillsammans med "
            "kommunen, när källan namnger dem."
        ),
    )
    year = models.PositiveSmallIntegerField(_("år"))
    summary = models.TextField(_("sammanfattning"), help_text=_("Visas i listor."))
    problem = RichTextField(_("problemet"), features=["bold", "italic", "link", "ul", "ol"])
    what_was_done = RichTextField(_("vad som gjordes"), features=["bold", "italic", "link", "ul"])
    partners = MultiSelectField(
        _("samverkanspartner"), choices=Partner.choices, max_length=200, blank=True
    )
    partners_description = models.TextField(_("vilka som deltog"), blank=True)
    results = RichTextField(_("resultat"), features=["bold", "italic", "link", "ul"])
    lessons = RichTextField(_("lärdomar"), features=["bold", "italic", "link", "ul"])
    support_areas = ParentalManyToManyField(
        "portal.SupportAreaPage",
        blank=True,
        related_name="good_examples",
        verbose_name=_("stödområden"),
    )
    prevention_levels = MultiSelectField(
        _("preventionsnivåer"), choices=PreventionLevel.choices, max_length=40, blank=True
    )
    target_groups = ParentalManyToManyField(
        "portal.TargetGroup",
        blank=True,
        related_name="good_examples",
        verbose_name=_("målgrupper"),
    )
    methods = ParentalManyToManyField(
        "portal.Method", blank=True, related_name="good_examples", verbose_name=_("metoder")
    )
    collaboration_forms = ParentalManyToManyField(
        "portal.CollaborationForm",
        blank=True,
        related_name="good_examples",
        verbose_name=_("samverkansformer"),
    )
    tags = ClusterTaggableManager(through=GoodExamplePageTag, blank=True, verbose_name=_("taggar"))

    objects = GoodExamplePageManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("unnamed_municipality"),
                FieldPanel("other_organisations"),
                FieldPanel("year"),
            ],
            heading=_("Var och när"),
        ),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("what_was_done"),
        MultiFieldPanel(
            [FieldPanel("partners"), FieldPanel("partners_description")],
            heading=_("Vilka som deltog"),
        ),
        FieldPanel("results"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("support_areas"),
                FieldPanel("prevention_levels"),
                FieldPanel("target_groups"),
                FieldPanel("methods"),
                FieldPanel("collaboration_forms"),
                FieldPanel("tags"),
            ],
            heading=_("Klassificering"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("what_was_done"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("year"),
    ]

    parent_page_types = ["portal.GoodExampleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("gott exempel")
        verbose_name_plural = _("goda exempel")

    @property
    def municipality_label(self):
        if self.municipality_id:
            return self.municipality.name
        return self.unnamed_municipality or _("Kommunen anges inte")
