"""What the portal's index pages share: an intro, one page per site, under the home page, and
for the listings people narrow down, a filter form in the URL and pages of results."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal import page_cache
from portal.admin_forms import PrivacyGuardedPageForm
from portal.filtering import page_of


class IndexPage(Page):
    """An overview page directly under the home page: the one place its child pages are
    listed. Concrete index pages set `subpage_types` and their own `Meta.verbose_name`."""

    base_form_class = PrivacyGuardedPageForm

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class FilteredListingMixin:
    """For an index page whose listing can be narrowed down with filters in the URL.

    The page binds its filter form (a `portal.filtering.FilterForm`) to the query string,
    narrows its listing with the form's valid filters, and shows the page of results that
    `?sida=` names. The template gets `filter_form`, the page of results under
    `listing_context_name`, and `total` (how many results in all)."""

    listing_context_name = "items"

    def get_filter_form_class(self):
        raise NotImplementedError

    def get_listing(self, request, filters):
        """The results to list, narrowed by `filters` (the form's valid, non-empty values)."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.get_filter_form_class().from_query(request)
        page_cache.allow_query(request, [*form.fields, "sida"])
        results = page_of(request, self.get_listing(request, form.active_filters()))
        context["filter_form"] = form
        context[self.listing_context_name] = results
        context["total"] = results.paginator.count
        return context
