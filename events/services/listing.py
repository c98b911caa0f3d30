"""Which workshops a listing shows."""

from django.db.models import Exists, Max, Min, OuterRef, Prefetch
from django.utils import timezone

from events.models import Occasion, WorkshopSession


def filter_workshops(
    workshops, *, past=False, support_area=None, format=None, county=None, month=None, now=None
):
    """Upcoming (or past) published workshops, soonest first (most recent first for past),
    each with its occasions, their sessions and seat counters."""
    now = now or timezone.now()
    workshops = (
        workshops.live()
        .public()
        .annotate(
            first_start=Min("occasions__sessions__starts_at"),
            last_end=Max("occasions__sessions__ends_at"),
        )
        .select_related("theme", "support_area", "network")
        .prefetch_related(
            Prefetch(
                "occasions",
                Occasion.objects.select_related("seat_counter", "county").prefetch_related(
                    "sessions"
                ),
            )
        )
    )
    if past:
        workshops = workshops.filter(last_end__lt=now).order_by("-first_start", "-pk")
    else:
        workshops = workshops.filter(last_end__gte=now).order_by("first_start", "pk")
    if support_area is not None:
        workshops = workshops.filter(support_area=support_area)
    if format:
        workshops = workshops.filter(format=format)
    if county is not None:
        workshops = workshops.filter(
            Exists(Occasion.objects.filter(workshop=OuterRef("pk"), county=county))
        )
    if month:
        year, number = month
        workshops = workshops.filter(
            Exists(
                WorkshopSession.objects.filter(
                    occasion__workshop=OuterRef("pk"),
                    starts_at__year=year,
                    starts_at__month=number,
                )
            )
        )
    return workshops
