"""What the national team's editors may do in the admin, granted to Wagtail's groups.

Run after every migrate (post_migrate), so permissions for new models are granted as
soon as their tables exist. Apps list their models in EDITOR_MODEL_PERMISSIONS.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITOR_GROUPS = ["Editors", "Moderators"]
ALL = ("add", "change", "delete", "view")

# app label -> {model name: actions editors may take}
EDITOR_MODEL_PERMISSIONS = {
    "portal": {
        "method": ALL,
        "collaborationform": ALL,
        "targetgroup": ALL,
        "challenge": ALL,
        "membership": ALL,
    },
    "network": {
        "municipality": ("change", "view"),  # the 290 come from SCB's list
        "municipalityemaildomain": ALL,
    },
}


def grant_editor_permissions(app_config, using="default", **kwargs):
    models = EDITOR_MODEL_PERMISSIONS.get(app_config.label)
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
