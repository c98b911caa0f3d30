"""The team's follow-up screens in Wagtail's admin (/admin/uppfoljning/): ended
engagements with their follow-ups and the meeting requests first, one engagement's
follow-ups with their status, and one follow-up's answers compared with the
self-assessment made before the support."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from wagtail.admin.auth import require_admin_access

from .models import Engagement, EngagementFollowUp
from .services import follow_up as services


def _rows(follow_ups, today):
    return [{"follow_up": f, "state": services.state(f, today)} for f in follow_ups]


@require_admin_access
def overview(request):
    today = timezone.localdate()
    engagements = []
    for engagement in services.ended_engagements():
        rows = _rows(services.follow_ups_of(engagement), today)
        engagements.append(
            {
                "engagement": engagement,
                "answered": sum(row["state"] == "answered" for row in rows),
                "sent": sum(row["state"] in ("sent", "answered") for row in rows),
                "total": len(rows),
                "meetings": sum(
                    row["state"] == "answered" and row["follow_up"].wants_meeting for row in rows
                ),
            }
        )
    return TemplateResponse(
        request,
        "support/follow_up/admin/overview.html",
        {
            "meeting_requests": services.meeting_requests(),
            "engagements": engagements,
            "months": settings.SUPPORT_FOLLOW_UP_MONTHS,
        },
    )


@require_admin_access
def engagement_follow_ups(request, pk):
    engagement = get_object_or_404(Engagement, pk=pk)
    return TemplateResponse(
        request,
        "support/follow_up/admin/engagement.html",
        {
            "engagement": engagement,
            "rows": _rows(services.follow_ups_of(engagement), timezone.localdate()),
        },
    )


@require_admin_access
def follow_up_detail(request, pk):
    follow_up = get_object_or_404(
        EngagementFollowUp.objects.select_related(
            "engagement", "organisation", "answered_by", "updated_by"
        ),
        pk=pk,
    )
    return TemplateResponse(
        request,
        "support/follow_up/admin/detail.html",
        {
            "follow_up": follow_up,
            "state": services.state(follow_up),
            "comparison": services.comparison(follow_up) if follow_up.is_answered else None,
        },
    )


app_name = "support_follow_up_admin"

urlpatterns = [
    path("", overview, name="overview"),
    path("insats/<int:pk>/", engagement_follow_ups, name="engagement"),
    path("<int:pk>/", follow_up_detail, name="detail"),
]
