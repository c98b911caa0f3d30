"""iCalendar (.ics) files for workshops (written by portal.calendar): attached to emails
and served as a feed, which also lists what other apps register for the person.

Each person has one secret calendar address. It is replaced by a new one when they ask
for it on Mina sidor, when their password is changed, set or reset, and when their
approved membership ends; the old address stops working at once.
"""

import secrets

from events.models import CalendarFeed, WorkshopPage
from portal.calendar import ICS_MIMETYPE, CalendarEntry, build_calendar, calendar_entries_for
from portal.emails import absolute_url


def workshop_entries(workshop, *, with_meeting_link=False):
    """One calendar entry per session of the workshop. Only calendars that go to
    confirmed participants may include the meeting link."""
    url = absolute_url(workshop.url or "/")
    description = [workshop.summary, url]
    if with_meeting_link and workshop.meeting_link:
        description.insert(1, f"Möteslänk: {workshop.meeting_link}")
    location = workshop.place or (workshop.meeting_link if with_meeting_link else "Digitalt")
    return [
        CalendarEntry(
            uid=f"workshop-{workshop.pk}-{number}@kunskapsnatverket",
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            summary=workshop.title,
            description="\n\n".join(description),
            url=url,
            location=location,
        )
        for number, session in enumerate(workshop.session_times, start=1)
    ]


def workshops_calendar(workshops, name="Kunskapsnätverket", *, with_meeting_link=False):
    """One event per session of each workshop."""
    return build_calendar(
        [
            entry
            for workshop in workshops
            for entry in workshop_entries(workshop, with_meeting_link=with_meeting_link)
        ],
        name,
    )


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


def entries_in_feed(token):
    """What a calendar address lists: the person's confirmed live workshops and what the
    other apps register for them (their network meetings); None when no active account
    has that address."""
    feed = CalendarFeed.objects.filter(token=token, user__is_active=True).select_related("user")
    feed = feed.first()
    if feed is None:
        return None
    workshops = (
        WorkshopPage.objects.live()
        .filter(registrations__user=feed.user_id, registrations__status="confirmed")
        .prefetch_related("sessions")
    )
    entries = [
        entry
        for workshop in workshops
        for entry in workshop_entries(workshop, with_meeting_link=True)
    ]
    return entries + calendar_entries_for(feed.user)
