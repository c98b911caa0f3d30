"""The support app in Wagtail's admin: the offer, questionnaires and application rounds as
snippets under one "Stöd" menu, the selection screens, log actions and Mina sidor panels."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.accounts.my_pages import MY_PAGES_PANEL_HOOK, PERSONAL_DATA_HOOK
from portal.accounts.roles import is_editor
from search.registry import SEARCH_DOCUMENTS_HOOK

from . import search_documents
from .models import ApplicationRound, Questionnaire, SupportActivity, SupportAreaAnswerers
from .my_pages import questions as my_pages_questions

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


register_snippet(SupportViewSetGroup)


@hooks.register("register_log_actions")
def register_support_log_actions(actions):
    for action, label in SUPPORT_LOG_ACTIONS.items():
        actions.register_action(action, label, label)


# --- self-assessment and offer (hooks of that part go here) ---
# --- end self-assessment and offer ---

# --- applications and anchoring (hooks of that part go here) ---
# --- end applications and anchoring ---

# --- selection (hooks of that part go here) ---
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
