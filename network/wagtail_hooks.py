from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from organisations.models import Municipality
from portal.accounts.my_pages import MY_PAGES_PANEL_HOOK, PERSONAL_DATA_HOOK
from portal.admin_forms import PrivacyGuardedModelForm
from search.registry import SEARCH_DOCUMENTS_HOOK

from . import my_pages, search_documents
from .models import Network
from .services.networks import workspace


class MunicipalityViewSet(SnippetViewSet):
    """Editors see and adjust municipalities; the 290 rows come from load_municipalities.

    The model lives in organisations, below portal, so the privacy-guarded form is named
    here, and the admin keeps the addresses it had when the model lived in network.
    """

    model = Municipality
    url_prefix = "snippets/network/municipality"
    url_namespace = "wagtailsnippets_network_municipality"
    chooser_base_url_path = "snippets/choose/network/municipality"
    chooser_admin_url_namespace = "wagtailsnippetchoosers_network_municipality"
    icon = "site"
    menu_label = _("Kommuner")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "code", "county", "population", "group_name", "pilot_year"]
    list_filter = ["county", "group_code", "pilot_year"]
    search_fields = ["name", "code"]
    search_backend_name = None  # Plain database lookups; municipalities are not indexed.
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("code"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("county"),
            FieldPanel("population"),
            FieldPanel("population_year"),
            FieldPanel("group_code"),
            FieldPanel("group_name"),
            FieldPanel("pilot_year"),
        ],
        base_form_class=PrivacyGuardedModelForm,
    )

    def get_queryset(self, request):
        return Municipality.objects.select_related("county")


register_snippet(MunicipalityViewSet)


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = _("Nätverk")
    menu_order = 305
    add_to_admin_menu = True
    list_display = ["name", "challenge", "coordinator_label"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("challenge"),
        FieldPanel("purpose"),
        FieldPanel("description"),
        FieldPanel("coordinator_user"),
        FieldPanel("coordinator_organisation"),
    ]


register_snippet(NetworkViewSet)


@hooks.register("register_admin_urls")
def register_network_admin_urls():
    return [path("natverk-forslag/", include("network.admin_urls"))]


class SuggestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("network.add_network")


@hooks.register("register_admin_menu_item")
def register_suggestions_menu_item():
    return SuggestionsMenuItem(
        _("Föreslagna nätverk"), "/admin/natverk-forslag/", icon_name="group", order=306
    )


hooks.register(MY_PAGES_PANEL_HOOK, my_pages.networks_panel)
hooks.register(PERSONAL_DATA_HOOK, my_pages.personal_data)


NETWORK_LOG_ACTIONS = {
    "network.membership.invited": _("Organisation inbjuden till nätverk"),
    "network.membership.requested": _("Organisation ansökte om att gå med i nätverk"),
    "network.membership.active": _("Organisation gick med i nätverk"),
    "network.membership.left": _("Organisation lämnade nätverk"),
    "network.post.hidden": _("Inlägg dolt"),
    "network.link.added": _("Länk tillagd i nätverk"),
    "network.link.removed": _("Länk borttagen ur nätverk"),
    "network.document.added": _("Dokument uppladdat i nätverk"),
    "network.document.removed": _("Dokument borttaget ur nätverk"),
}


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    for action, label in NETWORK_LOG_ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register("before_serve_document")
def restrict_network_documents(document, request):
    """A network's documents are for its readers and editors only, by any address.

    Wagtail's serve view is the only way to a document's file (WAGTAILDOCS_SERVE_METHOD is
    "serve_view", and MEDIA_ROOT's documents folder is never served directly), so this
    check covers every download. A visitor is sent to sign in, anyone else gets 403.
    Wagtail's CollectionViewRestriction (by group) is not used: it would need a group per
    network kept in step with the memberships, where this reads the memberships themselves.
    Reading the person's session makes the response vary on the cookie, so no shared cache
    hands one person's download to another.
    """
    networks = workspace.networks_of_document(document)
    if networks is None:
        return None  # a public document, served as Wagtail serves it
    if workspace.may_download(request.user, document, networks):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return permission_denied(request, PermissionDenied())


@hooks.register("register_demo_content")
def build_demo_profiles(home):
    from . import demo

    demo.build(home)


@hooks.register("register_demo_counts")
def demo_profile_counts():
    from . import demo

    return demo.counts()


@hooks.register(SEARCH_DOCUMENTS_HOOK)
def register_search_documents():
    return search_documents.search_documents()
