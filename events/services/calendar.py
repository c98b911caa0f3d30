"""iCalendar (.ics) files for workshops (written by portal.calendar): attached to emails
and served as a feed, which also lists what other apps register for the person.

Each person has one secret calendar address. It is replaced by a new one when they ask
for it on Mina sidor, when their password is changed, set or reset, and when their
approved membership ends; the old address stops working at once.
"""

import secrets

from events.models import CalendarFeed, Occasion, Registration
from portal.calendar import ICS_MIMETYPE, CalendarEntry, build_calendar, calendar_entries_for
from portal.emails import absolute_url


def occasion_entries(occasion, *, with_meeting_link=False):
    """One calendar entry per session of the occasion. Only calendars that go to
    confirmed participants may include the meeting link."""
    workshop = occasion.workshop
    url = absolute_url(workshop.url or "/")
    description = [workshop.summary, url]
    if with_meeting_link and occasion.meeting_link:
        description.insert(1, f"Möteslänk: {occasion.meeting_link}")
    location = occasion.place or (occasion.meeting_link if with_meeting_link else "Digitalt")
    return [
        CalendarEntry(
            uid=f"workshop-{workshop.pk}-{occasion.pk}-{session.pk}@kunskapsnatverket",
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            summary=workshop.title,
            description="\n\n".join(description),
            url=url,
            location=location,
        )
        for session in occasion.session_times
    ]


def workshop_entries(workshop, *, with_meeting_link=False):
    """Every session of every occasion of the workshop."""
    return [
        entry
        for occasion in workshop.occasion_times
        for entry in occasion_entries(occasion, with_meeting_link=with_meeting_link)
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


def attachment_for(occasion):
    """The person's occasion, for the email that confirms it."""
    return (
        "workshop.ics",
        build_calendar(occasion_entries(occasion, with_meeting_link=True), occasion.workshop.title),
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
    """What a calendar address lists: the sessions of the person's occasion of each
    confirmed live workshop and what the other apps register for them (their network
    meetings); None when no active account has that address."""
    feed = CalendarFeed.objects.filter(token=token, user__is_active=True).select_related("user")
    feed = feed.first()
    if feed is None:
        return None
    occasions = (
        Occasion.objects.filter(
            workshop__live=True,
            registrations__user=feed.user_id,
            registrations__status=Registration.Status.CONFIRMED,
        )
        .select_related("workshop")
        .prefetch_related("sessions")
    )
    entries = [
        entry
        for occasion in occasions
        for entry in occasion_entries(occasion, with_meeting_link=True)
    ]
    return entries + calendar_entries_for(feed.user)
