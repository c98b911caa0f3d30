"""The team's reach: the dashboard's every figure equals a count made directly in the
database, for a world with a known answer; the exports hold the same numbers; a quarter's
figure is what was reached by its last day, local time; the page reads the database a
fixed number of times however many municipalities were reached."""

import csv
import datetime
import io
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Exists, OuterRef, Q
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from events.models import Registration, SessionAttendance
from network.models import Network, NetworkMembership
from organisations.models import County, Municipality, Organisation
from support.admin_views_reach import FIGURES_HEADER, MUNICIPALITIES_HEADER
from support.models import (
    Application,
    ApplicationParticipant,
    ApplicationRound,
    Engagement,
    EngagementOrganisation,
    SelfAssessment,
)
from support.services import reach
from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db

LOCAL = ZoneInfo("Europe/Stockholm")
URL = "/admin/stod-rackvidd/"
OPEN_DATA_DOC = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"
KEYS = (*reach.CHANNEL_KEYS, reach.ANY)


def local(*args):
    return datetime.datetime(*args, tzinfo=LOCAL)


def attended(workshop_parent, municipality, person, starts_at, *, present=True):
    workshop = WorkshopPageFactory(parent=workshop_parent, sessions=[starts_at])
    occasion = workshop.occasions.get()
    registration = Registration.objects.create(
        workshop=workshop,
        occasion=occasion,
        user=person,
        organisation=municipality.organisation,
        status=Registration.Status.CONFIRMED,
    )
    SessionAttendance.objects.create(
        registration=registration, session=occasion.sessions.get(), attended=present
    )


def assessment(organisation, questionnaire, completed_at, *, status="completed"):
    return SelfAssessment.objects.create(
        organisation=organisation,
        questionnaire=questionnaire,
        status=status,
        completed_at=completed_at if status == "completed" else None,
    )


def application(lead, submitted_at, *, status="submitted"):
    application_round, _ = ApplicationRound.objects.get_or_create(
        title="Omgång 2025",
        defaults={"opens_at": local(2025, 1, 1), "deadline": local(2025, 12, 31)},
    )
    made = Application.objects.create(
        round=application_round,
        lead=lead.organisation,
        status=status,
        submitted_at=submitted_at,
    )
    ApplicationParticipant.objects.create(
        application=made, organisation=lead.organisation, is_lead=True, status="confirmed"
    )
    return made


def engagement(organisation, starts_on, joined_on):
    made = Engagement.objects.create(
        title=f"Insats med {organisation}",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=700),
    )
    EngagementOrganisation.objects.create(
        engagement=made, organisation=organisation, is_lead=True, joined_on=joined_on
    )


@pytest.fixture
def world(municipalities, home_page, questionnaire, make_person):
    """Three municipalities in two counties reached through different channels on known
    days, and things that must not count.

    Kalmar (Kalmar län): present at a workshop session on 31 March 2025 at 23:30 (Q1),
    self-assessment completed on 1 April at 00:15 (Q2, though 31 March in UTC), an
    application submitted on 10 May (Q2).
    Växjö (Kronobergs län): an active member of a network from 1 April (Q2); a draft
    application and a self-assessment still in draft.
    Nybro (Kalmar län): in an engagement from 1 July (Q3), joined 15 June.
    Not counted: Emmaboda, absent from its session and in a network it left before any
    log of joining; Region Kalmar län's self-assessment (not a municipality); Mörbylånga's
    engagement that starts next month; Torsås invited to a network, never active."""
    kalmar, vaxjo, nybro, emmaboda, morbylanga, torsas = (
        Municipality.objects.get(name=name)
        for name in ("Kalmar", "Växjö", "Nybro", "Emmaboda", "Mörbylånga", "Torsås")
    )
    person = make_person("deltagare@kalmar.se", kalmar)
    workshops = WorkshopIndexPageFactory(parent=home_page)
    attended(workshops, kalmar, person, local(2025, 3, 31, 23, 30))
    attended(workshops, emmaboda, person, local(2025, 2, 3, 9), present=False)
    assessment(kalmar.organisation, questionnaire, local(2025, 4, 1, 0, 15))
    assessment(vaxjo.organisation, questionnaire, None, status="draft")
    assessment(Organisation.objects.get(code="R08"), questionnaire, local(2025, 2, 1))
    application(kalmar, local(2025, 5, 10, 14))
    application(vaxjo, None, status="draft")

    network = Network.objects.create(name="Tidiga insatser", slug="tidiga-insatser")
    joined = NetworkMembership.objects.create(
        network=network, organisation=vaxjo.organisation, status="active"
    )
    log(joined, reach.NETWORK_JOINED, timestamp=local(2025, 4, 1, 10))
    NetworkMembership.objects.create(
        network=network, organisation=emmaboda.organisation, status="left"
    )
    NetworkMembership.objects.create(
        network=network, organisation=torsas.organisation, status="invited"
    )

    engagement(nybro.organisation, datetime.date(2025, 7, 1), datetime.date(2025, 6, 15))
    soon = datetime.date.today() + datetime.timedelta(days=30)
    engagement(morbylanga.organisation, soon, soon)
    return {"kalmar": kalmar, "vaxjo": vaxjo, "nybro": nybro}


def direct_counts(codes, day):
    """How many of the municipalities `codes` each channel reached by the end of `day`,
    counted with queries of their own."""
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), LOCAL)
    org = OuterRef("organisation")
    channels = {
        "workshop": Exists(
            SessionAttendance.objects.filter(
                registration__organisation=org, attended=True, session__starts_at__lt=end
            )
        ),
        "network": Exists(
            NetworkMembership.objects.filter(organisation=org, status="active").filter(
                Q(changed_at__lt=end)
                | Q(
                    pk__in=[
                        int(entry.object_id)
                        for entry in ModelLogEntry.objects.filter(
                            action=reach.NETWORK_JOINED, timestamp__lt=end
                        )
                    ]
                )
            )
        ),
        "self_assessment": Exists(
            SelfAssessment.objects.filter(
                organisation=org, status="completed", completed_at__lt=end
            )
        ),
        "application": Exists(
            Application.objects.filter(
                participants__organisation=org, submitted_at__lt=end
            ).exclude(status="draft")
        ),
        "engagement": Exists(
            EngagementOrganisation.objects.filter(
                organisation=org, engagement__starts_on__lte=day, joined_on__lte=day
            )
        ),
    }
    municipalities = Municipality.objects.filter(code__in=codes).annotate(**channels)
    counts = {key: municipalities.filter(**{key: True}).count() for key in channels}
    any_channel = Q()
    for key in channels:
        any_channel |= Q(**{key: True})
    counts[reach.ANY] = municipalities.filter(any_channel).count()
    return counts


def dashboard_cells(html, row_attribute, value):
    """{channel: number} of the dashboard table row marked data-<row_attribute>=value."""
    row = re.search(rf'<tr data-{row_attribute}="{re.escape(value)}">(.*?)</tr>', html, re.S)
    assert row, f"no row for {value}"
    return {
        key: int(number)
        for key, number in re.findall(r'data-channel="(\w+)">(\d+)</td>', row.group(1))
    }


def test_every_figure_equals_a_direct_count(world, client, editor):
    today = datetime.date.today()
    client.force_login(editor)
    html = client.get(URL).content.decode()
    figures = reach.report()

    # The known answer.
    assert figures.total.municipalities == 290
    assert figures.total.reached == {
        "workshop": 1,
        "network": 1,
        "self_assessment": 1,
        "application": 1,
        "engagement": 1,
        "any": 3,
    }
    assert "<strong>3</strong> av 290 kommuner har nåtts" in html
    by_county = {row.code: row for row in figures.counties}
    assert (by_county["08"].municipalities, by_county["08"].reached["any"]) == (12, 2)
    assert (by_county["07"].municipalities, by_county["07"].reached["any"]) == (8, 1)
    assert sorted(figures.reached_codes) == sorted(w.code for w in world.values())

    # Every figure, on the page and in the report, equals a direct count.
    everyone = list(Municipality.objects.values_list("code", flat=True))
    assert figures.total.reached == direct_counts(everyone, today)
    for county in County.objects.all():
        codes = list(county.municipalities.values_list("code", flat=True))
        expected = direct_counts(codes, today)
        assert by_county[county.code].municipalities == len(codes)
        assert by_county[county.code].reached == expected
        assert dashboard_cells(html, "county", county.code) == expected
    for quarter in figures.quarters:
        expected = direct_counts(everyone, quarter.ends_on)
        assert quarter.reached == expected
        assert dashboard_cells(html, "quarter", quarter.key) == expected
        assert quarter.reached == {key: len(reach.reached(key, quarter.ends_on)) for key in KEYS}

    # The map marks the three, and the page lists them in text.
    assert html.count("map-area--highlighted") == 3
    for municipality in world.values():
        assert f"<li>{municipality.name} ({municipality.county.name})</li>" in html


def test_quarters_count_what_was_reached_by_their_last_local_day(world):
    figures = reach.report()
    quarters = {row.key: row for row in figures.quarters}
    today = datetime.date.today()
    assert figures.quarters[0].key == "2025-Q1"
    assert figures.quarters[-1].ends_on == today
    assert len(figures.quarters) == (today.year - 2025) * 4 + (today.month - 1) // 3 + 1

    # 23:30 on 31 March is in Q1; 00:15 on 1 April is not, though it is 31 March in UTC.
    assert quarters["2025-Q1"].ends_on == datetime.date(2025, 3, 31)
    assert quarters["2025-Q1"].reached["workshop"] == 1
    assert quarters["2025-Q1"].reached["self_assessment"] == 0
    assert quarters["2025-Q1"].reached["any"] == 1
    assert quarters["2025-Q2"].reached == {
        "workshop": 1,
        "network": 1,
        "self_assessment": 1,
        "application": 1,
        "engagement": 0,
        "any": 2,
    }
    # Nybro joined on 15 June, but the engagement started on 1 July.
    assert quarters["2025-Q3"].reached["engagement"] == 1
    assert [quarters[k].newly_reached for k in ("2025-Q1", "2025-Q2", "2025-Q3")] == [1, 1, 1]
    assert quarters["2025-Q4"].newly_reached == 0
    assert reach.reached("engagement", datetime.date(2025, 6, 30)) == set()
    assert reach.reached("engagement", datetime.date(2025, 7, 1)) == {world["nybro"].code}


def test_the_exports_hold_the_dashboards_numbers(world, client, editor):
    client.force_login(editor)
    figures = reach.report()

    data = json.loads(client.get(URL + "rackvidd.json").content)
    assert data["format"] == "kunskapsnatverket-rackvidd/1"
    assert data["total"] == {"municipalities": 290, "reached": figures.total.reached}
    assert [(c["code"], c["municipalities"], c["reached"]) for c in data["counties"]] == [
        (row.code, row.municipalities, row.reached) for row in figures.counties
    ]
    assert [(q["quarter"], q["ends_on"], q["reached"]) for q in data["quarters"]] == [
        (row.key, row.ends_on.isoformat(), row.reached) for row in figures.quarters
    ]
    flagged = {m["code"]: m["reached"] for m in data["municipalities"] if m["reached"]["any"]}
    assert flagged == {
        world["kalmar"].code: {
            "workshop": True,
            "network": False,
            "self_assessment": True,
            "application": True,
            "engagement": False,
            "any": True,
        },
        world["vaxjo"].code: dict.fromkeys(KEYS, False) | {"network": True, "any": True},
        world["nybro"].code: dict.fromkeys(KEYS, False) | {"engagement": True, "any": True},
    }

    response = client.get(URL + "rackvidd.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))

    def numbers(row):
        return {key: int(row[f"reached_{key}"]) for key in KEYS}

    total = [row for row in rows if row["scope"] == "total"]
    assert len(total) == 1 and numbers(total[0]) == figures.total.reached
    assert int(total[0]["municipalities"]) == 290
    assert {r["county_code"]: numbers(r) for r in rows if r["scope"] == "county"} == {
        row.code: row.reached for row in figures.counties
    }
    assert {r["quarter"]: numbers(r) for r in rows if r["scope"] == "quarter"} == {
        row.key: row.reached for row in figures.quarters
    }

    municipal = client.get(URL + "rackvidd-kommuner.csv").content.decode()
    per_municipality = list(csv.DictReader(io.StringIO(municipal)))
    assert len(per_municipality) == 290
    for key in KEYS:
        flags = sum(int(row[f"reached_{key}"]) for row in per_municipality)
        assert flags == figures.total.reached[key]

    # Counts of municipalities, never a person: nobody's name or address is in any export.
    for text in (json.dumps(data, ensure_ascii=False), response.content.decode(), municipal):
        assert "deltagare@kalmar.se" not in text and "Test Person" not in text


def test_the_dashboard_reads_the_database_a_fixed_number_of_times(
    world, client, editor, django_assert_max_num_queries, questionnaire
):
    client.force_login(editor)
    client.get(URL)  # warm what is cached per process (content types, the map)
    # The admin's own (session, user, permissions, menu) and six for the figures: one per
    # channel and one for the municipalities.
    with django_assert_max_num_queries(17) as few:
        client.get(URL)
    for municipality in Municipality.objects.filter(county_id="01")[:10]:
        assessment(municipality.organisation, questionnaire, local(2025, 8, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(URL).content.decode()
    assert "<strong>13</strong> av 290 kommuner har nåtts" in html


def test_the_demo_figures_equal_direct_counts(demo):
    """On the demo site, where networks have members and nothing else reaches anyone."""
    figures = reach.report()
    in_networks = Municipality.objects.filter(
        organisation__network_memberships__status="active"
    ).distinct()
    assert in_networks.count() > 0
    assert figures.total.reached["network"] == in_networks.count()
    everyone = list(Municipality.objects.values_list("code", flat=True))
    assert figures.total.reached == direct_counts(everyone, datetime.date.today())


def shape(value):
    """The keys of a JSON value, nested, with a list standing for its first item."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def test_the_documented_format_is_the_one_exported(world, client, editor):
    """docs/open-data.md shows the exports' fields as they are: its CSV headers are the
    files' headers and its JSON example has the export's shape."""
    doc = OPEN_DATA_DOC.read_text(encoding="utf-8")
    csv_examples = re.findall(r"```csv\n(.*?)```", doc, re.S)
    assert [example.splitlines()[0].split(",") for example in csv_examples] == [
        FIGURES_HEADER,
        MUNICIPALITIES_HEADER,
    ]
    documented = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
    client.force_login(editor)
    exported = json.loads(client.get(URL + "rackvidd.json").content)
    assert shape(documented) == shape(exported)
