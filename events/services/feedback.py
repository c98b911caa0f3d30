"""Feedback links and the summaries editors read.

A feedback link opens when the last session of the person's occasion has ended and closes
60 days later: after that it stores nothing and says why. The functions below take that
occasion (or, for a workshop as a whole, the workshop: anything with `ends_at`).
"""

from datetime import timedelta

from django.core import signing
from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils import timezone

from events.models import Feedback, Registration

SALT = "events.feedback"
FEEDBACK_OPEN_FOR = timedelta(days=60)


class FeedbackClosed(Exception):
    """Feedback that can no longer (or not yet) be given; `state` says which."""

    def __init__(self, state):
        super().__init__(state)
        self.state = state


def feedback_token(registration):
    return signing.dumps(registration.pk, salt=SALT)


def feedback_path(registration):
    return reverse("events:feedback", args=[feedback_token(registration)])


def read_feedback_token(token):
    """The confirmed registration a feedback link is for; BadSignature otherwise."""
    pk = signing.loads(token, salt=SALT)
    registration = (
        Registration.objects.select_related("workshop", "occasion", "user")
        .filter(pk=pk, status=Registration.Status.CONFIRMED)
        .first()
    )
    if registration is None:
        raise signing.BadSignature("No such registration")
    return registration


def feedback_closes_at(workshop):
    """When the workshop's feedback links stop working; None while it has no sessions."""
    ends_at = workshop.ends_at
    return ends_at + FEEDBACK_OPEN_FOR if ends_at else None


def feedback_state(workshop, now=None):
    """'not_yet' until the last session has ended, 'open' for 60 days, then 'closed'."""
    now = now or timezone.now()
    ends_at = workshop.ends_at
    if ends_at is None or ends_at > now:
        return "not_yet"
    if now > ends_at + FEEDBACK_OPEN_FOR:
        return "closed"
    return "open"


def attended_occasion(registration):
    """What the person's feedback is about: their occasion (the workshop if it is gone)."""
    return registration.occasion or registration.workshop


def feedback_status(registration, now=None):
    """Where a participant's feedback stands: 'given' once they have answered, otherwise
    their occasion's feedback_state ('not_yet', 'open' or 'closed')."""
    if hasattr(registration, "feedback"):
        return "given"
    return feedback_state(attended_occasion(registration), now)


def feedback_is_due(registration, now=None):
    """Whether to ask the person for feedback now: a confirmed seat, no answer yet, and
    the feedback window open."""
    return (
        registration.status == Registration.Status.CONFIRMED
        and feedback_status(registration, now) == "open"
    )


def give_feedback(registration, form, *, now=None):
    """Save a participant's valid feedback form; FeedbackClosed outside the window."""
    state = feedback_state(attended_occasion(registration), now)
    if state != "open":
        raise FeedbackClosed(state)
    form.instance.registration = registration
    return form.save()


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
