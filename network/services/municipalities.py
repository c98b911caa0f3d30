"""Reference data: Sweden's counties and municipalities, from the CSV files in network/data."""

import csv
from collections import Counter
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from network.models import County, Municipality

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

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


@transaction.atomic
def load_reference_data():
    """Create or update all counties and municipalities. Safe to run any number of times.

    Returns (number of counties, number of municipalities) in the files.
    """
    counties = [County(code=row["code"], name=row["name"]) for row in _read_csv("counties.csv")]
    County.objects.bulk_create(
        counties, update_conflicts=True, unique_fields=["code"], update_fields=["name"]
    )

    rows = _read_csv("municipalities.csv")
    groups = {row["code"]: row for row in _read_csv("municipality_groups.csv")}
    slugs = municipality_slugs(rows)
    municipalities = [
        Municipality(
            code=row["code"],
            name=row["name"],
            slug=slugs[row["code"]],
            county_id=row["county_code"],
            population=int(row["population"]),
            population_year=int(row["population_year"]),
            group_code=groups[row["code"]]["group_code"],
            group_name=groups[row["code"]]["group_name"],
            pilot_year=PILOT_MUNICIPALITIES.get(row["name"]),
        )
        for row in rows
    ]
    Municipality.objects.bulk_create(
        municipalities,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[
            "name",
            "slug",
            "county",
            "population",
            "population_year",
            "group_code",
            "group_name",
            "pilot_year",
        ],
    )
    return len(counties), len(municipalities)
