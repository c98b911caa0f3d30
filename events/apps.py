from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Thematic workshops: registration, waitlist, reminders, attendance and feedback."""

    name = "events"
    verbose_name = _("Workshoppar")
    editor_permissions = {
        "theme": ("add", "change", "delete", "view"),
        "registration": ("change", "view"),
        "feedback": ("view",),
        "followup": ("view",),
        "themeinterest": ("view",),
    }

    def ready(self):
        from . import signals

        signals.connect()
