"""The team's reach: how many of Sweden's municipalities the portal has reached, and how.

A municipality is reached through a channel on the first day someone acting for it did
that thing, and stays reached after (reach is cumulative: a municipality that attended a
workshop in the spring was reached, even if it has not come back):

- workshop: a person registered for the municipality's organisation was marked present
  at a session of a workshop (the day of the session);
- network: the municipality's organisation became an active member of a network (the day
  it became one, from the membership log, or the membership's last change when it is
  active and has no log entry); a membership that ended still counts from when it began;
- self_assessment: the organisation completed a self-assessment (the day it was marked
  done);
- application: the organisation applied for support, as lead or confirmed co-applicant,
  in an application that was submitted (the day it was submitted; a later withdrawal does
  not undo it);
- engagement: the organisation took part in an engagement that has started (the later of
  the engagement's start and the day the organisation joined it).

Only municipalities count: regions, county boards and the other organisations are not
among the 290. Each channel is one query giving every municipality's first day;
`reached(channel, as_of)` is the set of municipality codes reached by a day, and each
figure of `report()` (the totals, per county, per quarter) is that same question asked at
a day. The figures never name a person: they are counts of municipalities, and per
municipality only whether it was reached (municipalities are public bodies).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Min, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from events.models import SessionAttendance
from network.models import NetworkMembership
from organisations.models import Municipality

from ..models import ApplicationParticipant, EngagementOrganisation, SelfAssessment

ANY = "any"
NETWORK_JOINED = "network.membership.active"


def _day(value):
    """The local day of a datetime (a date stays as it is)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date()
    return value


def _first_days(rows):
    """{municipality code: first day} from (code, date or datetime) rows, earliest kept."""
    days = {}
    for code, when in rows:
        if code is None or when is None:
            continue
        day = _day(when)
        if code not in days or day < days[code]:
            days[code] = day
    return days


def workshop_days():
    return _first_days(
        SessionAttendance.objects.filter(
            attended=True, registration__organisation__municipality__isnull=False
        )
        .values("registration__organisation__municipality")
        .annotate(first=Min("session__starts_at"))
        .values_list("registration__organisation__municipality", "first")
    )


def network_days():
    joined = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(NetworkMembership),
            action=NETWORK_JOINED,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by("timestamp")
        .values("timestamp")[:1]
    )
    rows = (
        NetworkMembership.objects.filter(organisation__municipality__isnull=False)
        .annotate(joined_at=Subquery(joined))
        .filter(Q(status=NetworkMembership.Status.ACTIVE) | Q(joined_at__isnull=False))
        .values_list("organisation__municipality", "status", "changed_at", "joined_at")
    )
    return _first_days(
        (
            code,
            joined_at
            if joined_at is not None
            else changed_at
            if status == NetworkMembership.Status.ACTIVE
            else None,
        )
        for code, status, changed_at, joined_at in rows
    )


def self_assessment_days():
    return _first_days(
        SelfAssessment.objects.filter(
            status=SelfAssessment.Status.COMPLETED,
            completed_at__isnull=False,
            organisation__municipality__isnull=False,
        )
        .values("organisation__municipality")
        .annotate(first=Min("completed_at"))
        .values_list("organisation__municipality", "first")
    )


def application_days():
    return _first_days(
        ApplicationParticipant.objects.filter(
            Q(is_lead=True) | Q(status=ApplicationParticipant.Status.CONFIRMED),
            application__submitted_at__isnull=False,
            organisation__municipality__isnull=False,
        )
        .exclude(application__status="draft")
        .values("organisation__municipality")
        .annotate(first=Min("application__submitted_at"))
        .values_list("organisation__municipality", "first")
    )


def engagement_days():
    return _first_days(
        EngagementOrganisation.objects.filter(organisation__municipality__isnull=False)
        .values("organisation__municipality")
        .annotate(first=Min(Greatest("engagement__starts_on", "joined_on")))
        .values_list("organisation__municipality", "first")
    )


@dataclass(frozen=True)
class Channel:
    key: str
    label: str
    first_days: Callable[[], dict]


CHANNELS = (
    Channel("workshop", _("Workshop"), workshop_days),
    Channel("network", _("Nätverk"), network_days),
    Channel("self_assessment", _("Nulägesanalys"), self_assessment_days),
    Channel("application", _("Ansökan om stöd"), application_days),
    Channel("engagement", _("Insats"), engagement_days),
)
CHANNEL_KEYS = tuple(channel.key for channel in CHANNELS)
_BY_KEY = {channel.key: channel for channel in CHANNELS}


def reached(channel, as_of):
    """The codes of the municipalities reached through `channel` (a key of CHANNELS, or
    ANY for any of them) by the end of the day `as_of`."""
    keys = CHANNEL_KEYS if channel == ANY else (channel,)
    codes = set()
    for key in keys:
        codes |= {code for code, day in _BY_KEY[key].first_days().items() if day <= as_of}
    return codes


# The report: every figure of the dashboard and the exports. ------------------------------


@dataclass
class Row:
    """Municipalities and how many of them were reached, per channel and in all (ANY)."""

    municipalities: int
    reached: dict


@dataclass
class CountyRow(Row):
    code: str = ""
    name: str = ""


@dataclass
class QuarterRow(Row):
    year: int = 0
    quarter: int = 0
    starts_on: datetime.date = None
    ends_on: datetime.date = None
    newly_reached: int = 0

    @property
    def key(self):
        return f"{self.year}-Q{self.quarter}"


@dataclass
class MunicipalityRow:
    code: str
    name: str
    county_code: str
    county_name: str
    reached: dict = field(default_factory=dict)  # {channel key or ANY: first day or None}


@dataclass
class Report:
    as_of: datetime.date
    total: Row
    counties: list
    quarters: list
    municipalities: list

    @property
    def reached_codes(self):
        return [m.code for m in self.municipalities if m.reached[ANY] is not None]


def _quarter_of(day):
    return day.year, (day.month - 1) // 3 + 1


def _quarter_bounds(year, quarter):
    starts = datetime.date(year, 3 * quarter - 2, 1)
    following = (
        datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1)
    )
    return starts, following - datetime.timedelta(days=1)


def quarters_between(first, last):
    """(year, quarter, first day, last day) for every quarter from `first`'s to `last`'s."""
    year, quarter = _quarter_of(first)
    end = _quarter_of(last)
    while (year, quarter) <= end:
        yield (year, quarter, *_quarter_bounds(year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def _counts(days, codes, as_of):
    """{key: how many of `codes` were reached by `as_of`} for every channel and ANY."""
    counts = {}
    for key in (*CHANNEL_KEYS, ANY):
        counts[key] = sum(1 for code in codes if (d := days[key].get(code)) and d <= as_of)
    return counts


def report(as_of=None):
    """Every figure of the reach, as of the end of the day `as_of` (today by default):
    the total, each county, each quarter since the first day anything was reached (the
    last one up to `as_of`) and each municipality. A fixed number of queries: one per
    channel and one for the municipalities."""
    as_of = as_of or timezone.localdate()
    days = {channel.key: channel.first_days() for channel in CHANNELS}
    days[ANY] = {}
    for key in CHANNEL_KEYS:
        for code, day in days[key].items():
            if code not in days[ANY] or day < days[ANY][code]:
                days[ANY][code] = day
    municipalities = list(
        Municipality.objects.select_related("county").order_by("county__code", "name")
    )
    codes = [m.code for m in municipalities]

    counties = {}
    for municipality in municipalities:
        counties.setdefault(municipality.county, []).append(municipality.code)
    county_rows = [
        CountyRow(len(members), _counts(days, members, as_of), code=county.code, name=county.name)
        for county, members in counties.items()
    ]

    quarter_rows = []
    started = [day for day in days[ANY].values() if day <= as_of]
    if started:
        before = 0
        for year, quarter, starts_on, ends_on in quarters_between(min(started), as_of):
            ends_on = min(ends_on, as_of)
            counts = _counts(days, codes, ends_on)
            quarter_rows.append(
                QuarterRow(
                    len(codes),
                    counts,
                    year=year,
                    quarter=quarter,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    newly_reached=counts[ANY] - before,
                )
            )
            before = counts[ANY]

    municipality_rows = [
        MunicipalityRow(
            m.code,
            m.name,
            m.county.code,
            m.county.name,
            {
                key: day if (day := days[key].get(m.code)) and day <= as_of else None
                for key in (*CHANNEL_KEYS, ANY)
            },
        )
        for m in municipalities
    ]
    return Report(
        as_of=as_of,
        total=Row(len(codes), _counts(days, codes, as_of)),
        counties=county_rows,
        quarters=quarter_rows,
        municipalities=municipality_rows,
    )
