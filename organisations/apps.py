from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """Reference data: counties, municipalities and their staff's email domains.

    The lowest layer: it imports none of the project's other apps.
    """

    name = "organisations"
    verbose_name = _("Organisationer")
    editor_permissions = {
        "municipality": ("change", "view"),  # the 290 come from SCB's list
        "municipalityemaildomain": ("add", "change", "delete", "view"),
    }
