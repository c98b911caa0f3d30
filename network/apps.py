from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Kommuner och nätverk")
    editor_permissions = {
        "network": ("add", "change", "delete", "view"),
        "networkmembership": ("add", "change", "delete", "view"),
        "networkproposal": ("change", "view"),
    }
