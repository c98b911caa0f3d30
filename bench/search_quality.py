"""How well search finds what it should: recall@5 and MRR over the relevance set.

    .venv/bin/python bench/search_quality.py

Builds its own temporary database and index from the demo content, runs every query of
tests/search/relevance_set.py through the portal's Whoosh index and, side by side on the
same corpus, through Wagtail's database search backend (pages, then methods). Prints one
line per backend; the last line is the Whoosh index:

    queries=N recall_at_5=R mrr=M
"""

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


def main():
    cleanup = temporary_site()
    try:
        from django.core.management import call_command
        from wagtail.models import Page
        from wagtail.search.backends import get_search_backend

        from portal.models import Method
        from search import api
        from tests.search.relevance_set import RELEVANCE_SET

        call_command("load_demo", stdout=StringIO())

        def wagtail_database(query):
            pages = [page.url for page in Page.objects.live().public().search(query)[:10]]
            methods = [
                m.get_absolute_url() for m in get_search_backend().search(query, Method)[:10]
            ]
            return (pages + methods)[:10]

        def whoosh(query):
            return [hit.url for hit in api.search(query, per_page=10).hits]

        wagtail_line = metrics([wagtail_database(q) for q, _ in RELEVANCE_SET], RELEVANCE_SET)
        whoosh_line = metrics([whoosh(q) for q, _ in RELEVANCE_SET], RELEVANCE_SET)
        print(f"backend=wagtail-database {wagtail_line}")
        print(f"backend=whoosh {whoosh_line}")
        print(whoosh_line)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
