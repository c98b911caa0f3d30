from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

ALL = ("add", "change", "delete", "view")


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal och kunskapsbank")
    editor_permissions = {
        "method": ALL,
        "collaborationform": ALL,
        "targetgroup": ALL,
        "challenge": ALL,
        "membership": ALL,
        "outgoingemail": ("view", "change"),
    }

    def ready(self):
        from .permissions import grant_editor_permissions

        post_migrate.connect(grant_editor_permissions, dispatch_uid="portal-editor-permissions")

        from . import signals

        signals.connect()

        from .exports import neutralise_wagtail_csv_exports

        neutralise_wagtail_csv_exports()
