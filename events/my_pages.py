"""The workshops panel on Mina sidor and the workshops part of the data export."""

from django.utils import timezone

from portal.accounts.my_pages import Panel

from .models import Registration
from .services.calendar import calendar_feed_for
from .services.feedback import feedback_is_due, feedback_path
from .services.offers import offer_path


def registrations_panel(request):
    user = request.user
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("workshop", "organisation", "occasion")
        .prefetch_related("occasion__sessions")
        .order_by("-id")
    )
    upcoming, feedback_due = [], []
    for registration in registrations:
        if registration.status == Registration.Status.OFFERED:
            registration.offer_path = offer_path(registration)
        ends_at = registration.occasion.ends_at if registration.occasion else None
        if ends_at and ends_at < now:
            if feedback_is_due(registration, now):
                feedback_due.append((registration, feedback_path(registration)))
        else:
            upcoming.append(registration)
    feed = calendar_feed_for(user)
    return Panel(
        order=25,
        template="events/my_pages/registrations.html",
        context={"upcoming": upcoming, "feedback_due": feedback_due, "feed": feed},
    )


def personal_data(user):
    return (
        "workshoppar",
        [
            {
                "workshop": r.workshop.title,
                "tillfälle": str(r.occasion) if r.occasion else None,
                "organisation": r.organisation.name,
                "status": r.get_status_display(),
                "anmäld": r.created_at.isoformat(),
                "närvarade": r.attended,
                "utvärdering": (
                    {
                        "användbar": r.feedback.usefulness,
                        "konkret": r.feedback.concreteness,
                        "rekommenderar": r.feedback.would_recommend,
                        "härnäst": r.feedback.next_steps,
                        "synpunkter": r.feedback.comment,
                    }
                    if hasattr(r, "feedback")
                    else None
                ),
            }
            for r in Registration.objects.filter(user=user).select_related(
                "workshop", "occasion", "organisation", "feedback"
            )
        ]
        + [
            {"intresse för tema": interest.theme.name}
            for interest in user.theme_interests.select_related("theme")
        ],
    )
