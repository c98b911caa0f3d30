from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Swedish full-text search over everything public on the portal."""

    name = "search"
    verbose_name = _("Sök")

    def ready(self):
        from . import outbox

        outbox.connect()
