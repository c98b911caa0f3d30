"""A load test of the production set-up: gunicorn + PostgreSQL + Redis + WhiteNoise.

    .venv/bin/python bench/load.py --requests 4000 --users 200 --capacity 30

Creates a throwaway PostgreSQL database (on the server DATABASE_URL names, by default
postgresql://postgres@127.0.0.1:5432/test) and uses one Redis database (REDIS_URL, by
default redis://127.0.0.1:6379/14, emptied first). Then, with config.settings.production:
migrate, load the demo, collectstatic, create signed-in people and one popular workshop;
start gunicorn on a loopback port, one search worker and one email worker, as
docs/deployment.md describes.

A separate client process drives, phase by phase:

1. cold: every public page once, with the page cache emptied (each a miss);
2. warm: `--requests` anonymous page views over the same pages, the cache warm;
3. mix: a bounded mix of anonymous page views (home, support areas, guidance, examples,
   workshops, municipalities), searches, and signed-in people registering for the popular
   workshop (GET the page, POST the registration), all at once;
4. static: a static file through the same stack, for the ceiling;
5. with `--soak SECONDS` (e.g. 600): page views and searches for that long, with the app
   servers' memory (RSS of gunicorn's workers, summed) at the start and the end.

Nothing leaves 127.0.0.1. Last lines:

    anonymous_pages: rps=R static_rps=S ratio=X p95_ms=Y errors=E
    static_requests=N static_errors=E static_rps=R static_p50_ms=X static_p95_ms=Y
    requests=N errors=E rps=R p50_ms=X p95_ms=Y overbooked=O
"""

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

from registrations import (  # bench/registrations.py
    ROOT,
    free_port,
    outcome,
    popular_workshop,
    start_gunicorn,
    temporary_database,
)

DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"


# --- the server side --------------------------------------------------------------------


def set_up(users, capacity):
    """Migrate, load the demo, collect static files, and create the people and workshop."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("collectstatic", verbosity=0, interactive=False)

    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connection

    from organisations.models import Municipality
    from portal.models import GuidancePage, SupportAreaPage
    from tests.search.relevance_set import RELEVANCE_SET

    workshop, occasion, sessions = popular_workshop(users, capacity, prefix="load")
    towns = list(Municipality.objects.order_by("code"))
    pages = ["/", "/goda-exempel/", "/workshoppar/", "/kommuner/", "/metoder/"]
    pages += [p.url for p in SupportAreaPage.objects.live()]
    pages += [p.url for p in GuidancePage.objects.live()]
    pages += [f"/kommuner/{m.slug}/" for m in random.Random(1).sample(towns, 20)]
    plan = {
        "pages": pages,
        "queries": [query for query, _expected in RELEVANCE_SET],
        "workshop_url": workshop.url,
        "register_url": f"/workshop/{workshop.pk}/anmal/",
        "sessions": sessions,
        "occasion": occasion.pk,
        "static_url": staticfiles_storage.url("css/portal.css"),
    }
    connection.close()
    return workshop.pk, occasion.pk, plan


def wait_for(port, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/", headers={"X-Forwarded-Proto": "https"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def empty_page_cache(redis_url):
    """Forget every cached page (the cold phase), and nothing else (sessions stay). The
    epoch goes too, so that no app server keeps a copy of its own."""
    import redis

    connection = redis.Redis.from_url(redis_url)
    for pattern in ("*pc2:page:*", "*pc2:epoch"):
        for key in connection.scan_iter(match=pattern, count=1000):
            connection.delete(key)


def gunicorn_workers(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def rss_mb(pids):
    """The resident memory of these processes, summed, in MB (from /proc)."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+) kB", status)[1])
    return total / 1024


def drive_phase(plan, phase):
    client = subprocess.run(
        [sys.executable, __file__, "--drive"],
        input=json.dumps({**plan, "phase": phase}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(client.stdout)


def serve(args):
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    if not os.environ["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        sys.exit("bench/load.py runs the production set-up: DATABASE_URL must be PostgreSQL.")
    redis_url = os.environ.get("REDIS_URL", DEFAULT_REDIS)
    import redis

    redis.Redis.from_url(redis_url).flushdb()

    workdir = Path(tempfile.mkdtemp(prefix="kn-load-"))
    database_url, _engine, drop_database = temporary_database(workdir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # TLS ends at the proxy; the client says https
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SEARCH_INDEX_DIR": str(workdir / "search-index"),
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    processes = []
    try:
        workshop_pk, occasion_pk, plan = set_up(args.users, args.capacity)
        port = free_port()
        processes.append(start_gunicorn(port, args.workers, env))
        for worker in ("search_worker", "send_queued_emails"):
            processes.append(
                subprocess.Popen(
                    [sys.executable, "manage.py", worker],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                )
            )
        wait_for(port)
        plan.update(
            port=port,
            requests=args.requests,
            concurrency=args.concurrency,
            static_requests=args.static_requests,
            seed=args.seed,
        )
        empty_page_cache(redis_url)
        figures = {"cold": drive_phase(plan, "cold"), "warm": drive_phase(plan, "warm")}
        figures.update(drive_phase(plan, "mix"))
        if args.soak:
            workers = gunicorn_workers(processes[0].pid)
            rss_start = rss_mb(workers)
            figures["soak"] = drive_phase({**plan, "seconds": args.soak}, "soak")
            rss_end = rss_mb(gunicorn_workers(processes[0].pid))
        confirmed, waitlisted, taken, overbooked = outcome(workshop_pk, occasion_pk, args.capacity)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)

    mix, static = figures["mix"], figures["static"]
    cold, warm = figures["cold"]["mix"], figures["warm"]["mix"]
    print(
        f"machine: {os.cpu_count()} cores; gunicorn_workers={args.workers} "
        f"client_threads={args.concurrency}; PostgreSQL, Redis, WhiteNoise, search worker"
    )
    for kind, line in sorted(figures["by_kind"].items()):
        print(f"  {kind}: {line}")
    print(
        f"registrations: users={args.users} capacity={args.capacity} confirmed={confirmed} "
        f"waitlisted={waitlisted} seat_counter={taken}"
    )
    print(
        f"static_requests={static['requests']} static_errors={static['errors']} "
        f"static_rps={static['rps']:.1f} static_p50_ms={static['p50']:.1f} "
        f"static_p95_ms={static['p95']:.1f}"
    )
    print(
        f"cold_cache_pages: requests={cold['requests']} errors={cold['errors']} "
        f"rps={cold['rps']:.1f} p50_ms={cold['p50']:.1f} p95_ms={cold['p95']:.1f}"
    )
    if args.soak:
        soak = figures["soak"]["mix"]
        print(
            f"soak: seconds={args.soak} requests={soak['requests']} errors={soak['errors']} "
            f"rps={soak['rps']:.1f} p95_ms={soak['p95']:.1f} "
            f"rss_start_mb={rss_start:.1f} rss_end_mb={rss_end:.1f} workers={len(workers)}"
        )
    ratio = warm["rps"] / static["rps"] if static["rps"] else 0.0
    print(
        f"anonymous_pages: rps={warm['rps']:.1f} static_rps={static['rps']:.1f} "
        f"ratio={ratio:.2f} p95_ms={warm['p95']:.1f} errors={warm['errors']}"
    )
    errors = mix["errors"] + max(0, args.users - confirmed - waitlisted)
    print(
        f"requests={mix['requests']} errors={errors} rps={mix['rps']:.1f} "
        f"p50_ms={mix['p50']:.1f} p95_ms={mix['p95']:.1f} overbooked={overbooked}"
    )


# --- the client side (a separate process) -----------------------------------------------


class Client:
    """One keep-alive connection per thread, speaking as the TLS proxy would."""

    def __init__(self, port):
        self.port = port
        self.local = threading.local()
        self.headers = {
            "X-Forwarded-Proto": "https",
            "Origin": f"https://127.0.0.1:{port}",
            "Referer": f"https://127.0.0.1:{port}/",
        }

    def request(self, method, path, body=None, cookies=""):
        headers = dict(self.headers)
        if cookies:
            headers["Cookie"] = cookies
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            conn = getattr(self.local, "conn", None)
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=60
                )
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                content = response.read()
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt == 2:
                    return 0, {}, b"", (time.perf_counter() - started) * 1000
                continue
            elapsed = (time.perf_counter() - started) * 1000
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                self.local.conn = None
            return response.status, response.headers, content, elapsed


def percentile(values, fraction):
    values = sorted(values)
    return values[int(fraction * (len(values) - 1))] if values else 0.0


def drive(plan):
    client = Client(plan["port"])
    rng = random.Random(plan["seed"])
    phase = plan["phase"]
    sessions = list(plan["sessions"]) if phase == "mix" else []
    # Each registration is two requests; the rest of the budget is page views and searches.
    browsing = max(0, plan["requests"] - 2 * len(sessions))
    tasks = [("register", key) for key in sessions]
    if phase == "cold":
        tasks = [("page", page) for page in plan["pages"]]
    elif phase == "warm":
        tasks = [("page", rng.choice(plan["pages"])) for _ in range(plan["requests"])]
    elif phase == "soak":
        tasks = []
    else:
        for _ in range(browsing):
            if rng.random() < 0.25:
                tasks.append(("search", rng.choice(plan["queries"])))
            else:
                tasks.append(("page", rng.choice(plan["pages"])))
        rng.shuffle(tasks)
    results = []  # (kind, ok, ms)
    lock = threading.Lock()

    def record(kind, ok, ms):
        with lock:
            results.append((kind, ok, ms))

    def run(task):
        kind, value = task
        if kind == "page":
            status, _h, _b, ms = client.request("GET", value)
            record("page", status == 200, ms)
        elif kind == "search":
            status, _h, _b, ms = client.request("GET", f"/sok/?q={quote(value)}")
            record("search", status == 200, ms)
        else:
            register(value)

    def register(session_key):
        cookies = f"sessionid={session_key}"
        status, headers, body, ms = client.request("GET", plan["workshop_url"], cookies=cookies)
        record("workshop_page_signed_in", status == 200, ms)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        cookies_set = " ".join(headers.get_all("Set-Cookie") or []) if headers else ""
        csrf = re.search(r"csrftoken=([^;]+)", cookies_set)
        if status != 200 or not token or not csrf:
            record("register_post", False, 0.0)
            return
        form = urlencode({"csrfmiddlewaretoken": token[1].decode(), "occasion": plan["occasion"]})
        status, headers, _b, ms = client.request(
            "POST", plan["register_url"], body=form, cookies=f"{cookies}; csrftoken={csrf[1]}"
        )
        location = headers.get("Location", "") if headers else ""
        record("register_post", status == 302 and plan["workshop_url"] in location, ms)

    def browse_until(deadline, seed):
        own = random.Random(seed)
        while time.monotonic() < deadline:
            if own.random() < 0.25:
                run(("search", own.choice(plan["queries"])))
            else:
                run(("page", own.choice(plan["pages"])))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=plan["concurrency"]) as pool:
        if phase == "soak":
            deadline = time.monotonic() + plan["seconds"]
            list(pool.map(lambda n: browse_until(deadline, n), range(plan["concurrency"])))
        else:
            list(pool.map(run, tasks))
    wall = time.perf_counter() - started

    static_results = []
    if phase != "mix":
        plan = {**plan, "static_requests": 0}

    def fetch_static(_n):
        status, _h, _b, ms = client.request("GET", plan["static_url"])
        with lock:
            static_results.append((status == 200, ms))

    static_started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=plan["concurrency"]) as pool:
        list(pool.map(fetch_static, range(plan["static_requests"])))
    static_wall = time.perf_counter() - static_started

    def summary(rows, seconds):
        latencies = [ms for _ok, ms in rows]
        return {
            "requests": len(rows),
            "errors": sum(1 for ok, _ms in rows if not ok),
            "rps": len(rows) / seconds if seconds else 0.0,
            "p50": statistics.median(latencies) if latencies else 0.0,
            "p95": percentile(latencies, 0.95),
        }

    by_kind = {}
    for kind in sorted({kind for kind, _ok, _ms in results}):
        rows = [(ok, ms) for k, ok, ms in results if k == kind]
        figures = summary(rows, wall)
        by_kind[kind] = (
            f"requests={figures['requests']} errors={figures['errors']} "
            f"p50_ms={figures['p50']:.1f} p95_ms={figures['p95']:.1f}"
        )
    json.dump(
        {
            "mix": summary([(ok, ms) for _k, ok, ms in results], wall),
            "static": summary(static_results, static_wall),
            "by_kind": by_kind,
        },
        sys.stdout,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4000, help="requests in the mix")
    parser.add_argument("--users", type=int, default=200, help="people registering")
    parser.add_argument("--capacity", type=int, default=30, help="seats in the workshop")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=32, help="client threads")
    parser.add_argument("--static-requests", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--soak", type=int, default=0, metavar="SECONDS", help="then page views for this long"
    )
    parser.add_argument("--drive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:
        drive(json.load(sys.stdin))
    else:
        serve(args)


if __name__ == "__main__":
    main()
