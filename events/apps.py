from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Thematic workshops: registration, waitlist, reminders, attendance and feedback."""

    name = "events"
    verbose_name = _("Workshoppar")
