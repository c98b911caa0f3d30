from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Stöd från förstärkningsteamet")
    editor_permissions = {
        "supportactivity": ("add", "change", "delete", "view"),
        "questionnaire": ("add", "change", "delete", "view"),
        "applicationround": ("add", "change", "delete", "view"),
        "application": ("change", "view"),
        "applicationassessment": ("add", "change", "view"),
        # questions to the team
        "supportareaanswerers": ("add", "change", "delete", "view"),
        "questionsettings": ("change", "view"),
        "teamquestion": ("change", "view"),
        # engagements
        "engagement": ("add", "change", "view"),
        "agreement": ("add", "change", "view"),
        "nextstep": ("add", "change", "view"),
        "engagementmeeting": ("add", "change", "view"),
    }
