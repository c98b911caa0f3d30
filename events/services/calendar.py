"""iCalendar (.ics) files for workshops: attached to emails and served as a feed."""

from django.utils import timezone
from icalendar import Calendar, Event

from portal.emails import absolute_url

ICS_MIMETYPE = "text/calendar"


def workshops_calendar(workshops, name="Kunskapsnätverket", *, with_meeting_link=False):
    """One event per session of each workshop. Only calendars that go to confirmed
    participants may include the meeting link."""
    calendar = Calendar()
    calendar.add("prodid", "-//Kunskapsnätverket//Workshoppar//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for workshop in workshops:
        url = absolute_url(workshop.url or "/")
        description = [workshop.summary, url]
        if with_meeting_link and workshop.meeting_link:
            description.insert(1, f"Möteslänk: {workshop.meeting_link}")
        for number, session in enumerate(workshop.session_times, start=1):
            event = Event()
            event.add("uid", f"workshop-{workshop.pk}-{number}@kunskapsnatverket")
            event.add("dtstamp", stamp)
            event.add("dtstart", session.starts_at)
            event.add("dtend", session.ends_at)
            event.add("summary", workshop.title)
            event.add("description", "\n\n".join(description))
            event.add("url", url)
            location = workshop.place or (
                workshop.meeting_link if with_meeting_link else "Digitalt"
            )
            event.add("location", location)
            calendar.add_component(event)
    return calendar.to_ical()


def attachment_for(workshop):
    return (
        "workshop.ics",
        workshops_calendar([workshop], workshop.title, with_meeting_link=True),
        ICS_MIMETYPE,
    )
