from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.accounts.my_pages import MY_PAGES_PANEL_HOOK, PERSONAL_DATA_HOOK
from search.registry import SEARCH_DOCUMENTS_HOOK

from . import my_pages, search_documents
from .models import Theme
from .services import materials
from .services.calendar import issue_new_calendar_address

REGISTRATION_LOG_ACTIONS = {
    "events.registration.confirmed": _("Anmäld med plats"),
    "events.registration.waitlisted": _("Anmäld till väntelistan"),
    "events.registration.cancelled": _("Anmälan avbokad"),
    "events.registration.cancelled_account_deleted": _("Anmälan avbokad när kontot raderades"),
    "events.registration.promoted": _("Flyttad från väntelistan"),
    "events.registration.offered": _("Erbjuden en plats från väntelistan"),
    "events.registration.offer_confirmed": _("Erbjuden plats bekräftad"),
    "events.registration.offer_expired": _("Erbjuden plats inte bekräftad i tid"),
    "events.registration.moved": _("Bytte tillfälle"),
    "events.registration.cancelled_occasion_removed": _("Anmälan avbokad när tillfället togs bort"),
    "events.occasion.capacity_kept": _(
        "Platserna kunde inte sänkas under dem som redan är tagna; de sänks när platser blir lediga"
    ),
    "events.registration.moved_by_editor": _("Flyttad från väntelistan av redaktör"),
    "events.registration.attendance": _("Närvaro markerad"),
    "events.registrations.exported": _("Anmälningar exporterade (CSV)"),
}


class OccasionMessageFormatter(LogFormatter):
    """Who wrote to an occasion's registrants, when and to how many; never the text."""

    label = _("Meddelande till anmälda")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Meddelande till anmälda till %(occasion)s: %(count)s mottagare") % {
            "occasion": data.get("occasion", ""),
            "count": data.get("recipients", 0),
        }


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for action, label in REGISTRATION_LOG_ACTIONS.items():
        actions.register_action(action, label, label)
    actions.register_action("events.occasion.message_sent")(OccasionMessageFormatter)


@hooks.register("before_serve_document")
def restrict_workshop_materials(document, request):
    """Materials of a workshop shown to participants only are served to them and to
    editors, by any address: a visitor is sent to sign in, anyone else gets 404 (the
    document's existence is not confirmed to people outside the workshop)."""
    workshops = materials.workshops_of_document(document)
    if workshops is None or materials.may_download(request.user, workshops):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


@hooks.register("after_edit_user")
def new_calendar_address_after_admin_password_change(request, user):
    """An administrator set a new password in Wagtail's user admin."""
    if request.POST.get("password1"):
        issue_new_calendar_address(user)


hooks.register(MY_PAGES_PANEL_HOOK, my_pages.registrations_panel)
hooks.register(PERSONAL_DATA_HOOK, my_pages.personal_data)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("workshoppar/", include("events.admin_urls"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


workshop_menu = Menu(
    items=[
        PermissionMenuItem(
            _("Anmälningar"),
            "/admin/workshoppar/",
            icon_name="list-ul",
            permission="events.view_registration",
            order=100,
        ),
        PermissionMenuItem(
            _("Utvärderingar"),
            "/admin/workshoppar/utvardering/",
            icon_name="pick",
            permission="events.view_feedback",
            order=200,
        ),
        PermissionMenuItem(
            _("Uppföljning"),
            "/admin/workshoppar/uppfoljning/",
            icon_name="pick",
            permission="events.view_followup",
            order=250,
        ),
        PermissionMenuItem(
            _("Intresse per tema"),
            "/admin/workshoppar/intresse/",
            icon_name="pick",
            permission="events.view_themeinterest",
            order=300,
        ),
    ]
)


@hooks.register("register_admin_menu_item")
def register_workshop_menu():
    return SubmenuMenuItem(_("Workshoppar"), workshop_menu, icon_name="date", order=250)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Teman")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "support_area"]


register_snippet(ThemeViewSet)


@hooks.register("register_demo_content")
def build_demo_workshops(home):
    from . import demo

    demo.build(home)


@hooks.register("register_demo_counts")
def demo_workshop_counts():
    from . import demo

    return demo.counts()


@hooks.register(SEARCH_DOCUMENTS_HOOK)
def register_search_documents():
    return search_documents.search_documents()
