"""The editors' side of search in the Wagtail admin: synonyms."""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


def admin_form_base():
    """The base of search's admin forms. search imports no app, so the project names
    its guarded form in a setting, as WAGTAILDOCS_DOCUMENT_FORM_BASE does for documents."""
    name = getattr(settings, "SEARCH_ADMIN_FORM_BASE", None)
    return import_string(name) if name else WagtailAdminModelForm


class SynonymViewSet(SnippetViewSet):
    model = Synonym
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
