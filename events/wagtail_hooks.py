from django.utils.translation import gettext_lazy as _
from wagtail import hooks

REGISTRATION_LOG_ACTIONS = {
    "events.registration.confirmed": _("Anmäld med plats"),
    "events.registration.waitlisted": _("Anmäld till väntelistan"),
    "events.registration.cancelled": _("Anmälan avbokad"),
    "events.registration.promoted": _("Flyttad från väntelistan"),
    "events.registration.moved_by_editor": _("Flyttad från väntelistan av redaktör"),
    "events.registration.attendance": _("Närvaro markerad"),
}


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for action, label in REGISTRATION_LOG_ACTIONS.items():
        actions.register_action(action, label, label)
