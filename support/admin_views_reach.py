"""The team's reach in Wagtail's admin (/admin/stod-rackvidd/): the dashboard, and the same
figures as CSV and JSON (the format is described in docs/open-data.md). The figures are
support.services.reach's; these views only lay them out."""

from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access

from network.services.maps import sweden_map
from portal.exports import SafeCsvWriter

from .services import reach

FORMAT = "kunskapsnatverket-rackvidd/1"
ALL_KEYS = (*reach.CHANNEL_KEYS, reach.ANY)


def _cells(row):
    """[{"key", "label", "count"}] in the channels' order, for a template."""
    labels = {channel.key: channel.label for channel in reach.CHANNELS}
    return [
        {"key": key, "label": labels[key], "count": row.reached[key]} for key in reach.CHANNEL_KEYS
    ]


@require_admin_access
def dashboard(request):
    figures = reach.report()
    reached = figures.reached_codes
    return TemplateResponse(
        request,
        "support/reach/dashboard.html",
        {
            "figures": figures,
            "channels": reach.CHANNELS,
            "total_cells": _cells(figures.total),
            "counties": [(row, _cells(row)) for row in figures.counties],
            "quarters": [(row, _cells(row)) for row in figures.quarters],
            "reached_municipalities": [
                m for m in figures.municipalities if m.reached[reach.ANY] is not None
            ],
            "map": sweden_map(
                reached,
                title=_("Karta: kommuner som portalen har nått"),
                label=_("%(reached)s av %(total)s kommuner har nåtts, se tabellen per län.")
                % {"reached": len(reached), "total": figures.total.municipalities},
            ),
        },
    )


def as_data(figures):
    """The figures as plain data: what the JSON export holds."""

    def counts(row):
        return {key: row.reached[key] for key in ALL_KEYS}

    return {
        "format": FORMAT,
        "as_of": figures.as_of.isoformat(),
        "channels": [{"key": c.key, "label": str(c.label)} for c in reach.CHANNELS],
        "total": {"municipalities": figures.total.municipalities, "reached": counts(figures.total)},
        "counties": [
            {
                "code": row.code,
                "name": row.name,
                "municipalities": row.municipalities,
                "reached": counts(row),
            }
            for row in figures.counties
        ],
        "quarters": [
            {
                "quarter": row.key,
                "starts_on": row.starts_on.isoformat(),
                "ends_on": row.ends_on.isoformat(),
                "municipalities": row.municipalities,
                "reached": counts(row),
                "newly_reached": row.newly_reached,
            }
            for row in figures.quarters
        ],
        "municipalities": [
            {
                "code": m.code,
                "name": m.name,
                "county_code": m.county_code,
                "reached": {key: m.reached[key] is not None for key in ALL_KEYS},
            }
            for m in figures.municipalities
        ],
    }


@require_admin_access
def export_json(request):
    response = JsonResponse(
        as_data(reach.report()), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="rackvidd.json"'
    return response


FIGURES_HEADER = [
    "scope",
    "county_code",
    "county_name",
    "quarter",
    "as_of",
    "municipalities",
    *[f"reached_{key}" for key in ALL_KEYS],
]


def _csv_response(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_admin_access
def export_csv(request):
    """One row for the whole country, one per county, one per quarter (see docs)."""
    figures = reach.report()
    response = _csv_response("rackvidd.csv")
    writer = SafeCsvWriter(response)
    writer.writerow(FIGURES_HEADER)

    def counts(row):
        return [row.reached[key] for key in ALL_KEYS]

    as_of = figures.as_of.isoformat()
    writer.writerow(
        ["total", "", "", "", as_of, figures.total.municipalities, *counts(figures.total)]
    )
    for row in figures.counties:
        writer.writerow(["county", row.code, row.name, "", as_of, row.municipalities, *counts(row)])
    for row in figures.quarters:
        writer.writerow(
            ["quarter", "", "", row.key, row.ends_on.isoformat(), row.municipalities, *counts(row)]
        )
    return response


MUNICIPALITIES_HEADER = ["code", "name", "county_code", *[f"reached_{key}" for key in ALL_KEYS]]


@require_admin_access
def export_municipalities_csv(request):
    """One row per municipality: whether it was reached, per channel (1 or 0)."""
    figures = reach.report()
    response = _csv_response("rackvidd-kommuner.csv")
    writer = SafeCsvWriter(response)
    writer.writerow(MUNICIPALITIES_HEADER)
    for m in figures.municipalities:
        writer.writerow(
            [m.code, m.name, m.county_code, *[int(m.reached[key] is not None) for key in ALL_KEYS]]
        )
    return response


app_name = "support_reach_admin"

urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("rackvidd.csv", export_csv, name="csv"),
    path("rackvidd-kommuner.csv", export_municipalities_csv, name="municipalities_csv"),
    path("rackvidd.json", export_json, name="json"),
]
