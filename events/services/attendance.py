"""Who came: editors mark a participant as present or absent at each session of their
occasion after it."""

from django.db import transaction
from wagtail.log_actions import log

from events.models import SessionAttendance


@transaction.atomic
def record_attendance(registration, attended, *, by, session=None):
    """Mark whether the person came (True) or not (False) to one session of their
    occasion, or to all of them when no session is given, and log which editor said so.
    The registration says they came if they came to any session, and that they did not
    once they are marked absent from every session."""
    sessions = [session] if session is not None else list(registration.occasion.sessions.all())
    for one in sessions:
        if one.occasion_id != registration.occasion_id:
            raise ValueError("The session is not of the person's occasion")
        SessionAttendance.objects.update_or_create(
            registration=registration, session=one, defaults={"attended": attended}
        )
    marks = list(
        SessionAttendance.objects.filter(
            registration=registration, session__occasion=registration.occasion_id
        ).values_list("attended", flat=True)
    )
    total = registration.occasion.sessions.count()
    if any(marks):
        registration.attended = True
    elif len([m for m in marks if m is False]) == total:
        registration.attended = False
    else:
        registration.attended = None
    registration.save(update_fields=["attended"])
    log(registration, "events.registration.attendance", user=by)
    return registration
