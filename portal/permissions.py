"""What the national team's editors may do in the admin, granted to Wagtail's groups.

Each app declares `editor_permissions` on its AppConfig: {model name: actions}. They are
granted after every migrate (post_migrate), so new models are covered as soon as their
tables exist.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITOR_GROUPS = ["Editors", "Moderators"]


def grant_editor_permissions(app_config, using="default", **kwargs):
    models = getattr(app_config, "editor_permissions", None)
    if not models:
        return
    # Our receiver may run before auth's own for this app; creating is idempotent.
    create_permissions(app_config, verbosity=0, using=using)
    codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
    permissions = Permission.objects.using(using).filter(
        content_type__app_label=app_config.label, codename__in=codenames
    )
    for group in Group.objects.using(using).filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)
