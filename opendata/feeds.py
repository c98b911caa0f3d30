"""Atom and RSS feeds of new guidance, good examples and workshops, for the whole portal
and per support area (django.contrib.syndication).

Items are live, public pages only, newest first; each says what the page's listing card
says (title, summary, and for a workshop its dates and place). No author: pages are the
team's or a municipality's, never a person's."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Site

from events.models import WorkshopIndexPage, WorkshopPage
from events.services.listing import filter_workshops
from portal.models import (
    GoodExampleIndexPage,
    GoodExamplePage,
    GuidancePage,
    SupportAreaIndexPage,
    SupportAreaPage,
)

FEED_ITEMS = 20


class ContentFeed(Feed):
    """One kind of content; `support_area_slug` in the URL narrows it to that area."""

    feed_type = Rss201rev2Feed
    kind = None  # the URL's name for the kind: "vagledning", "goda-exempel", "workshoppar"

    def __call__(self, request, *args, **kwargs):
        # One instance per request (opendata.views.feed), so these are the request's own.
        self.request = request
        self.site = Site.find_for_request(request)
        if self.site is None:
            raise Http404
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, support_area_slug=None):
        if support_area_slug is None:
            return None
        return get_object_or_404(
            SupportAreaPage.objects.live().public().descendant_of(self.site.root_page),
            slug=support_area_slug,
        )

    def in_site(self, pages):
        return pages.live().public().descendant_of(self.site.root_page)

    def heading(self):
        raise NotImplementedError

    def title(self, support_area):
        if support_area is None:
            return f"{self.heading()} – Kunskapsnätverket"
        return f"{self.heading()}: {support_area.title} – Kunskapsnätverket"

    def link(self, support_area):
        if support_area is not None:
            return support_area.get_full_url(self.request)
        listing = self.listing_page()
        return (
            listing.get_full_url(self.request)
            if listing
            else self.site.root_page.get_full_url(self.request)
        )

    def listing_page(self):
        return None

    def description(self, support_area):
        return self.title(support_area)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_guid(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


class GuidanceFeed(ContentFeed):
    kind = "vagledning"

    def heading(self):
        return _("Ny vägledning")

    def items(self, support_area):
        guidance = self.in_site(GuidancePage.objects.all())
        if support_area is not None:
            guidance = guidance.child_of(support_area)
        return guidance.order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def listing_page(self):
        return self.in_site(SupportAreaIndexPage.objects.all()).first()

    def item_categories(self, page):
        return [page.get_parent().title]


class GoodExampleFeed(ContentFeed):
    kind = "goda-exempel"

    def heading(self):
        return _("Nya goda exempel")

    def items(self, support_area):
        examples = self.in_site(GoodExamplePage.objects.for_listing())
        if support_area is not None:
            examples = examples.filter(support_areas=support_area)
        return examples.order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def listing_page(self):
        return self.in_site(GoodExampleIndexPage.objects.all()).first()

    def item_categories(self, page):
        return [area.title for area in page.support_areas.all()]


class WorkshopFeed(ContentFeed):
    """Upcoming workshops, the most recently published first."""

    kind = "workshoppar"

    def heading(self):
        return _("Nya workshoppar")

    def items(self, support_area):
        workshops = filter_workshops(
            self.in_site(WorkshopPage.objects.all()), support_area=support_area
        )
        return workshops.order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def listing_page(self):
        return self.in_site(WorkshopIndexPage.objects.all()).first()

    def item_description(self, page):
        dates = [
            date_format(timezone.localtime(occasion.starts_at), "j F Y H:i")
            + (f", {occasion.place}" if occasion.place else "")
            for occasion in page.occasion_times
            if occasion.starts_at
        ]
        when = "; ".join(dates)
        return f"{page.summary} {_('Tillfällen:')} {when}" if when else page.summary

    def item_categories(self, page):
        return [page.theme.name]


def atom(feed_class):
    """The same feed as Atom 1.0 (its description becomes the Atom subtitle)."""
    return type(
        f"{feed_class.__name__}Atom",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": ContentFeed.description},
    )


FEEDS = {
    (feed.kind, format): feed if format == "rss" else atom(feed)
    for feed in (GuidanceFeed, GoodExampleFeed, WorkshopFeed)
    for format in ("rss", "atom")
}
