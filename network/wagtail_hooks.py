import django_filters
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from organisations.models import Municipality
from portal.accounts.my_pages import MY_PAGES_PANEL_HOOK, PERSONAL_DATA_HOOK
from portal.calendar import CALENDAR_ENTRIES_HOOK
from search.registry import SEARCH_DOCUMENTS_HOOK

from . import my_pages, search_documents
from .admin_forms import MunicipalityAdminForm
from .models import Network, NetworkProposal
from .services.contact import team_members
from .services.networks import meetings, workspace


def _team_contact_name(municipality):
    contact = getattr(municipality, "team_contact", None)
    if contact is None:
        return "–"
    return str(contact.user)


class MunicipalityFilterSet(WagtailFilterSet):
    team_contact = django_filters.ModelChoiceFilter(
        field_name="team_contact__user",
        queryset=lambda request: team_members(),
        label=_("Kontaktperson i teamet"),
        null_label=_("Ingen vald"),
    )

    class Meta:
        model = Municipality
        fields = ["county", "group_code", "pilot_year"]


class MunicipalityViewSet(SnippetViewSet):
    """Editors see and adjust municipalities; the 290 rows come from load_municipalities.

    The model lives in organisations, below portal, so the privacy-guarded form is named
    here, and the admin keeps the addresses it had when the model lived in network. The
    form also chooses the team's contact person for the municipality; the list shows it
    and filters by it ("Ingen vald" with a county: the ones still to assign).
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
    list_display = [
        "name",
        "code",
        "county",
        "population",
        "group_name",
        "pilot_year",
        Column("team_contact", label=_("Kontaktperson i teamet"), accessor=_team_contact_name),
    ]
    filterset_class = MunicipalityFilterSet
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
            FieldPanel("team_contact"),
        ],
        base_form_class=MunicipalityAdminForm,
    )

    def get_queryset(self, request):
        return Municipality.objects.select_related("county", "team_contact__user")


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


class CoordinatorProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("network.change_networkproposal")


@hooks.register("register_admin_menu_item")
def register_coordinator_proposals_menu_item():
    return CoordinatorProposalsMenuItem(
        _("Förslag från kontaktpersoner"),
        reverse("network_admin:coordinator_proposals"),
        name="network-proposals",
        icon_name="group",
        order=307,
    )


class NetworkProposalsPanel(Component):
    """On the admin's start page: how many coordinators' proposals wait for a decision."""

    name = "network_proposals"
    order = 140
    template_name = "network/admin/proposal_panel.html"

    def __init__(self, pending):
        self.pending = pending

    def get_context_data(self, parent_context):
        return {
            "pending": self.pending,
            "list_url": reverse("network_admin:coordinator_proposals"),
        }


@hooks.register("construct_homepage_panels")
def add_network_proposals_panel(request, homepage_panels):
    if not request.user.has_perm("network.change_networkproposal"):
        return
    pending = NetworkProposal.objects.filter(status=NetworkProposal.Status.PENDING).count()
    if pending:
        homepage_panels.append(NetworkProposalsPanel(pending))


hooks.register(MY_PAGES_PANEL_HOOK, my_pages.networks_panel)
hooks.register(MY_PAGES_PANEL_HOOK, my_pages.team_contact_panel)
hooks.register(PERSONAL_DATA_HOOK, my_pages.personal_data)
hooks.register(CALENDAR_ENTRIES_HOOK, meetings.calendar_entries)


NETWORK_LOG_ACTIONS = {
    "network.membership.invited": _("Organisation inbjuden till nätverk"),
    "network.membership.requested": _("Organisation ansökte om att gå med i nätverk"),
    "network.membership.active": _("Organisation gick med i nätverk"),
    "network.membership.left": _("Organisation lämnade nätverk"),
    "network.coordination.given_up": _("Samordnande organisation lämnade nätverket"),
    "network.post.hidden": _("Inlägg dolt"),
    "network.thread.pinned": _("Tråd fäst"),
    "network.thread.unpinned": _("Tråd inte längre fäst"),
    "network.proposal.submitted": _("Nätverk föreslaget av en kontaktperson"),
    "network.proposal.approved": _("Förslag till nätverk godkänt"),
    "network.proposal.declined": _("Förslag till nätverk avslaget"),
    "network.meeting.scheduled": _("Nätverksmöte planerat"),
    "network.meeting.changed": _("Nätverksmöte ändrat"),
    "network.meeting.cancelled": _("Nätverksmöte inställt"),
    "network.meeting.minutes": _("Minnesanteckningar från nätverksmöte sparade"),
    "network.team_contact.set": _("Kontaktperson i förstärkningsteamet vald"),
    "network.team_contact.cleared": _("Kontaktperson i förstärkningsteamet borttagen"),
    "network.link.added": _("Länk tillagd i nätverk"),
    "network.link.removed": _("Länk borttagen ur nätverk"),
    "network.document.added": _("Dokument uppladdat i nätverk"),
    "network.document.removed": _("Dokument borttaget ur nätverk"),
}


class ContactSentFormatter(LogFormatter):
    """Who wrote, for which organisation; what they wrote is not kept."""

    label = _("Kontaktad via portalen")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Kontaktad via portalen av %(sender)s (%(organisation)s), %(count)s mottagare") % {
            "sender": log_entry.user_display_name,
            "organisation": data.get("sender_organisation") or _("förstärkningsteamet"),
            "count": data.get("recipients", 0),
        }


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    for action, label in NETWORK_LOG_ACTIONS.items():
        actions.register_action(action, label, label)
    actions.register_action("network.contact.sent")(ContactSentFormatter)


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
