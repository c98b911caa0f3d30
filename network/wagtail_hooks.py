from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Municipality


class MunicipalityViewSet(SnippetViewSet):
    """Editors see and adjust municipalities; the 290 rows come from load_municipalities."""

    model = Municipality
    icon = "site"
    menu_label = _("Kommuner")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "code", "county", "population", "group_name", "pilot_year"]
    list_filter = ["county", "group_code", "pilot_year"]
    search_fields = ["name", "code"]
    search_backend_name = None  # Plain database lookups; municipalities are not indexed.
    ordering = ["name"]
    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("county"),
        FieldPanel("population"),
        FieldPanel("population_year"),
        FieldPanel("group_code"),
        FieldPanel("group_name"),
        FieldPanel("pilot_year"),
        InlinePanel(
            "email_domains",
            label=_("E-postdomäner för personal"),
            help_text=_("En verifierad adress på någon av domänerna godkänns direkt som medlem."),
        ),
    ]

    def get_queryset(self, request):
        return Municipality.objects.select_related("county")


register_snippet(MunicipalityViewSet)
