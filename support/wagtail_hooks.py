"""The support app in Wagtail's admin: the offer, questionnaires and application rounds as
snippets under one "Stöd" menu, the selection screens, log actions and Mina sidor panels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ApplicationRound, Questionnaire, SupportActivity

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
