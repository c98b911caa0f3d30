"""What the national team's editors may do in the admin, granted to Wagtail's groups.

Each app declares `editor_permissions` on its AppConfig: {model name: actions}. They are
granted after every migrate (post_migrate), so new models are covered as soon as their
tables exist. A model of a third-party app the declaring app administers (Wagtail's search
promotions, for search) is named "app_label.model".
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITOR_GROUPS = ["Editors", "Moderators"]


def grant_editor_permissions(app_config, using="default", **kwargs):
    models = getattr(app_config, "editor_permissions", None)
    if not models:
        return
    wanted, labels = Q(pk__in=[]), set()
    for name, actions in models.items():
        label, _, model = name.rpartition(".")
        label = label or app_config.label
        labels.add(label)
        wanted |= Q(
            content_type__app_label=label,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    for label in sorted(labels):
        # Our receiver may run before auth's own for an app; creating is idempotent.
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(wanted)
    for group in Group.objects.using(using).filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)
