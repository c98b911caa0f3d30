"""Feeds, robots.txt and the sitemap: plain views over public content."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .feeds import FEEDS
from .sitemaps import SITEMAPS


def feed(request, kind, format, support_area_slug=None):
    """RSS or Atom of one kind of content, optionally for one support area."""
    feed_class = FEEDS.get((kind, format))
    if feed_class is None:
        raise Http404
    return feed_class()(request, support_area_slug=support_area_slug)


def sitemap(request):
    """Live, public pages of the requested site (Wagtail's sitemap), and the methods."""
    return wagtail_sitemap(request, sitemaps=SITEMAPS)


def robots_txt(request):
    return render(
        request,
        "opendata/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("opendata:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
