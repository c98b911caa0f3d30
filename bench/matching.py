"""How long suggest_matches takes: for all 290 municipalities, and for 10,000 organisations.

    .venv/bin/python bench/matching.py

Needs nothing running. The 290 case uses the real municipalities (counties, populations,
SKR groups) with realistic synthetic profiles: a few challenges each from the portal's
vocabulary, drawn so that some are common and some rare, methods in use or planned, a
support area or two to learn more about, experience of support areas (from good examples
and from the practices in use), and vulnerable areas for about one in ten.
The 10,000 case uses synthetic organisations spread over 21 counties. Each case builds
one index and asks for the top 10 for every item. Last line:

    n=N total_s=T per_item_ms=P
"""

import argparse
import csv
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()  # reasons are worded through Django's translation machinery; no database

from network.services.matching import MatchingIndex, Organisation  # noqa: E402

CHALLENGES = [f"challenge-{n}" for n in range(12)]
PRACTICES = [f"practice-{n}" for n in range(14)]
AREAS = [f"area-{n}" for n in range(4)]
# Each support area lists a few practices (as SupportAreaPage's methods and forms do).
AREA_PRACTICES = {practice: {AREAS[n % 4]} for n, practice in enumerate(PRACTICES)}
# Some challenges are common (recruitment, follow-up), some rare (girls, disability).
CHALLENGE_WEIGHTS = [12, 9, 7, 6, 5, 4, 3, 3, 2, 2, 1, 1]


def profile(rng):
    challenges = set(rng.choices(CHALLENGES, CHALLENGE_WEIGHTS, k=rng.randint(1, 4)))
    in_use = set(rng.sample(PRACTICES, rng.randint(0, 4)))
    planned = set(rng.sample(PRACTICES, rng.randint(0, 2))) - in_use
    return challenges, in_use, planned


def learning(rng, in_use):
    """Support areas to learn more about, experience of support areas, vulnerable areas."""
    wants = frozenset(rng.sample(AREAS, rng.randint(0, 2)))
    experience = {}
    for practice in in_use:
        for area in AREA_PRACTICES[practice]:
            experience.setdefault(area, set()).add(practice)
    if rng.random() < 0.1:
        experience.setdefault(rng.choice(AREAS), set()).add(("example", rng.random()))
    return {
        "wants_to_learn": wants,
        "experience": {area: frozenset(e) for area, e in experience.items()},
        "vulnerable_areas": rng.random() < 0.09,
    }


def municipalities(rng):
    path = ROOT / "organisations" / "data" / "municipalities.csv"
    groups_path = ROOT / "organisations" / "data" / "municipality_groups.csv"
    with open(groups_path, encoding="utf-8") as handle:
        groups = {row["code"]: row["group_code"] for row in csv.DictReader(handle)}
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    organisations = []
    for row in rows:
        challenges, in_use, planned = profile(rng)
        organisations.append(
            Organisation(
                key=row["code"],
                name=row["name"],
                county=row["county_code"],
                population=int(row["population"]),
                group=groups[row["code"]],
                looking=rng.random() < 0.8,
                challenges=frozenset(challenges),
                practices_in_use=frozenset(in_use),
                practices_planned=frozenset(planned),
                **learning(rng, in_use),
            )
        )
    return organisations


def synthetic(rng, n):
    organisations = []
    for i in range(n):
        challenges, in_use, planned = profile(rng)
        organisations.append(
            Organisation(
                key=i,
                name=f"Organisation {i}",
                county=f"{rng.randint(1, 25):02d}",
                population=int(10 ** rng.uniform(3.4, 6)),
                group=rng.choice("ABC"),
                looking=rng.random() < 0.8,
                challenges=frozenset(challenges),
                practices_in_use=frozenset(in_use),
                practices_planned=frozenset(planned),
                **learning(rng, in_use),
            )
        )
    return organisations


def run(organisations):
    started = time.perf_counter()
    index = MatchingIndex(organisations)
    built = time.perf_counter() - started
    suggested = 0
    for organisation in organisations:
        suggested += len(index.suggest(organisation.key, limit=10))
    total = time.perf_counter() - started
    n = len(organisations)
    print(f"  n={n}: index built in {built * 1000:.1f} ms, {suggested} suggestions in all")
    return f"n={n} total_s={total:.3f} per_item_ms={total / n * 1000:.3f}"


def main():
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    rng = random.Random(2025)
    lines = [run(municipalities(rng)), run(synthetic(rng, 10_000))]
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
