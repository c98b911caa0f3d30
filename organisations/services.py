"""Reference data: Sweden's counties, municipalities, regions, county boards and police
regions, from the CSV files in organisations/data (sources in data/SOURCES.md)."""

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from .models import County, Municipality, Organisation
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
    organisations: int = 0  # regions, county boards and police regions in the files
    organisations_created: int = 0


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
    _municipalities_are_organisations()
    regional = _regional_organisations()
    regional_created = _load_regional_organisations(regional)
    if changed:
        municipalities_changed.send(sender=Municipality, codes=sorted(changed))
    return Loaded(
        len(county_names),
        len(rows),
        len(created),
        len(updated),
        organisations=len(regional),
        organisations_created=regional_created,
    )


def _municipalities_are_organisations():
    """Every municipality has its organisation: the thing people are members of."""
    missing = list(Municipality.objects.filter(organisation__isnull=True).order_by("code"))
    created = Organisation.objects.bulk_create(
        Organisation(
            kind=Organisation.Kind.MUNICIPALITY,
            name=municipality.name,
            slug=municipality.slug,
            code=municipality.code,
            municipality=municipality,
        )
        for municipality in missing
    )
    _set_counties({o.pk: [m.county_id] for o, m in zip(created, missing, strict=True)})


def _set_counties(counties_by_organisation):
    """Make each organisation's counties exactly the ones given, in a few queries."""
    Through = Organisation.counties.through
    wanted = {
        (organisation, county)
        for organisation, counties in counties_by_organisation.items()
        for county in counties
    }
    have = set(
        Through.objects.filter(organisation_id__in=counties_by_organisation).values_list(
            "organisation_id", "county_id"
        )
    )
    for organisation, county in have - wanted:
        Through.objects.filter(organisation_id=organisation, county_id=county).delete()
    Through.objects.bulk_create(
        Through(organisation_id=organisation, county_id=county)
        for organisation, county in wanted - have
    )


# file -> the kind of the organisations in it
REGIONAL_FILES = {
    "regions.csv": Organisation.Kind.REGION,
    "county_boards.csv": Organisation.Kind.COUNTY_BOARD,
    "police_regions.csv": Organisation.Kind.POLICE_REGION,
}


def _regional_organisations():
    """(code, kind, name, [county codes]) of every organisation in the regional files."""
    found = []
    for name, kind in REGIONAL_FILES.items():
        for row in _read_csv(name):
            counties = (row.get("county_codes") or row.get("county_code") or "").split()
            found.append((row["code"], kind, row["name"], counties))
    return found


def _load_regional_organisations(regional):
    """Create the missing regions, county boards and police regions and set their counties
    to what the files say; names and domains set by editors are kept. Returns how many
    were created."""
    existing = dict(
        Organisation.objects.filter(code__in=[code for code, *_ in regional]).values_list(
            "code", "pk"
        )
    )
    taken_slugs = set(Organisation.objects.values_list("slug", flat=True))
    new = []
    for code, kind, name, _counties in regional:
        if code not in existing:
            slug = _free_slug(slugify(name), taken_slugs)
            taken_slugs.add(slug)
            new.append(Organisation(kind=kind, name=name, slug=slug, code=code))
    existing.update(
        (organisation.code, organisation.pk)
        for organisation in Organisation.objects.bulk_create(new)
    )
    _set_counties({existing[code]: counties for code, _kind, _name, counties in regional})
    return len(new)


def _free_slug(slug, taken):
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
