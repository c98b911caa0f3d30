"""Feedback links and the summaries editors read."""

from django.core import signing
from django.db.models import Avg, Count, Q
from django.urls import reverse

from events.models import Feedback, Registration

SALT = "events.feedback"


def feedback_token(registration):
    return signing.dumps(registration.pk, salt=SALT)


def feedback_path(registration):
    return reverse("events:feedback", args=[feedback_token(registration)])


def read_feedback_token(token):
    """The confirmed registration a feedback link is for; BadSignature otherwise."""
    pk = signing.loads(token, salt=SALT)
    registration = (
        Registration.objects.select_related("workshop", "user")
        .filter(pk=pk, status=Registration.Status.CONFIRMED)
        .first()
    )
    if registration is None:
        raise signing.BadSignature("No such registration")
    return registration


def summarise(feedback):
    """Averages and counts over a queryset of Feedback."""
    return feedback.aggregate(
        answers=Count("id"),
        usefulness=Avg("usefulness"),
        concreteness=Avg("concreteness"),
        recommend=Count("id", filter=Q(would_recommend=True)),
    )


def summary_by(field):
    """One row per workshop or theme: title, answers, averages, share who recommend."""
    title = {
        "workshop": "registration__workshop__title",
        "theme": "registration__workshop__theme__name",
    }[field]
    rows = (
        Feedback.objects.values(title)
        .annotate(
            answers=Count("id"),
            usefulness=Avg("usefulness"),
            concreteness=Avg("concreteness"),
            recommend=Count("id", filter=Q(would_recommend=True)),
        )
        .order_by(title)
    )
    return [
        {
            "title": row[title],
            "answers": row["answers"],
            "usefulness": row["usefulness"],
            "concreteness": row["concreteness"],
            "recommend_share": row["recommend"] / row["answers"] if row["answers"] else 0,
        }
        for row in rows
    ]
