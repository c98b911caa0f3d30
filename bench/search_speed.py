"""How fast the search index takes documents and answers queries.

    .venv/bin/python bench/search_speed.py --docs 10000

Builds its own temporary database and index, generates N Swedish documents from the
demo content's vocabulary, indexes them in the portal's Whoosh index (a full build, as
rebuild_search_index does) and in Wagtail's database search backend (as methods, a
plain indexed model), then times 200 two-word queries on each. Prints a line per
backend as soon as it is measured; the last line repeats the Whoosh index's:

    n=N index_docs_per_s=D p50_ms=X p95_ms=Y
"""

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, temporary_site  # noqa: E402


def vocabulary():
    text = " ".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "portal" / "demo").glob("*.py")
    )
    words = re.findall(r"[a-zåäöA-ZÅÄÖ]{4,}", text)
    return sorted(
        {w.lower() for w in words if not w.isupper() and not w.startswith(("def", "import"))}
    )


def documents(n, words, rng):
    from search.documents import Document

    for i in range(n):
        title = " ".join(rng.choices(words, k=rng.randint(3, 7))).capitalize()
        body = ". ".join(
            " ".join(rng.choices(words, k=rng.randint(8, 16))).capitalize()
            for _ in range(rng.randint(4, 10))
        )
        yield Document(
            key=f"bench:{i}",
            kind=rng.choice(["guidance", "example", "method"]),
            title=title,
            body=body,
            url=f"/bench/{i}/",
            year=rng.randint(2020, 2026),
            county=f"{rng.choice([1, 3, 4, 5, 6, 7, 8, 12, 14, 22, 25]):02d}",
        )


def latency(run, queries):
    times = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    cleanup = temporary_site()
    try:
        from wagtail.search.backends import get_search_backend

        from portal.models import Method
        from search import api
        from search.backends import get_backend

        rng = random.Random(7)
        words = vocabulary()
        queries = [" ".join(rng.sample(words, 2)) for _ in range(args.queries)]

        started = time.perf_counter()
        count = get_backend().rebuild(documents(args.docs, words, random.Random(1)))
        whoosh_rate = count / (time.perf_counter() - started)
        whoosh_p50, whoosh_p95 = latency(lambda q: api.search(q, per_page=10), queries)
        whoosh_line = (
            f"n={args.docs} index_docs_per_s={whoosh_rate:.0f} "
            f"p50_ms={whoosh_p50:.1f} p95_ms={whoosh_p95:.1f}"
        )
        # Printed as soon as measured: the other backend can take long at large N.
        print(f"backend=whoosh {whoosh_line}", flush=True)

        docs = list(documents(args.docs, words, random.Random(1)))
        started = time.perf_counter()
        Method.objects.bulk_create(
            (
                Method(
                    name=f"{d.title} {i}",
                    slug=f"bench-{i}",
                    kind="model",
                    summary=d.body,
                    evidence_status="unknown",
                )
                for i, d in enumerate(docs)
            ),
            batch_size=2000,
        )
        backend = get_search_backend()
        backend.add_bulk(Method, Method.objects.all())
        wagtail_rate = args.docs / (time.perf_counter() - started)
        wagtail_p50, wagtail_p95 = latency(
            lambda q: list(get_search_backend().search(q, Method)[:10]), queries
        )

        print(
            f"backend=wagtail-database n={args.docs} index_docs_per_s={wagtail_rate:.0f} "
            f"p50_ms={wagtail_p50:.1f} p95_ms={wagtail_p95:.1f}",
            flush=True,
        )
        print(whoosh_line)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
