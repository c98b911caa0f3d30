"""How fast the portal's two search backends take documents and answer queries.

    .venv/bin/python bench/search_speed.py --docs 10000

Generates N Swedish documents from the demo content's vocabulary (with kinds, support
areas, prevention levels, counties and years, so that facets have work to do), builds
the Whoosh index (search/backends/whoosh.py) and the PostgreSQL backend's table
(search/backends/postgres.py) from them as a full rebuild does, then times the same
two-word queries on each through search.api.search, facets included, as the search
page asks them.

PostgreSQL: a throwaway database on the server BENCH_DATABASE_URL names (by default
postgresql://postgres@127.0.0.1:5432/postgres), dropped at the end. If none is
reachable, the run uses SQLite and says so on the postgres line. Progress goes to
stderr; a line per backend is printed as soon as it is measured, and the last line
repeats the Whoosh index's:

    n=N index_docs_per_s=D p50_ms=X p95_ms=Y
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, temporary_site  # noqa: E402

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
SUPPORT_AREAS = ["samverkan", "kunskap", "uppfoljning", "finansiering", "metoder", "lagstiftning"]
LEVELS = ["universell", "selektiv", "indikerad"]


def vocabulary():
    text = " ".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "portal" / "demo").glob("*.py")
    )
    words = re.findall(r"[a-zåäöA-ZÅÄÖ]{4,}", text)
    return sorted(
        {w.lower() for w in words if not w.isupper() and not w.startswith(("def", "import"))}
    )


def documents(n, words, rng, progress=None):
    from search.documents import Document

    for i in range(n):
        if progress and i and i % 5000 == 0:
            progress(i)
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
            support_areas=rng.sample(SUPPORT_AREAS, rng.randint(0, 2)),
            prevention_levels=rng.sample(LEVELS, rng.randint(0, 2)),
        )


def latency(run, queries, label):
    times = []
    for number, query in enumerate(queries, 1):
        started = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - started) * 1000)
        if number % 50 == 0:
            log(f"{label}: {number}/{len(queries)} queries")
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def log(message):
    print(message, file=sys.stderr, flush=True)


def directory_bytes(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def throwaway_database(server):
    """A new database on the server, or (None, why not)."""
    try:
        import psycopg

        name = f"kn_bench_{os.getpid()}"
        with psycopg.connect(server, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
    except Exception as exc:  # noqa: BLE001 - any failure means: no PostgreSQL here
        return None, f"{exc.__class__.__name__}: {str(exc).strip().splitlines()[0]}"
    return server.rsplit("/", 1)[0] + f"/{name}", name


def drop_database(server, name):
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def measure(name, args, words, queries, size):
    from django.conf import settings

    from search import api
    from search.backends import get_backend, reset_backend

    settings.SEARCH_BACKEND = name
    reset_backend()
    backend = get_backend()
    started = time.perf_counter()

    def progress(count):
        if count % 5000 == 0:
            rate = count / (time.perf_counter() - started)
            log(f"{name}: {count}/{args.docs} documents indexed ({rate:.0f}/s)")

    count = backend.rebuild(documents(args.docs, words, random.Random(1)), progress=progress)
    rate = count / (time.perf_counter() - started)
    log(f"{name}: indexed {count} documents at {rate:.0f}/s; querying")
    api.search(queries[0])  # opens the index / warms the connection, as a running site has
    p50, p95 = latency(lambda q: api.search(q, per_page=10), queries, name)
    line = f"n={args.docs} index_docs_per_s={rate:.0f} p50_ms={p50:.1f} p95_ms={p95:.1f}"
    print(f"backend={name} {line} index_bytes={size()}", flush=True)
    return line


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", default="whoosh,postgres")
    args = parser.parse_args()
    backends = args.backends.split(",")
    server = os.environ.get("BENCH_DATABASE_URL", DEFAULT_SERVER)
    database_url, database_name = None, None
    if "postgres" in backends:
        database_url, database_name = throwaway_database(server)
        if database_url is None:
            why = database_name
            database_name = None
    cleanup = temporary_site(database_url)
    try:
        from django.conf import settings
        from django.db import connection

        rng = random.Random(7)
        words = vocabulary()
        queries = [" ".join(rng.sample(words, 2)) for _ in range(args.queries)]
        whoosh_line = None
        if "whoosh" in backends:
            whoosh_line = measure(
                "whoosh",
                args,
                words,
                queries,
                lambda: directory_bytes(Path(settings.SEARCH_INDEX_DIR) / "current"),
            )
        if "postgres" in backends:
            if database_url is None:
                print(f"backend=postgres skipped: PostgreSQL not reachable ({why})", flush=True)
            else:

                def table_bytes():
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_total_relation_size('search_searchdocument')")
                        return cursor.fetchone()[0]

                measure("postgres", args, words, queries, table_bytes)
        if whoosh_line:
            print(whoosh_line)
    finally:
        if database_name:
            drop_database(server, database_name)
        cleanup()


if __name__ == "__main__":
    main()
