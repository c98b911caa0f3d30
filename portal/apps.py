from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps

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
        "identityprovider": ALL,
        "outgoingemail": ("view", "change"),
    }

    def ready(self):
        from .permissions import grant_editor_permissions

        post_migrate.connect(grant_editor_permissions, dispatch_uid="portal-editor-permissions")

        from . import signals

        signals.connect()

        from .models import OutgoingEmail
        from .page_cache import registry as page_cache_registry
        from .page_cache import signals as page_cache_signals

        page_cache_signals.connect()
        page_cache_registry.ignore(OutgoingEmail)  # a queue no page shows

        from wagtail.models import PageViewRestriction

        # Wagtail's privacy dialog writes only this row: it neither saves nor publishes the
        # page, so without it a page made private stayed cached (and listed) for visitors.
        page_cache_registry.watch(PageViewRestriction, listings_on_update=True)

        from .exports import neutralise_wagtail_csv_exports
        from .wagtail_forms import guard_workflow_comments

        # Two narrow patches of Wagtail where it offers no setting: its CSV report cells,
        # and the form behind moderation comments (a custom task model would need a
        # migration). Each is tested in tests/test_exports.py and test_privacy_coverage.py.
        neutralise_wagtail_csv_exports()
        guard_workflow_comments()


class PortalUsersAppConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's users app, with user forms that go through the privacy guard.

    In INSTALLED_APPS in place of "wagtail.users" (Wagtail's way to swap the user viewset).
    """

    default = False  # portal's own app config stays PortalConfig
    user_viewset = "portal.wagtail_forms.PrivacyGuardedUserViewSet"
