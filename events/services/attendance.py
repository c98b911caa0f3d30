"""Who came: editors mark a participant as present or absent after a workshop."""

from wagtail.log_actions import log


def record_attendance(registration, attended, *, by):
    """Mark whether the person came (True) or not (False), and log which editor said so."""
    registration.attended = attended
    registration.save(update_fields=["attended"])
    log(registration, "events.registration.attendance", user=by)
    return registration
