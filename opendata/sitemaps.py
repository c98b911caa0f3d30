"""The sitemap's sections: Wagtail's pages (live and public only, on the requested site)
and the methods, which are snippets with pages of their own (/metoder/<slug>/)."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from portal.models import Method


class MethodSitemap(Sitemap):
    def items(self):
        return Method.objects.order_by("name")


SITEMAPS = {"pages": PageSitemap, "methods": MethodSitemap}
