from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Challenge, CollaborationForm, Method, TargetGroup


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
