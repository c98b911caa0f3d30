"""Pages editors pin for a query (Wagtail's search promotions), shown above the hits.

Editors keep them in the admin under Settings → Promoted search results; the forms there
are Wagtail's with the privacy guard (search.promotions_admin).
"""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from .querylog import normalise


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str
    page_id: int | None = None


def for_query(query, request=None):
    """The promotions for a query, in the editors' order: pages only while they are live
    and public, external links as they are. Matched as Wagtail stores its queries:
    lowercased, with the spaces collapsed."""
    query = normalise(query)
    if not query:
        return []
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=query)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = set(Page.objects.live().public().filter(pk__in=page_ids).values_list("pk", flat=True))
    found = []
    for promotion in promotions:
        if promotion.page_id:
            if promotion.page_id not in visible:
                continue
            url = promotion.page.get_url(request)
            if not url:
                continue
            found.append(
                Promotion(promotion.page.title, url, promotion.description, promotion.page_id)
            )
        elif promotion.external_link_url:
            found.append(
                Promotion(
                    promotion.external_link_text or promotion.external_link_url,
                    promotion.external_link_url,
                    promotion.description,
                )
            )
    return found
