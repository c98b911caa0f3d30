"""How well search finds what it should: recall@5 and MRR over the relevance sets.

    .venv/bin/python bench/search_quality.py [--misses]

Builds its own temporary database and index from the demo content and runs every query of
the three parts through the portal's Whoosh index:

- established: RELEVANCE_SET in tests/search/relevance_set.py (the test suite requires all
  of them in the top 5);
- tuning: TUNING_SET in the same module, for those who tune search;
- held_out: HELD_OUT_SET in tests/search/held_out_set.py, never tuned against.

First, for comparison, the whole set through Wagtail's database search backend on the same
corpus (pages, then methods); then one line per part for the Whoosh index; the last line
is the whole set on the Whoosh index:

    queries=N recall_at_5=R mrr=M

--misses also prints, for every established or tuning query that misses one of its pages
in the top 5 or does not rank one of them first ("late"), the pages it missed and the top
5 it got (before the figures, so the last line stays the same). Held-out misses are never
printed: they are for nobody to tune against.
"""

import argparse
import sys
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import temporary_site  # noqa: E402


def metrics(ranked_lists, relevance_set):
    recall, reciprocal = 0.0, 0.0
    for (_query, expected), ranked in zip(relevance_set, ranked_lists, strict=True):
        recall += sum(url in ranked[:5] for url in expected) / len(expected)
        ranks = [ranked.index(url) + 1 for url in expected if url in ranked[:10]]
        reciprocal += 1 / min(ranks) if ranks else 0.0
    n = len(relevance_set)
    return f"queries={n} recall_at_5={recall / n:.3f} mrr={reciprocal / n:.3f}"


def misses(part, ranked_lists, relevance_set):
    lines = []
    for (query, expected), ranked in zip(relevance_set, ranked_lists, strict=True):
        missing = [url for url in expected if url not in ranked[:5]]
        first = min((ranked.index(url) + 1 for url in expected if url in ranked), default=None)
        if missing or first != 1:
            label = "miss" if missing else f"late rank={first}"
            lines.append(f"{label} part={part} query={query!r} missing={missing}")
            lines.extend(f"    {rank}. {url}" for rank, url in enumerate(ranked[:5], 1))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses",
        action="store_true",
        help="print each established or tuning query missing a page in the top 5, with the "
        "top 5 it got (never the held-out queries)",
    )
    args = parser.parse_args()
    cleanup = temporary_site()
    try:
        from django.core.management import call_command
        from wagtail.models import Page
        from wagtail.search.backends import get_search_backend

        from portal.models import Method
        from search import api
        from tests.search.held_out_set import HELD_OUT_SET
        from tests.search.relevance_set import RELEVANCE_SET, TUNING_SET

        call_command("load_demo", stdout=StringIO())
        parts = [
            ("established", RELEVANCE_SET),
            ("tuning", TUNING_SET),
            ("held_out", HELD_OUT_SET),
        ]
        everything = [item for _part, queries in parts for item in queries]

        def wagtail_database(query):
            pages = [page.url for page in Page.objects.live().public().search(query)[:10]]
            methods = [
                m.get_absolute_url() for m in get_search_backend().search(query, Method)[:10]
            ]
            return (pages + methods)[:10]

        def whoosh(query):
            return [hit.url for hit in api.search(query, per_page=10).hits]

        wagtail_line = metrics([wagtail_database(q) for q, _ in everything], everything)
        ranked = {part: [whoosh(q) for q, _ in queries] for part, queries in parts}
        if args.misses:
            for part, queries in parts:
                if part == "held_out":
                    continue
                for line in misses(part, ranked[part], queries):
                    print(line)
        print(f"backend=wagtail-database {wagtail_line}")
        for part, queries in parts:
            print(f"part={part} {metrics(ranked[part], queries)}")
        print(metrics([r for part, _ in parts for r in ranked[part]], everything))
    finally:
        cleanup()


if __name__ == "__main__":
    main()
