"""{% feeds "vagledning" "goda-exempel" support_area=page as feeds %}: the feeds a listing
offers, for its <link rel="alternate"> tags (opendata/includes/feed_head.html) and its
visible links (opendata/includes/feed_links.html)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()

HEADINGS = {
    "vagledning": lambda: _("Ny vägledning"),
    "goda-exempel": lambda: _("Nya goda exempel"),
    "workshoppar": lambda: _("Nya workshoppar"),
}


@register.simple_tag
def feeds(*kinds, support_area=None):
    offered = []
    for kind in kinds:
        title = HEADINGS[kind]()
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
