from django.apps import AppConfig
from django.conf import settings
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

        from portal import page_cache

        from .models import OrganisationQuota, SeatCounter

        # Seats are counted with QuerySet.update(), which sends no signal: a page that
        # shows seats left lives a few seconds (docs/page-cache.md).
        for model in (SeatCounter, OrganisationQuota):
            page_cache.volatile(model, lambda: settings.PAGE_CACHE_SEATS_TIMEOUT)
