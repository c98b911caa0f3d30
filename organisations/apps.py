from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """Reference data: counties, municipalities, the organisations people act for (of every
    kind) and their staff's email domains.

    The lowest layer: it imports none of the project's other apps.
    """

    name = "organisations"
    verbose_name = _("Organisationer")
    editor_permissions = {
        "municipality": ("change", "view"),  # the 290 come from SCB's list
        # Editors add support structures, agencies and others; municipalities, regions,
        # county boards and police regions come from the files.
        "organisation": ("add", "change", "view"),
        "organisationemaildomain": ("add", "change", "delete", "view"),
    }
