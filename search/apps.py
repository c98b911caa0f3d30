from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Swedish full-text search over everything public on the portal."""

    name = "search"
    verbose_name = _("Sök")
    # Granted to the editors' groups after every migrate (portal.permissions). The
    # promotions are Wagtail's app, named "app_label.model": declared here, beside the
    # admin search gives them, and granted after every migrate like the rest, so a
    # group created later still gets them (a data migration would run only once).
    editor_permissions = {
        "synonym": ["add", "change", "delete", "view"],
        "searchqueryday": ["view"],  # the query report
        "wagtailsearchpromotions.searchpromotion": ["add", "change", "delete", "view"],
    }

    def ready(self):
        # Reading the registry imports every app's wagtail_hooks; every other app must be
        # ready by then, so search comes last in INSTALLED_APPS.
        if list(apps.get_app_configs())[-1] is not self:
            raise ImproperlyConfigured('"search" must be the last app in INSTALLED_APPS.')
        from . import indexer, outbox, synonyms

        # A release that changes the index's fields or analysis rebuilds it as it deploys.
        post_migrate.connect(
            indexer.rebuild_outdated_index, sender=self, dispatch_uid="search-rebuild-outdated"
        )

        outbox.connect()
        synonyms.connect()
