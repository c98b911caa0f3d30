"""iCalendar (.ics) files, for every app: attached to emails and served as a feed.

An app describes what goes into a calendar as `CalendarEntry` objects and lets
`build_calendar` write them. The person's calendar feed (the events app serves it) lists
their workshops and whatever the other apps register for them with a Wagtail hook:

    @hooks.register(CALENDAR_ENTRIES_HOOK)
    def my_entries(user):
        return [CalendarEntry(uid="thing-1@kunskapsnatverket", ...)]

The function is called only for an active account, with the feed's owner; it returns the
entries that person may see (an empty list when none apply).
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText
from wagtail import hooks

ICS_MIMETYPE = "text/calendar"
CALENDAR_ENTRIES_HOOK = "register_calendar_entries"
PRODID = "-//Kunskapsnätverket//Kalender//SV"


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    description: str = ""
    url: str = ""
    location: str = ""
    # Raised each time the entry changes, so that calendars replace what they hold.
    sequence: int = 0
    cancelled: bool = False


@dataclass(frozen=True)
class Organizer:
    """Who sends an invitation (METHOD:REQUEST or CANCEL), as RFC 5546 wants it named."""

    email: str
    name: str = ""


def build_calendar(entries, name, *, method=None, organizer=None):
    """The .ics content (bytes) of a calendar named `name` with one VEVENT per entry.

    `method` is for invitations sent by email ("REQUEST", "CANCEL"); a feed or a
    download has none."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    # One line: icalendar escapes the event texts, not the calendar name (a CR or LF
    # there would start a property of its own).
    calendar.add("x-wr-calname", " ".join(str(name).split()))
    if method:
        calendar.add("method", method)
    stamp = timezone.now()
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.starts_at)
        event.add("dtend", entry.ends_at)
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        if entry.url:
            event.add("url", entry.url)
        if entry.location:
            event.add("location", entry.location)
        if entry.sequence:
            event.add("sequence", entry.sequence)
        if entry.cancelled:
            event.add("status", "CANCELLED")
        if organizer is not None:
            address = vCalAddress(f"mailto:{organizer.email}")
            if organizer.name:
                address.params["cn"] = vText(organizer.name)
            event.add("organizer", address)
        calendar.add_component(event)
    return calendar.to_ical()


def calendar_entries_for(user):
    """What the other apps put in the person's calendar feed, through the hook."""
    return [entry for hook in hooks.get_hooks(CALENDAR_ENTRIES_HOOK) for entry in hook(user)]
