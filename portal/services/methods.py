"""Queries over methods that the method listing uses.

A method has no target groups or support areas of its own to filter by: it is linked to
them through the published pages that use it. A method concerns a target group when some
published guidance or good example that uses the method concerns the group, and belongs
to a support area when the area links to it or guidance under the area uses it. So the
filters follow what editors already keep up to date on those pages, and never say more
than the pages do."""

from django.db.models import Q

from portal.models import GoodExamplePage, GuidancePage


def _live(pages):
    return pages.live().public().values("pk")


def filter_methods(methods, *, target_group=None, evidence_status=None, support_area=None):
    """Narrow a queryset of methods by the criteria given; None or "" means "any"."""
    if evidence_status:
        methods = methods.filter(evidence_status=evidence_status)
    if target_group is not None:
        methods = methods.filter(
            Q(guidance__in=_live(GuidancePage.objects.filter(target_groups=target_group)))
            | Q(good_examples__in=_live(GoodExamplePage.objects.filter(target_groups=target_group)))
        )
    if support_area is not None:
        methods = methods.filter(
            Q(support_areas=support_area)
            | Q(guidance__in=_live(GuidancePage.objects.child_of(support_area)))
        )
    return methods.distinct()
