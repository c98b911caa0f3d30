from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.registry import SEARCH_DOCUMENTS_HOOK

from . import admin_views, search_documents
from .accounts import panels
from .accounts.my_pages import MY_PAGES_PANEL_HOOK, PERSONAL_DATA_HOOK
from .models import Challenge, CollaborationForm, Membership, Method, TargetGroup
from .organisation_admin import OrganisationViewSet
from .privacy import find_personal_numbers
from .services import email_queue
from .sso import my_pages as sso_my_pages
from .sso.admin import IdentityProviderViewSet


class MethodViewSet(SnippetViewSet):
    model = Method
    icon = "cogs"
    list_display = ["name", "abbreviation", "kind", "evidence_status"]
    list_filter = ["kind", "evidence_status"]


class CollaborationFormViewSet(SnippetViewSet):
    model = CollaborationForm
    icon = "group"
    list_display = ["name", "abbreviation", "participants"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"


class ChallengeViewSet(SnippetViewSet):
    model = Challenge
    icon = "warning"


class KnowledgeBaseGroup(SnippetViewSetGroup):
    menu_label = _("Kunskapsbank")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (MethodViewSet, CollaborationFormViewSet, TargetGroupViewSet, ChallengeViewSet)


register_snippet(KnowledgeBaseGroup)


class MembershipViewSet(SnippetViewSet):
    """Editors see and change who acts for which organisation, coordinators included."""

    model = Membership
    icon = "group"
    menu_label = _("Medlemskap")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["user", "organisation", "role", "status", "requested_at"]
    list_filter = ["status", "role"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    search_backend_name = None
    panels = [
        FieldPanel("user"),
        FieldPanel("organisation"),
        FieldPanel("job_title"),
        FieldPanel("role"),
        FieldPanel("status"),
        FieldPanel("decline_reason"),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "organisation")


register_snippet(MembershipViewSet)
register_snippet(OrganisationViewSet)
register_snippet(IdentityProviderViewSet)


MEMBERSHIP_LOG_ACTIONS = {
    "portal.membership.requested": _("Medlemskap begärt"),
    "portal.membership.withdrawn": _("Förfrågan om medlemskap ersatt av en ny"),
    "portal.membership.approved": _("Medlemskap godkänt"),
    "portal.membership.approved_by_domain": _("Medlemskap godkänt via e-postdomän"),
    "portal.membership.declined": _("Medlemskap avslaget"),
    "portal.membership.ended": _("Medlemskap avslutat vid byte av kommun"),
    "portal.membership.left": _("Lämnade kommunen"),
    "portal.membership.role_coordinator": _("Utsedd till kommunens kontaktperson"),
    "portal.membership.role_member": _("Inte längre kontaktperson"),
}


# A decision made through the one-click link in the email says so in the log.
FROM_EMAIL_LINK = {
    "portal.membership.approved": _("Medlemskap godkänt via länken i e-postmeddelandet"),
    "portal.membership.declined": _("Medlemskap avslaget via länken i e-postmeddelandet"),
}


class MembershipDecisionFormatter(LogFormatter):
    """Approved or declined, and whether the decision came from the link in the email."""

    action = ""

    def format_message(self, log_entry):
        if (log_entry.data or {}).get("from_email_link"):
            return FROM_EMAIL_LINK[self.action]
        return self.label


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    for action, label in MEMBERSHIP_LOG_ACTIONS.items():
        if action in FROM_EMAIL_LINK:
            formatter = type(
                "MembershipDecisionFormatter",
                (MembershipDecisionFormatter,),
                {"action": action, "label": label},
            )
            actions.register_action(action)(formatter)
        else:
            actions.register_action(action, label, label)


hooks.register(MY_PAGES_PANEL_HOOK, panels.membership_panel)
hooks.register(MY_PAGES_PANEL_HOOK, panels.approvals_panel)
hooks.register(MY_PAGES_PANEL_HOOK, panels.account_panel)
hooks.register(MY_PAGES_PANEL_HOOK, panels.submissions_panel)
hooks.register(PERSONAL_DATA_HOOK, panels.personal_data)
hooks.register(PERSONAL_DATA_HOOK, panels.submissions_personal_data)
hooks.register(PERSONAL_DATA_HOOK, email_queue.personal_data)
hooks.register(PERSONAL_DATA_HOOK, sso_my_pages.personal_data)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("e-post/", include("portal.admin_urls"))]


class FailedEmailsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal.view_outgoingemail")


@hooks.register("register_admin_urls")
def register_guidance_review_url():
    return [
        path(
            "vagledning-att-granska/",
            admin_views.guidance_to_review,
            name="portal_guidance_to_review",
        )
    ]


class GuidanceReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.in_editor_group(request.user)


@hooks.register("register_reports_menu_item")
def register_guidance_review_menu_item():
    return GuidanceReviewMenuItem(
        _("Vägledning att granska"),
        reverse("portal_guidance_to_review"),
        name="guidance-to-review",
        icon_name="date",
        order=850,
    )


class GuidanceReviewPanel(Component):
    """On the admin's start page: how much guidance is past its review date."""

    name = "guidance_to_review"
    order = 150
    template_name = "portal/admin/guidance_review_panel.html"

    def get_context_data(self, parent_context):
        return {
            "overdue": admin_views.overdue_guidance().count(),
            "report_url": reverse("portal_guidance_to_review"),
        }


@hooks.register("construct_homepage_panels")
def add_guidance_review_panel(request, homepage_panels):
    if admin_views.in_editor_group(request.user):
        homepage_panels.append(GuidanceReviewPanel())


@hooks.register("register_reports_menu_item")
def register_failed_emails_menu_item():
    return FailedEmailsMenuItem(
        _("E-post som inte gick fram"),
        reverse("portal_admin:failed_emails"),
        name="failed-emails",
        icon_name="mail",
        order=900,
    )


def _refuse_personal_numbers_in_workflow_data(request, url):
    """The page and snippet editors pass `workflow-action-extra-data` (the moderation
    comment, as JSON) straight to the task without its form. Wagtail's modal validates the
    comment through the guarded task form first; this catches a request built by hand."""
    if request.method != "POST":
        return None
    found = find_personal_numbers(request.POST.get("workflow-action-extra-data", ""))
    if not found:
        return None
    messages.error(
        request,
        _(
            "Kommentaren till granskningen innehåller något som ser ut som ett personnummer "
            "eller samordningsnummer (%(found)s) och sparades inte."
        )
        % {"found": ", ".join(found)},
    )
    return redirect(url)


@hooks.register("before_edit_page")
def guard_page_workflow_comment(request, page):
    return _refuse_personal_numbers_in_workflow_data(
        request, reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


@hooks.register("before_edit_snippet")
def guard_snippet_workflow_comment(request, instance):
    return _refuse_personal_numbers_in_workflow_data(request, request.path)


@hooks.register(SEARCH_DOCUMENTS_HOOK)
def register_search_documents():
    return search_documents.search_documents()


@hooks.register("before_serve_page")
def keep_restricted_pages_out_of_the_page_cache(page, request, serve_args, serve_kwargs):
    """A page behind a login or a password is never stored in the page cache."""
    from . import page_cache

    if page.get_view_restrictions().exists():
        page_cache.never(request)
