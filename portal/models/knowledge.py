"""Support areas and the guidance published under them."""

from dateutil.relativedelta import relativedelta
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from multiselectfield import MultiSelectField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.admin_forms import PrivacyGuardedPageForm
from portal.blocks import BaseStreamBlock

from .index_pages import IndexPage
from .vocabulary import Partner, PreventionLevel, SupportFormat


class SupportAreaIndexPage(IndexPage):
    subpage_types = ["portal.SupportAreaPage"]

    class Meta:
        verbose_name = _("stödområden (översikt)")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["support_areas"] = (
            SupportAreaPage.objects.live().public().child_of(self).order_by("path")
        )
        return context


class SupportAreaPage(Page):
    """One of the support areas the national team works in."""

    base_form_class = PrivacyGuardedPageForm

    summary = models.TextField(_("sammanfattning"), help_text=_("Visas i listor."))
    support_formats = MultiSelectField(
        _("hur stödet kan se ut"), choices=SupportFormat.choices, max_length=100, blank=True
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("innehåll"), blank=True)
    methods = ParentalManyToManyField(
        "portal.Method", blank=True, related_name="support_areas", verbose_name=_("metoder")
    )
    collaboration_forms = ParentalManyToManyField(
        "portal.CollaborationForm",
        blank=True,
        related_name="support_areas",
        verbose_name=_("samverkansformer"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("support_formats"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("methods"), FieldPanel("collaboration_forms")],
            heading=_("Kopplingar"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.SupportAreaIndexPage"]
    subpage_types = ["portal.GuidancePage"]

    class Meta:
        verbose_name = _("stödområde")
        verbose_name_plural = _("stödområden")

    def get_context(self, request, *args, **kwargs):
        from portal.forms import GuidanceFilterForm

        from .examples import GoodExamplePage
        from .support import OtherSupportIndexPage, OtherSupportPage

        context = super().get_context(request, *args, **kwargs)
        guidance = GuidancePage.objects.live().public().child_of(self).order_by("path")
        form = GuidanceFilterForm.from_query(request)
        context["has_guidance"] = guidance.exists()
        target_group = form.active_filters().get("target_group")
        if target_group is not None:
            guidance = guidance.filter(target_groups=target_group)
        context["guidance_filter_form"] = form
        context["guidance_pages"] = guidance
        context["related_examples"] = GoodExamplePage.objects.for_listing().filter(
            support_areas=self
        )[:6]
        context["other_support"] = (
            OtherSupportPage.objects.live().public().filter(support_areas=self).order_by("title")
        )
        context["other_support_index"] = OtherSupportIndexPage.objects.live().public().first()
        context["methods"] = self.methods.all()
        context["collaboration_forms"] = self.collaboration_forms.all()
        return context


class GuidancePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "portal.GuidancePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class GuidancePage(Page):
    """A piece of guidance within a support area."""

    base_form_class = PrivacyGuardedPageForm

    summary = models.TextField(_("sammanfattning"), help_text=_("Visas i listor."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("innehåll"))
    prevention_levels = MultiSelectField(
        _("preventionsnivåer"), choices=PreventionLevel.choices, max_length=40, blank=True
    )
    target_groups = ParentalManyToManyField(
        "portal.TargetGroup", blank=True, related_name="guidance", verbose_name=_("målgrupper")
    )
    partners = MultiSelectField(
        _("samverkanspartner"), choices=Partner.choices, max_length=200, blank=True
    )
    collaboration_forms = ParentalManyToManyField(
        "portal.CollaborationForm",
        blank=True,
        related_name="guidance",
        verbose_name=_("samverkansformer"),
    )
    methods = ParentalManyToManyField(
        "portal.Method", blank=True, related_name="guidance", verbose_name=_("metoder")
    )
    tags = ClusterTaggableManager(through=GuidancePageTag, blank=True, verbose_name=_("taggar"))
    last_reviewed = models.DateField(
        _("senast granskad"), help_text=_("När innehållet senast sågs över av teamet.")
    )
    # An interval rather than a next-review date: marking a page as reviewed (changing
    # last_reviewed) moves the due date with it, so no second date can be forgotten.
    review_interval_months = models.PositiveSmallIntegerField(
        _("granskas var (månader)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Antal månader mellan granskningarna."),
    )
    # Derived from the two fields above on every save, so the admin can filter and sort by it.
    review_due = models.DateField(_("ska granskas senast"), editable=False, null=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("prevention_levels"),
                FieldPanel("target_groups"),
                FieldPanel("partners"),
                FieldPanel("collaboration_forms"),
                FieldPanel("methods"),
                FieldPanel("tags"),
            ],
            heading=_("Klassificering"),
        ),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("review_interval_months")],
            heading=_("Granskning"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.SupportAreaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vägledning")
        verbose_name_plural = _("vägledningar")

    @staticmethod
    def due_date(last_reviewed, interval_months):
        if last_reviewed is None:
            return None
        return last_reviewed + relativedelta(months=interval_months or 12)

    def save(self, *args, **kwargs):
        self.review_due = self.due_date(self.last_reviewed, self.review_interval_months)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "review_due" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "review_due"]
        return super().save(*args, **kwargs)

    def is_review_overdue(self, today=None):
        due = self.due_date(self.last_reviewed, self.review_interval_months)
        return due is not None and due < (today or timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        from .examples import GoodExamplePage

        context = super().get_context(request, *args, **kwargs)
        context["review_due"] = self.due_date(self.last_reviewed, self.review_interval_months)
        context["review_overdue"] = self.is_review_overdue()
        support_area = self.get_parent().specific
        context["support_area"] = support_area
        context["related_examples"] = GoodExamplePage.objects.for_listing().filter(
            support_areas=support_area
        )[:3]
        return context
