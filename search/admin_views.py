"""The editors' query report: the most frequent queries and those that found nothing."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode

from . import querylog

PERIODS = [7, 30, 90]
DEFAULT_PERIOD = 30
PER_PAGE = 25
REPORT_PERMISSION = "search.view_searchqueryday"


def query_report(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    try:
        days = int(request.GET.get("dagar", DEFAULT_PERIOD))
    except ValueError:
        days = DEFAULT_PERIOD
    if days not in PERIODS:
        days = DEFAULT_PERIOD
    frequent = Paginator(querylog.most_frequent(days), PER_PAGE).get_page(request.GET.get("p"))
    empty = Paginator(querylog.without_results(days), PER_PAGE).get_page(request.GET.get("p0"))
    can_promote = request.user.has_perm("wagtailsearchpromotions.add_searchpromotion")
    can_add_synonym = request.user.has_perm("search.add_synonym")
    for row in empty:
        if can_promote:
            row["promote_url"] = (
                reverse("wagtailsearchpromotions:add") + "?" + urlencode({"q": row["query"]})
            )
        if can_add_synonym:
            row["synonym_url"] = (
                reverse("wagtailsnippets_search_synonym:add")
                + "?"
                + urlencode({"term": row["query"]})
            )
    return TemplateResponse(
        request,
        "search/admin/query_report.html",
        {
            "days": days,
            "periods": PERIODS,
            "frequent": frequent,
            "empty": empty,
            "keep_days": querylog.keep_days(),
        },
    )
