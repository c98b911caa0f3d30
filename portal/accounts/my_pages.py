""" "Mina sidor" is made of panels that apps register with a Wagtail hook.

An app adds a panel with:

    @hooks.register(MY_PAGES_PANEL_HOOK)
    def my_panel(request):
        return Panel(order=40, template="events/my_pages/registrations.html", context={...})

Returning None leaves the panel out (e.g. when it does not apply to the person). Apps
contribute to a person's data export in the same way with PERSONAL_DATA_HOOK: a function
of the user returning a (key, JSON-serialisable data) pair.
"""

from dataclasses import dataclass, field

from wagtail import hooks

MY_PAGES_PANEL_HOOK = "register_my_pages_panel"
PERSONAL_DATA_HOOK = "register_personal_data"


@dataclass
class Panel:
    order: int
    template: str
    context: dict = field(default_factory=dict)


def panels_for(request):
    found = [panel for hook in hooks.get_hooks(MY_PAGES_PANEL_HOOK) if (panel := hook(request))]
    return sorted(found, key=lambda panel: panel.order)


def personal_data_for(user):
    return dict(hook(user) for hook in hooks.get_hooks(PERSONAL_DATA_HOOK))
