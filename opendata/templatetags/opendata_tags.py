"""{% feeds "vagledning" "goda-exempel" support_area=page as feeds %}: the feeds a listing
offers, for its <link rel="alternate"> tags (opendata/includes/feed_head.html) and its
visible links (opendata/includes/feed_links.html)."""

from django import template
from django.urls import reverse

from opendata.feeds import FEEDS

register = template.Library()


@register.simple_tag
def feeds(*kinds, support_area=None):
    offered = []
    for kind in kinds:
        title = FEEDS[(kind, "rss")]().heading()
        if support_area is not None:
            title = f"{title}: {support_area.title}"
            args = {"kind": kind, "support_area_slug": support_area.slug}
            names = ("opendata:support_area_rss", "opendata:support_area_atom")
        else:
            args = {"kind": kind}
            names = ("opendata:rss", "opendata:atom")
        offered.append(
            {
                "title": title,
                "rss": reverse(names[0], kwargs=args),
                "atom": reverse(names[1], kwargs=args),
            }
        )
    return offered
