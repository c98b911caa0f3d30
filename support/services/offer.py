"""The offer as the offer page shows it: the activities offered now, support area by
support area in the page tree's order, each with its link to apply."""

from urllib.parse import urlencode

from django.urls import reverse

from support.models import SupportActivity


def apply_url(activity):
    """The application's start, with the activity ticked (it reads ?aktivitet=<pk>)."""
    return f"{reverse('support:application_start')}?{urlencode({'aktivitet': activity.pk})}"


def anchor(activity):
    return f"aktivitet-{activity.pk}"


def offered_activities():
    """Activities offered now, in published support areas (or in none)."""
    activities = SupportActivity.objects.filter(is_offered=True).select_related("support_area")
    return [a for a in activities if a.support_area is None or a.support_area.live]


def offer_by_area():
    """[(support area or None, [activity, ...])]: areas in page-tree order, activities
    in their own order; activities without an area last. Each activity carries its
    `anchor` and `apply_url`."""
    groups = {}
    for activity in offered_activities():
        activity.anchor = anchor(activity)
        activity.apply_url = apply_url(activity)
        area = activity.support_area
        groups.setdefault(area.pk if area else None, (area, []))[1].append(activity)
    return sorted(
        groups.values(), key=lambda group: (group[0] is None, group[0].path if group[0] else "")
    )
