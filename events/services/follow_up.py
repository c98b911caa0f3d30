"""Follow-up at 3 and 6 months after a workshop: has anything been put into practice?

When the last session of an occasion ended 3 (then 6) months ago, each organisation that
had participants there (a confirmed seat, not marked absent) is asked once per round: the
email goes to its coordinators, or, if it has none, to its participants themselves. A
round that is more than SEND_WITHIN late (the portal was down, the feature came later)
is not sent at all: a questionnaire about a workshop long past says little.

Sending once holds however often or concurrently `send_workshop_emails` runs: the
FollowUp row is unique per workshop, organisation and round, and it is claimed with a
conditional UPDATE (`sent_at IS NULL`) in the transaction that queues its emails.

The link in the email is signed for that one follow-up (and its random key) and expires
after ANSWER_OPEN_FOR; it lets whoever has it answer that follow-up once, nothing else.
"""

from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min, Q
from django.urls import reverse
from django.utils import timezone

from events.models import FollowUp, FollowUpAnswer, Occasion, Registration
from portal import emails
from portal.models import Membership

SALT = "events.follow_up"
ROUND_DELAY = {
    FollowUp.Round.THREE_MONTHS: timedelta(days=91),
    FollowUp.Round.SIX_MONTHS: timedelta(days=182),
}
SEND_WITHIN = timedelta(days=45)
ANSWER_OPEN_FOR = timedelta(days=60)


class FollowUpClosed(Exception):
    """A follow-up that can no longer be answered; `state` is 'answered' or 'expired'."""

    def __init__(self, state):
        super().__init__(state)
        self.state = state


def participants(occasion_ids):
    """The registrations that count as having taken part."""
    return Registration.objects.filter(
        occasion__in=occasion_ids, status=Registration.Status.CONFIRMED
    ).exclude(attended=False)


def due_occasions(round_, now):
    """Occasions of live workshops whose last session ended `round_` months ago (but not
    more than SEND_WITHIN before that)."""
    delay = ROUND_DELAY[round_]
    return (
        Occasion.objects.filter(workshop__live=True)
        .annotate(last_end=Max("sessions__ends_at"))
        .filter(last_end__lte=now - delay, last_end__gt=now - delay - SEND_WITHIN)
        .order_by("last_end", "pk")
    )


def send_follow_ups(*, now=None):
    """Ask each organisation that took part once per round. Returns how many follow-ups
    this run sent (not emails: one follow-up may go to several coordinators)."""
    now = now or timezone.now()
    sent = 0
    for round_ in FollowUp.Round:
        for occasion in due_occasions(round_, now).select_related("workshop"):
            organisations = (
                participants([occasion.pk]).values_list("organisation", flat=True).distinct()
            )
            for organisation_id in sorted(set(organisations)):
                follow_up = _follow_up_for(occasion, organisation_id, round_)
                sent += _send(follow_up, now)
    return sent


def _follow_up_for(occasion, organisation_id, round_):
    existing = FollowUp.objects.filter(
        workshop=occasion.workshop_id, organisation=organisation_id, round=round_
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return FollowUp.objects.create(
                workshop_id=occasion.workshop_id,
                occasion=occasion,
                organisation_id=organisation_id,
                round=round_,
            )
    except IntegrityError:  # another run made it at the same moment
        return FollowUp.objects.get(
            workshop=occasion.workshop_id, organisation=organisation_id, round=round_
        )


def recipients(follow_up):
    """The organisation's coordinators; if it has none, its participants."""
    coordinators = list(
        Membership.objects.filter(
            organisation=follow_up.organisation_id,
            status=Membership.Status.APPROVED,
            role=Membership.Role.COORDINATOR,
            user__is_active=True,
        ).values_list("user__email", flat=True)
    )
    if coordinators:
        return coordinators
    occasions = follow_up.workshop.occasions.values("pk")
    return list(
        participants(occasions)
        .filter(organisation=follow_up.organisation_id, user__is_active=True)
        .values_list("user__email", flat=True)
    )


def _send(follow_up, now):
    if follow_up.sent_at is not None:
        return 0
    with transaction.atomic():
        claimed = FollowUp.objects.filter(pk=follow_up.pk, sent_at__isnull=True).update(sent_at=now)
        if not claimed:
            return 0
        follow_up = FollowUp.objects.select_related("workshop", "organisation").get(pk=follow_up.pk)
        addresses = recipients(follow_up)
        emails.send(
            "events/emails/follow_up",
            addresses,
            {
                "follow_up": follow_up,
                "workshop": follow_up.workshop,
                "organisation": follow_up.organisation,
                "answer_url": emails.absolute_url(answer_path(follow_up)),
                "open_until": now + ANSWER_OPEN_FOR,
            },
        )
        FollowUp.objects.filter(pk=follow_up.pk).update(recipient_count=len(set(addresses)))
    return 1


def answer_token(follow_up):
    return signing.dumps([follow_up.pk, follow_up.key], salt=SALT)


def answer_path(follow_up):
    return reverse("events:follow_up", args=[answer_token(follow_up)])


def read_answer_token(token):
    """The follow-up a link was made for. BadSignature for a link the portal did not make
    (or one for a follow-up that no longer exists); FollowUpClosed('expired') when it is
    older than ANSWER_OPEN_FOR."""
    try:
        pk, key = signing.loads(token, salt=SALT, max_age=ANSWER_OPEN_FOR)
    except signing.SignatureExpired:
        raise FollowUpClosed("expired") from None
    follow_up = (
        FollowUp.objects.select_related("workshop", "organisation")
        .filter(pk=pk, key=key, sent_at__isnull=False)
        .first()
    )
    if follow_up is None:
        raise signing.BadSignature("No such follow-up")
    return follow_up


def give_answer(follow_up, form):
    """Save a valid answer once; FollowUpClosed('answered') if someone already did."""
    try:
        with transaction.atomic():
            form.instance.follow_up = follow_up
            return form.save()
    except IntegrityError:
        raise FollowUpClosed("answered") from None


def is_answered(follow_up):
    return FollowUpAnswer.objects.filter(follow_up=follow_up).exists()


def _counts():
    return {
        "asked": Count("id", distinct=True),
        "answered": Count("answer", distinct=True),
        **{
            choice: Count("answer", filter=Q(answer__in_practice=choice), distinct=True)
            for choice in FollowUpAnswer.InPractice.values
        },
    }


def summary_by(field, follow_ups=None):
    """One row per workshop (or theme) and round: follow-ups sent, answered, and how many
    answered each choice."""
    key = {"workshop": "workshop__title", "theme": "workshop__theme__name"}[field]
    follow_ups = follow_ups if follow_ups is not None else FollowUp.objects.all()
    rows = (
        follow_ups.filter(sent_at__isnull=False)
        .values(key, "round")
        .annotate(**_counts(), first_sent=Min("sent_at"))
        .order_by(key, "round")
    )
    return [{"title": row.pop(key), **row} for row in rows]


def answers_of(workshop):
    """The free-text answers editors read, newest first."""
    return (
        FollowUpAnswer.objects.filter(follow_up__workshop=workshop)
        .select_related("follow_up__organisation")
        .order_by("-answered_at")
    )
