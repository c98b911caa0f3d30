"""iCalendar (.ics) files for workshops: attached to emails and served as a feed.

Each person has one secret calendar address. It is replaced by a new one when they ask
for it on Mina sidor, when their password is changed, set or reset, and when their
approved membership ends; the old address stops working at once.
"""

import secrets

from django.utils import timezone
from icalendar import Calendar, Event

from events.models import CalendarFeed, WorkshopPage
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


def calendar_feed_for(user):
    """The person's secret calendar address, created the first time it is shown."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def issue_new_calendar_address(user):
    """Replace the person's calendar address; whoever holds the old one gets nothing more.
    A person who never had one gets theirs when Mina sidor first shows it."""
    CalendarFeed.objects.filter(user=user).update(token=secrets.token_urlsafe())


def workshops_in_feed(token):
    """The live workshops a calendar address lists (the person's confirmed ones), or None
    when no active account has that address."""
    feed = CalendarFeed.objects.filter(token=token, user__is_active=True).first()
    if feed is None:
        return None
    return (
        WorkshopPage.objects.live()
        .filter(registrations__user=feed.user_id, registrations__status="confirmed")
        .prefetch_related("sessions")
    )
