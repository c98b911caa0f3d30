from django.core.paginator import EmptyPage
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import api, promotions, querylog, registry

FACET_TITLES = {
    "kind": _("Typ"),
    "support_area": _("Stödområde"),
    "prevention_level": _("Preventionsnivå"),
    "target_group": _("Målgrupp"),
    "method": _("Metod"),
    "county": _("Län"),
    "year": _("År"),
}


def _labels():
    """The words for each facet's values, as the apps registered them."""
    labels = {name: registry.facet_labels(name) for name in api.FACETS}
    labels["kind"] = registry.kind_labels()
    return labels


def search(request):
    typed = api.clean(request.GET.get("q", "")).strip()
    query = api.shorten(typed)
    filters = {name: request.GET.get(name, "") for name in api.FACETS if request.GET.get(name)}
    sort = "date" if request.GET.get("sortering") == "datum" else "relevance"
    try:
        page = max(1, int(request.GET.get("sida", "1")))
    except ValueError:
        page = 1
    results = None
    if query or filters:
        try:
            results = api.search(query, filters=filters, page=page, sort=sort)
        except EmptyPage:
            results = api.search(query, filters=filters, page=1, sort=sort)
    # Pages editors pinned for the query, above the hits on the first page.
    promoted = promotions.for_query(query, request) if results and results.page == 1 else []
    promoted_keys = {f"page:{p.page_id}" for p in promoted if p.page_id}
    if results and query and page == 1 and not filters and sort == "relevance":
        # Counted once per search as typed: not again when the person pages, sorts or
        # narrows it down with a facet.
        querylog.record(typed, results.total)
    labels = _labels()
    facets = []

    def link(name, value):
        """The URL with this facet set to value (None removes it), back on page one."""
        params = request.GET.copy()
        params.pop("sida", None)
        params.pop(name, None)
        if value is not None:
            params[name] = value
        return "?" + params.urlencode()

    if results:
        for name in api.FACETS:
            counts = results.facets.get(name, {})
            options = sorted(
                (
                    {
                        "value": value,
                        "label": labels[name].get(value, value),
                        "count": count,
                        "selected": filters.get(name) == value,
                        "href": link(name, None if filters.get(name) == value else value),
                    }
                    for value, count in counts.items()
                ),
                key=lambda option: (-option["count"], str(option["label"])),
            )
            if options:
                facets.append({"name": name, "title": FACET_TITLES[name], "options": options})
    kind_labels = labels["kind"]
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "query_shortened": query != typed,
            "max_query_length": api.MAX_QUERY_LENGTH,
            "results": results,
            "facets": facets,
            "filters": filters,
            "sort": sort,
            "kind_labels": kind_labels,
            "promoted": promoted,
            # A promoted page is shown above the hits, not again among them.
            "hits": [
                (hit, kind_labels.get(hit.kind, hit.kind))
                for hit in results.hits
                if hit.key not in promoted_keys
            ]
            if results
            else [],
        },
    )
