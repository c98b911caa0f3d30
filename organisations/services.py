"""Reference data: Sweden's counties and municipalities, from the CSV files in
organisations/data."""

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from .models import County, Municipality
from .signals import municipalities_changed

DATA_DIR = Path(__file__).resolve().parent / "data"

# The municipalities in the reinforcement-team pilot (Ds 2025:19): six from 2024, four
# more from 2025.
PILOT_MUNICIPALITIES = {
    "Borås": 2024,
    "Håbo": 2024,
    "Kalmar": 2024,
    "Sundsvall": 2024,
    "Strängnäs": 2024,
    "Uppsala": 2024,
    "Växjö": 2025,
    "Borlänge": 2025,
    "Huddinge": 2025,
    "Sundbyberg": 2025,
}


def _read_csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def municipality_slugs(rows):
    """ASCII slugs from names; names that fold to the same slug (Håbo, Habo) get their code."""
    plain = {row["code"]: slugify(row["name"]) for row in rows}
    taken = Counter(plain.values())
    return {code: slug if taken[slug] == 1 else f"{slug}-{code}" for code, slug in plain.items()}


# What the files own. Everything else on a municipality (its name, slug, pilot year,
# email domains, profile) is set by editors and coordinators, and a reload keeps it.
REFERENCE_FIELDS = ["county", "population", "population_year", "group_code", "group_name"]


@dataclass
class Loaded:
    counties: int  # in the files
    municipalities: int  # in the files
    created: int
    updated: int  # existing municipalities whose reference columns changed


def _reference_values(row, group):
    return {
        "county_id": row["county_code"],
        "population": int(row["population"]),
        "population_year": int(row["population_year"]),
        "group_code": group["group_code"],
        "group_name": group["group_name"],
    }


@transaction.atomic
def load_reference_data():
    """Create missing counties and municipalities and update the reference columns of
    existing ones. Safe to run any number of times.

    A new municipality gets its name, slug and pilot year from the files; an existing one
    keeps what editors set. The municipalities created or changed (a county renamed
    included) are announced through `municipalities_changed`, so the search index
    follows them. Returns a Loaded with the counts.
    """
    county_names = {row["code"]: row["name"] for row in _read_csv("counties.csv")}
    existing_counties = dict(County.objects.values_list("code", "name"))
    County.objects.bulk_create(
        County(code=code, name=name)
        for code, name in county_names.items()
        if code not in existing_counties
    )
    renamed = [
        County(code=code, name=name)
        for code, name in county_names.items()
        if code in existing_counties and existing_counties[code] != name
    ]
    County.objects.bulk_update(renamed, ["name"])

    rows = _read_csv("municipalities.csv")
    groups = {row["code"]: row for row in _read_csv("municipality_groups.csv")}
    slugs = municipality_slugs(rows)
    existing = Municipality.objects.in_bulk()
    taken_slugs = {municipality.slug for municipality in existing.values()}
    created, updated = [], []
    for row in rows:
        code = row["code"]
        values = _reference_values(row, groups[code])
        municipality = existing.get(code)
        if municipality is None:
            slug = slugs[code] if slugs[code] not in taken_slugs else f"{slugs[code]}-{code}"
            created.append(
                Municipality(
                    code=code,
                    name=row["name"],
                    slug=slug,
                    pilot_year=PILOT_MUNICIPALITIES.get(row["name"]),
                    **values,
                )
            )
        elif any(getattr(municipality, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(municipality, name, value)
            updated.append(municipality)
    Municipality.objects.bulk_create(created)
    Municipality.objects.bulk_update(updated, REFERENCE_FIELDS)

    changed = {municipality.code for municipality in created + updated}
    changed.update(
        Municipality.objects.filter(county__in=[county.code for county in renamed]).values_list(
            "code", flat=True
        )
    )
    if changed:
        municipalities_changed.send(sender=Municipality, codes=sorted(changed))
    return Loaded(len(county_names), len(rows), len(created), len(updated))
