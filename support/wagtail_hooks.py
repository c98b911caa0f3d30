"""The support app in Wagtail's admin: the offer, questionnaires and application rounds as
snippets under one "Stöd" menu, the selection screens, log actions and Mina sidor panels."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.accounts.my_pages import MY_PAGES_PANEL_HOOK, PERSONAL_DATA_HOOK
from portal.accounts.roles import is_editor
from search.registry import SEARCH_DOCUMENTS_HOOK

from . import search_documents
from .models import ApplicationRound, Questionnaire, SupportActivity, SupportAreaAnswerers
from .my_pages import assessments as assessments_panels
from .my_pages import follow_up as my_pages_follow_up
from .my_pages import questions as my_pages_questions
from .services import assessments as assessment_services
from .services import follow_up as follow_up_services

# Log actions of the support app: {action: label}. Each part adds its own.
SUPPORT_LOG_ACTIONS = {}


class SupportActivityViewSet(SnippetViewSet):
    model = SupportActivity
    icon = "list-ul"
    menu_label = _("Erbjudandet")
    list_display = ["title", "support_area", "format", "is_offered"]
    list_filter = ["support_area", "format", "is_offered"]
    search_fields = ["title"]


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Nulägesanalys")
    list_display = ["title", "support_area", "is_active"]


class ApplicationRoundViewSet(SnippetViewSet):
    model = ApplicationRound
    icon = "date"
    menu_label = _("Ansökningsomgångar")
    list_display = ["title", "opens_at", "deadline", "capacity"]


class SupportViewSetGroup(SnippetViewSetGroup):
    items = (SupportActivityViewSet, QuestionnaireViewSet, ApplicationRoundViewSet)
    menu_icon = "help"
    menu_label = _("Stöd")
    menu_name = "support"
    menu_order = 320
    # Screens that are not snippets (Urval) join the submenu through this hook.
    submenu_hook = "register_support_menu_item"


register_snippet(SupportViewSetGroup)


@hooks.register("register_log_actions")
def register_support_log_actions(actions):
    for action, label in SUPPORT_LOG_ACTIONS.items():
        actions.register_action(action, label, label)


# --- self-assessment and offer ---


SUPPORT_LOG_ACTIONS.update(
    {
        assessment_services.STARTED: _("Nulägesanalys påbörjad"),
        assessment_services.COMPLETED: _("Nulägesanalys markerad som klar"),
    }
)

hooks.register(MY_PAGES_PANEL_HOOK, assessments_panels.assessments_panel)
hooks.register(PERSONAL_DATA_HOOK, assessments_panels.personal_data)


@hooks.register("before_delete_snippet")
def keep_questionnaires_with_assessments(request, instances):
    """A questionnaire that organisations have used cannot be deleted (their assessments
    PROTECT it): say so, and how to close it instead, rather than fail. Runs for the
    delete view and for the listing's bulk delete, on the confirmation and the POST."""
    in_use = [
        instance
        for instance in instances
        if isinstance(instance, Questionnaire) and instance.assessments.exists()
    ]
    if not in_use:
        return None
    for questionnaire in in_use:
        count = questionnaire.assessments.count()
        messages.error(
            request,
            ngettext(
                "”%(title)s” kan inte raderas: organisationer har gjort %(count)s "
                "nulägesanalys med formuläret, och den ska gå att läsa. Avmarkera ”Öppen för "
                "nya analyser” i stället, så kan ingen påbörja en ny.",
                "”%(title)s” kan inte raderas: organisationer har gjort %(count)s "
                "nulägesanalyser med formuläret, och de ska gå att läsa. Avmarkera ”Öppen för "
                "nya analyser” i stället, så kan ingen påbörja en ny.",
                count,
            )
            % {"title": questionnaire.title, "count": count},
        )
    if len(instances) == 1:
        return redirect("wagtailsnippets_support_questionnaire:edit", quote(in_use[0].pk))
    return redirect("wagtailsnippets_support_questionnaire:list")


# --- end self-assessment and offer ---


# --- applications and anchoring ---
class ApplicationLogFormatter(LogFormatter):
    """The action in words, with the organisation (and manager) it was about."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        about = ", ".join(str(data[key]) for key in ("organisation", "manager") if data.get(key))
        return f"{self.label}: {about}" if about else str(self.label)


APPLICATION_LOG_ACTIONS = {
    "support.application.created": _("Ansökan om stöd påbörjad"),
    "support.application.co_applicant_invited": _("Medsökande kommun inbjuden"),
    "support.application.co_applicant_confirmed": _("Medsökande kommun bekräftade"),
    "support.application.co_applicant_declined": _("Medsökande kommun tackade nej"),
    "support.application.co_applicant_removed": _("Medsökande kommun borttagen"),
    "support.anchoring.requested": _("Förankring begärd hos chef"),
    "support.anchoring.confirmed": _("Förankring bekräftad av chef"),
    "support.anchoring.declined": _("Förankring avböjd av chef"),
    "support.anchoring.reopened": _("Förankring begärd igen efter ändring i ansökan"),
    "support.application.submitted": _("Ansökan om stöd inskickad"),
    "support.application.withdrawn": _("Ansökan om stöd tillbakatagen"),
}


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    for action, label in APPLICATION_LOG_ACTIONS.items():
        formatter = type("Formatter", (ApplicationLogFormatter,), {"label": label})
        actions.register_action(action)(formatter)


@hooks.register(MY_PAGES_PANEL_HOOK)
def support_applications_panel(request):
    from .my_pages.applications import applications_panel

    return applications_panel(request)


@hooks.register(PERSONAL_DATA_HOOK)
def support_applications_personal_data(user):
    from .my_pages.applications import personal_data

    return personal_data(user)


# --- end applications and anchoring ---

# --- selection ---
# The selection screens (support.admin_views) under /admin/stod-urval/, an "Urval" item in
# the "Stöd" menu, an "Urval" button on each round in the snippet listing, and the log
# actions of assessments and decisions.

SUPPORT_LOG_ACTIONS.update(
    {
        "support.application.assessed": _("Ansökan om stöd bedömd"),
        "support.application.granted": _("Ansökan om stöd beviljad"),
        "support.application.declined": _("Ansökan om stöd inte beviljad"),
        "support.application.decision_changed": _("Beslut om ansökan om stöd ändrat"),
        "support.round.exported": _("Ansökningar i omgång exporterade"),
    }
)


@hooks.register("register_admin_urls")
def register_selection_admin_urls():
    return [path("stod-urval/", include("support.admin_urls"))]


class SelectionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("support.view_application")


@hooks.register("register_support_menu_item")
def register_selection_menu_item():
    return SelectionMenuItem(
        _("Urval"),
        reverse("support_admin:rounds"),
        name="support-selection",
        icon_name="tasks",
        order=10,
    )


@hooks.register("register_snippet_listing_buttons")
def selection_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, ApplicationRound) and user.has_perm("support.view_application"):
        yield ListingButton(
            _("Urval"),
            reverse("support_admin:round", args=[snippet.pk]),
            icon_name="tasks",
            priority=5,
        )


# --- end selection ---


@hooks.register("register_demo_content")
def build_demo_support(home):
    from . import demo

    demo.build(home)


@hooks.register("register_demo_counts")
def demo_support_counts():
    from . import demo

    return demo.counts()


# --- questions ---
# Questions to the team (issue 19): the team's screens under /admin/fragor/, the
# answerers per support area as a snippet, the published Q&A pages in the search index,
# the Mina sidor panel and the log actions.

SUPPORT_LOG_ACTIONS.update(
    {
        "support.question.asked": _("Fråga ställd till förstärkningsteamet"),
        "support.question.taken": _("Fråga tagen av en i teamet"),
        "support.question.answered": _("Fråga besvarad"),
        "support.question.published": _("Fråga och svar publicerade"),
    }
)


def _answerer_names(row):
    return ", ".join(str(user) for user in row.answerers.all()) or "–"


class SupportAreaAnswerersViewSet(SnippetViewSet):
    model = SupportAreaAnswerers
    icon = "help"
    menu_label = _("Svarare per stödområde")
    menu_order = 321
    add_to_admin_menu = True
    list_display = [
        "support_area",
        Column("answerers", label=_("Svarare"), accessor=_answerer_names),
    ]
    search_backend_name = None


register_snippet(SupportAreaAnswerersViewSet)


@hooks.register("register_admin_urls")
def register_question_admin_urls():
    return [path("fragor/", include("support.admin_views_questions"))]


class QuestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_questions_menu_item():
    return QuestionsMenuItem(
        _("Frågor till teamet"),
        reverse("support_questions_admin:list"),
        name="team-questions",
        icon_name="help",
        order=322,
    )


hooks.register(MY_PAGES_PANEL_HOOK, my_pages_questions.questions_panel)
hooks.register(PERSONAL_DATA_HOOK, my_pages_questions.personal_data)


@hooks.register(SEARCH_DOCUMENTS_HOOK)
def register_question_search_documents():
    return search_documents.search_documents()


# --- end questions ---

# --- reach ---
# The team's reach (issue 18): the dashboard and its exports under /admin/stod-rackvidd/,
# a "Räckvidd" item in the "Stöd" menu. Every editor sees it; nobody else reaches the admin.


@hooks.register("register_admin_urls")
def register_reach_admin_urls():
    return [path("stod-rackvidd/", include("support.admin_views_reach"))]


class ReachMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_support_menu_item")
def register_reach_menu_item():
    return ReachMenuItem(
        _("Räckvidd"),
        reverse("support_reach_admin:dashboard"),
        name="support-reach",
        icon_name="site",
        order=20,
    )


# --- end reach ---


# --- engagement follow-up ---
# The team's follow-up screens under /admin/uppfoljning/ (an "Uppföljning" item in the
# "Stöd" menu), the log actions, and the Mina sidor panel with what waits for an answer.

SUPPORT_LOG_ACTIONS.update(
    {
        follow_up_services.SENT: _("Uppföljning av insats skickad"),
        follow_up_services.ANSWERED: _("Uppföljning av insats besvarad"),
    }
)


@hooks.register("register_admin_urls")
def register_follow_up_admin_urls():
    return [path("uppfoljning/", include("support.admin_views_follow_up"))]


class FollowUpMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_support_menu_item")
def register_follow_up_menu_item():
    return FollowUpMenuItem(
        _("Uppföljning"),
        reverse("support_follow_up_admin:overview"),
        name="support-follow-up",
        icon_name="clipboard-list",
        order=30,
    )


hooks.register(MY_PAGES_PANEL_HOOK, my_pages_follow_up.follow_ups_panel)
hooks.register(PERSONAL_DATA_HOOK, my_pages_follow_up.personal_data)

# --- end engagement follow-up ---


# --- engagements ---
# Engagements (issue 18): the team's screens under /admin/insatser/, an "Insatser" item in
# the "Stöd" menu, the log actions, and the Mina sidor panel.

SUPPORT_LOG_ACTIONS.update(
    {
        "support.engagement.created": _("Insats skapad"),
        "support.engagement.changed": _("Insats ändrad"),
        "support.engagement.extended": _("Insats förlängd förbi två år, med skäl"),
        "support.engagement.ended": _("Insats avslutad"),
        "support.engagement.contacts_changed": _("Kontaktpersoner för insats valda"),
        "support.agreement.drafted": _("Ny version av överenskommelse"),
        "support.agreement.confirmed": _("Överenskommelse bekräftad"),
        "support.step.added": _("Nästa steg tillagt i insats"),
        "support.step.done": _("Steg i insats markerat klart"),
        "support.meeting.recorded": _("Möte i insats infört"),
    }
)


@hooks.register("register_admin_urls")
def register_engagement_admin_urls():
    return [path("insatser/", include("support.admin_views_engagements"))]


class EngagementsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("support.view_engagement")


@hooks.register("register_support_menu_item")
def register_engagements_menu_item():
    return EngagementsMenuItem(
        _("Insatser"),
        reverse("support_engagements_admin:list"),
        name="support-engagements",
        icon_name="site",
        order=15,
    )


@hooks.register(MY_PAGES_PANEL_HOOK)
def support_engagements_panel(request):
    from .my_pages.engagements import engagements_panel

    return engagements_panel(request)


@hooks.register(PERSONAL_DATA_HOOK)
def support_engagements_personal_data(user):
    from .my_pages.engagements import personal_data

    return personal_data(user)


# --- end engagements ---
