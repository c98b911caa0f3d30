"""Open data: feedback and follow-up per workshop and per theme, aggregated, no names.

The format is documented in docs/open-data-workshops.md; change both together. Only
published, public workshops are included; counts only, never a person or organisation.
"""

from django.db.models import Avg, Count, Max, Min, Q

from events.models import Feedback, FollowUp, FollowUpAnswer, Registration, Theme, WorkshopPage

ROUNDS = [(FollowUp.Round.THREE_MONTHS, "3m"), (FollowUp.Round.SIX_MONTHS, "6m")]
CHOICES = FollowUpAnswer.InPractice.values  # yes, partly, not_yet, no

COUNT_FIELDS = [
    "participants",
    "organisations",
    "feedback_answers",
    "usefulness_mean",
    "concreteness_mean",
    "would_recommend",
    *[
        f"follow_up_{label}_{name}"
        for _round, label in ROUNDS
        for name in ["sent", "answered", *CHOICES]
    ],
]
WORKSHOP_FIELDS = [
    "workshop_id",
    "workshop",
    "theme",
    "theme_slug",
    "format",
    "open_format",
    "occasions",
    "first_date",
    "last_date",
    *COUNT_FIELDS,
]
THEME_FIELDS = ["theme", "theme_slug", "workshops", *COUNT_FIELDS]


def published_workshops():
    return WorkshopPage.objects.live().public()


def _grouped(queryset, path, **aggregates):
    """{group key: aggregates} for a queryset grouped by `path` (a workshop or theme id)."""
    return {
        row.pop(path): row for row in queryset.values(path).annotate(**aggregates).order_by(path)
    }


def _statistics(level, workshops):
    """Every count, keyed by workshop id or theme id."""
    group = {"workshop": "workshop", "theme": "workshop__theme"}[level]

    def path(prefix):
        return prefix + group

    registrations = Registration.objects.filter(
        workshop__in=workshops, status=Registration.Status.CONFIRMED
    )
    taking_part = _grouped(
        registrations,
        path(""),
        participants=Count("id"),
        organisations=Count("organisation", distinct=True),
    )
    feedback = _grouped(
        Feedback.objects.filter(registration__workshop__in=workshops),
        path("registration__"),
        feedback_answers=Count("id"),
        usefulness_mean=Avg("usefulness"),
        concreteness_mean=Avg("concreteness"),
        would_recommend=Count("id", filter=Q(would_recommend=True)),
    )
    follow_up_counts = {}
    for round_, label in ROUNDS:
        follow_up_counts.update(
            {
                f"follow_up_{label}_sent": Count("id", filter=Q(round=round_)),
                f"follow_up_{label}_answered": Count(
                    "answer", filter=Q(round=round_, answer__isnull=False)
                ),
                **{
                    f"follow_up_{label}_{choice}": Count(
                        "answer", filter=Q(round=round_, answer__in_practice=choice)
                    )
                    for choice in CHOICES
                },
            }
        )
    follow_ups = _grouped(
        FollowUp.objects.filter(workshop__in=workshops, sent_at__isnull=False),
        path(""),
        **follow_up_counts,
    )
    statistics = {}
    for key in set(taking_part) | set(feedback) | set(follow_ups):
        row = _empty()
        for source in (taking_part, feedback, follow_ups):
            row.update(source.get(key, {}))
        for mean in ("usefulness_mean", "concreteness_mean"):
            if row[mean] is not None:
                row[mean] = round(float(row[mean]), 2)
        statistics[key] = row
    return statistics


def _empty():
    row = dict.fromkeys(COUNT_FIELDS, 0)
    row["usefulness_mean"] = row["concreteness_mean"] = None
    return row


def workshop_rows():
    workshops = published_workshops()
    statistics = _statistics("workshop", workshops)
    dates = _grouped(
        WorkshopPage.objects.filter(pk__in=workshops.values("pk")),
        "pk",
        occasion_count=Count("occasions", distinct=True),
        first=Min("occasions__sessions__starts_at"),
        last=Max("occasions__sessions__ends_at"),
    )
    rows = []
    for workshop in workshops.select_related("theme").order_by("pk"):
        when = dates.get(workshop.pk, {})
        rows.append(
            {
                "workshop_id": workshop.pk,
                "workshop": workshop.title,
                "theme": workshop.theme.name,
                "theme_slug": workshop.theme.slug,
                "format": workshop.format,
                "open_format": workshop.open_format,
                "occasions": when.get("occasion_count", 0),
                "first_date": when["first"].date().isoformat() if when.get("first") else None,
                "last_date": when["last"].date().isoformat() if when.get("last") else None,
                **statistics.get(workshop.pk, _empty()),
            }
        )
    return rows


def theme_rows():
    workshops = published_workshops()
    statistics = _statistics("theme", workshops)
    counts = dict(
        workshops.values("theme").annotate(n=Count("pk")).order_by().values_list("theme", "n")
    )
    return [
        {
            "theme": theme.name,
            "theme_slug": theme.slug,
            "workshops": counts[theme.pk],
            **statistics.get(theme.pk, _empty()),
        }
        for theme in Theme.objects.filter(pk__in=counts).order_by("name")
    ]


DATASETS = {
    "workshoppar": (WORKSHOP_FIELDS, workshop_rows),
    "teman": (THEME_FIELDS, theme_rows),
}
