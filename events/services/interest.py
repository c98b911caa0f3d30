"""Interest in a theme: members ask to be told when a workshop on it is published, and
editors see the interest per theme and county."""

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Theme, ThemeInterest
from organisations.models import County
from portal import emails
from portal.accounts.roles import active_membership


class InterestError(Exception):
    """Interest that cannot be registered; the message is for the person."""


def themes_with_workshops(now=None):
    """Every theme, with how many published workshops on it are still to come and when
    the latest one ended."""
    now = now or timezone.now()
    upcoming = Q(workshops__live=True, workshops__occasions__sessions__ends_at__gte=now)
    return Theme.objects.annotate(
        upcoming=Count("workshops", filter=upcoming, distinct=True),
        latest=Max("workshops__occasions__sessions__ends_at", filter=Q(workshops__live=True)),
    ).select_related("support_area")


def themes_of_interest(user):
    """The ids of the themes the person has asked to hear about."""
    if not user.is_authenticated:
        return set()
    return set(ThemeInterest.objects.filter(user=user).values_list("theme_id", flat=True))


def register_interest(user, theme):
    """Ask to be told of the theme's next workshop, for the person's organisation.

    Returns (interest, created); created is False when the person had already asked.
    InterestError when the person acts for no organisation."""
    membership = active_membership(user)
    if membership is None:
        raise InterestError(_("Du behöver företräda en organisation för att anmäla intresse."))
    return ThemeInterest.objects.get_or_create(
        user=user, theme=theme, defaults={"organisation": membership.organisation}
    )


def notify_interested(workshop):
    """Email everyone interested in the theme who has not yet been told of a workshop."""
    interests = ThemeInterest.objects.filter(
        theme=workshop.theme_id, notified_at__isnull=True
    ).select_related("user")
    with transaction.atomic():  # queued and marked as told together
        for interest in interests:
            emails.send(
                "events/emails/interest",
                [interest.user.email],
                {"workshop": workshop, "url": emails.absolute_url(workshop.url or "/")},
            )
        interests.update(notified_at=timezone.now())


def interest_per_county():
    """(counties, rows): a row per theme with the number of people interested and the
    count per county, in the counties' order.

    A person counts in every county their organisation works in (a municipality in its
    own, a police region in several, a national agency in none), and once in the total."""
    counties = list(County.objects.order_by("code"))
    counts = {
        (row["theme"], row["organisation__counties"]): row["n"]
        for row in ThemeInterest.objects.filter(organisation__counties__isnull=False)
        .values("theme", "organisation__counties")
        .annotate(n=Count("id"))
    }
    totals = dict(
        ThemeInterest.objects.values("theme").annotate(n=Count("id")).values_list("theme", "n")
    )
    rows = [
        {
            "theme": theme,
            "total": totals.get(theme.pk, 0),
            "per_county": [counts.get((theme.pk, county.code), 0) for county in counties],
        }
        for theme in Theme.objects.order_by("name")
    ]
    return counties, rows
