"""The editors' side of search in the Wagtail admin: synonyms, promoted pages (Wagtail's
search promotions, with the privacy guard) and the query report."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from . import admin_views, api, promotions_admin
from .models import Synonym
from .registry import SIMILAR_DOCUMENTS_HOOK


def admin_form_base():
    """The base of search's admin forms. search imports no app, so the project names
    its guarded form in a setting, as WAGTAILDOCS_DOCUMENT_FORM_BASE does for documents."""
    name = getattr(settings, "SEARCH_ADMIN_FORM_BASE", None)
    return import_string(name) if name else WagtailAdminModelForm


class SynonymCreateView(CreateView):
    def get_initial(self):
        # The query report links here with a query that found nothing (?term=...).
        initial = super().get_initial()
        if self.request.GET.get("term"):
            initial["term"] = self.request.GET["term"]
        return initial


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    add_view_class = SynonymCreateView
    icon = "list-ul"
    menu_label = _("Synonymer")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["term", "equivalents", "both_ways"]
    search_fields = ["term", "equivalents"]

    edit_handler = ObjectList(
        [FieldPanel("term"), FieldPanel("equivalents"), FieldPanel("both_ways")],
        base_form_class=admin_form_base(),
    )


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls", order=-1)
def register_guarded_promotion_urls():
    """Wagtail's promotion add and edit URLs, to the views with guarded forms. Registered
    before Wagtail's own (order=-1), so these resolve first."""
    return [
        path("searchpicks/add/", promotions_admin.CreateView.as_view()),
        path("searchpicks/<int:query_id>/", promotions_admin.EditView.as_view()),
    ]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("sokningar/", admin_views.query_report, name="search_query_report")]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryReportMenuItem(
        _("Sökningar"),
        reverse("search_query_report"),
        name="search-queries",
        icon_name="search",
        order=1250,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    """Wagtail's own "Search terms" report counts what Wagtail's search logs; the portal's
    search logs nothing there (its queries are in "Sökningar")."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register(SIMILAR_DOCUMENTS_HOOK)
def find_similar_documents(query, *, kind, limit):
    """For apps below search (search.registry.find_similar): the best hits of one kind."""
    return api.search(query, filters={"kind": kind}, per_page=limit).hits
