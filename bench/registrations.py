"""Many people sign up for one popular workshop at the same moment, over real HTTP.

    .venv/bin/python bench/registrations.py --users 200 --capacity 30

Sets up its own temporary database (SQLite by default; with DATABASE_URL pointing at a
PostgreSQL server, a throwaway database on that server), starts the portal with gunicorn
on a free loopback port, signs the users up concurrently (each with a logged-in session
and a CSRF token, as a browser would), and prints on its last line:

    confirmed=C waitlisted=W errors=E overbooked=O p50_ms=X p95_ms=Y

p50/p95 are the latencies of the sign-up POSTs. Nothing leaves 127.0.0.1.
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def temporary_database(workdir):
    """A database URL for this run, and a function that removes the database."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(configured, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        url = urlsplit(configured)._replace(path=f"/{name}").geturl()

        def drop():
            with psycopg.connect(configured, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return url, "postgresql", drop
    return f"sqlite:///{workdir / 'bench.sqlite3'}", "sqlite", lambda: None


def set_up(users, capacity):
    """Migrate, build the demo site, and add the people and the popular workshop."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from django.db import connection

    workshop, occasion, sessions = popular_workshop(users, capacity)
    connection.close()
    return workshop.pk, occasion.pk, workshop.url, sessions


def popular_workshop(users, capacity, prefix="bench"):
    """`users` approved members with signed-in sessions (in the configured session store),
    taking turns between municipalities, regions, county boards and police regions, and one
    open workshop with three occasions (dates), open to those four kinds; everyone signs
    up for the second, which has `capacity` seats. Returns (occasion, session keys)."""
    import datetime
    from importlib import import_module

    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.utils import timezone

    from events.models import Occasion, Theme, WorkshopIndexPage, WorkshopPage, WorkshopSession
    from organisations.models import Organisation
    from portal.models import Membership

    User = get_user_model()
    kinds = [
        Organisation.Kind.MUNICIPALITY,
        Organisation.Kind.REGION,
        Organisation.Kind.COUNTY_BOARD,
        Organisation.Kind.POLICE_REGION,
    ]
    by_kind = [list(Organisation.objects.filter(kind=kind).order_by("code")) for kind in kinds]
    User.objects.bulk_create(
        User(email=f"{prefix}{n}@example.se", first_name="Bench", last_name=str(n))
        for n in range(users)
    )
    people = list(User.objects.filter(email__startswith=prefix).order_by("pk"))
    EmailAddress.objects.bulk_create(
        EmailAddress(user=p, email=p.email, verified=True, primary=True) for p in people
    )

    def organisation(n):
        of_kind = by_kind[n % len(kinds)]
        return of_kind[(n // len(kinds)) % len(of_kind)]

    Membership.objects.bulk_create(
        Membership(user=p, organisation=organisation(n), status="approved")
        for n, p in enumerate(people)
    )
    now = timezone.now()
    workshop = WorkshopPage(
        title="Populär workshop",
        slug=f"popular-{uuid.uuid4().hex[:6]}",
        theme=Theme.objects.first(),
        summary="Alla vill gå.",
        target_audience="Alla",
        format="digital",
        open_to=[str(kind) for kind in kinds],
        registration_opens=now - datetime.timedelta(hours=1),
        registration_closes=now + datetime.timedelta(days=7),
    )
    occasions = []
    for number in range(3):
        starts = now + datetime.timedelta(days=10 + 7 * number)
        occasion = Occasion(
            sort_order=number,
            meeting_link=f"https://mote.example.se/bench-{number}",
            capacity=capacity if number == 1 else 5,
        )
        occasion.sessions = [
            WorkshopSession(starts_at=starts, ends_at=starts + datetime.timedelta(hours=3))
        ]
        occasions.append(occasion)
    workshop.occasions = occasions
    WorkshopIndexPage.objects.first().add_child(instance=workshop)
    workshop.save_revision().publish()
    chosen = workshop.occasions.order_by("sort_order")[1]

    session_store = import_module(settings.SESSION_ENGINE).SessionStore
    backend = settings.AUTHENTICATION_BACKENDS[0]
    sessions = []
    for person in people:
        store = session_store()
        store[SESSION_KEY] = str(person.pk)
        store[BACKEND_SESSION_KEY] = backend
        store[HASH_SESSION_KEY] = person.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return workshop, chosen, sessions


def start_gunicorn(port, workers, env):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def outcome(workshop_pk, occasion_pk, capacity):
    """(confirmed, waitlisted, seat counter, overbooked) for the occasion, from the database;
    overbooked also counts any registration that landed on another date of the workshop."""
    from django.db import connection

    from events.models import Registration, SeatCounter

    elsewhere = (
        Registration.objects.filter(workshop_id=workshop_pk)
        .exclude(occasion_id=occasion_pk)
        .count()
    )
    registrations = Registration.objects.filter(occasion_id=occasion_pk)
    confirmed = registrations.filter(status="confirmed").count()
    waitlisted = registrations.filter(status="waitlisted").count()
    taken = SeatCounter.objects.get(occasion_id=occasion_pk).taken
    connection.close()
    overbooked = max(0, confirmed - capacity) + max(0, taken - capacity) + elsewhere
    return confirmed, waitlisted, taken, overbooked


def confirmed_kinds(occasion_pk):
    """The kinds of organisation whose members got a seat."""
    from django.db import connection

    from events.models import Registration

    kinds = Registration.objects.filter(occasion_id=occasion_pk, status="confirmed").values_list(
        "organisation__kind", flat=True
    )
    kinds = sorted(set(kinds))
    connection.close()
    return kinds


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def sign_up(port, session_key, page_url, register_url, occasion_pk):
    """GET the workshop page for a CSRF token, then POST the sign-up. Returns (ok, ms)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    cookies = f"sessionid={session_key}"
    conn.request("GET", page_url, headers={"Cookie": cookies})
    page = conn.getresponse()
    html = page.read().decode()
    jar = SimpleCookie()
    for header in page.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if page.status != 200 or "csrftoken" not in jar or not token:
        return False, 0.0
    body = urlencode({"csrfmiddlewaretoken": token[1], "occasion": occasion_pk})
    headers = {
        "Cookie": f"{cookies}; csrftoken={jar['csrftoken'].value}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    started = time.perf_counter()
    conn.request("POST", register_url, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    return response.status == 302 and "/konto/login" not in response.getheader(
        "Location", ""
    ), elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=30)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=64, help="client threads")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="kn-bench-"))
    database_url, engine, drop_database = temporary_database(workdir)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    os.environ.update(env)
    server = None
    try:
        workshop_pk, occasion_pk, page_url, sessions = set_up(args.users, args.capacity)
        port = free_port()
        server = start_gunicorn(port, args.workers, env)
        wait_for(port)
        register_url = f"/workshop/{workshop_pk}/anmal/"
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            results = list(
                pool.map(
                    lambda key: sign_up(port, key, page_url, register_url, occasion_pk), sessions
                )
            )
        wall = time.perf_counter() - started

        confirmed, waitlisted, taken, overbooked = outcome(workshop_pk, occasion_pk, args.capacity)
        kinds = confirmed_kinds(occasion_pk)

        failed_requests = sum(1 for ok, _ms in results if not ok)
        missing = args.users - confirmed - waitlisted
        errors = max(failed_requests, missing)
        latencies = sorted(ms for ok, ms in results if ok)
        p50 = statistics.median(latencies) if latencies else 0.0
        p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
        print(
            f"engine={engine} occasions=3 users={args.users} capacity={args.capacity} "
            f"gunicorn_workers={args.workers} client_threads={args.concurrency} "
            f"wall_s={wall:.2f} seat_counter={taken} confirmed_kinds={','.join(kinds)}"
        )
        print(
            f"confirmed={confirmed} waitlisted={waitlisted} errors={errors} "
            f"overbooked={overbooked} p50_ms={p50:.1f} p95_ms={p95:.1f}"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
