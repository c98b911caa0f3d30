from django.core.paginator import EmptyPage
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from organisations.models import County
from portal.models import PreventionLevel, SupportAreaPage

from . import api
from .documents import KIND_LABELS

FACET_TITLES = {
    "kind": _("Typ"),
    "support_area": _("Stödområde"),
    "prevention_level": _("Preventionsnivå"),
    "county": _("Län"),
    "year": _("År"),
}


def _labels():
    return {
        "kind": KIND_LABELS,
        "support_area": dict(SupportAreaPage.objects.values_list("slug", "title")),
        "prevention_level": dict(PreventionLevel.choices),
        "county": dict(County.objects.values_list("code", "name")),
        "year": {},
    }


def search(request):
    typed = request.GET.get("q", "").strip()
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
            "hits": [(hit, kind_labels.get(hit.kind, hit.kind)) for hit in results.hits]
            if results
            else [],
        },
    )
