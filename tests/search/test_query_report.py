"""The editors' query report: what is searched on /sok/ and what finds nothing, counted per
query and day, with nothing about who searched and no query that may hold personal data."""

import datetime
import threading
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from search import querylog
from search.models import SearchQueryDay

from ..factories import GuidancePageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/sokningar/"


@pytest.fixture
def page(committed, support_area):
    with committed():
        page = GuidancePageFactory(
            parent=support_area, title="Samverkan kring barn", summary="Om samverkan."
        )
        page.save_revision().publish()
    return page


def counts():
    return {
        row.query: (row.searches, row.zero_result_searches)
        for row in SearchQueryDay.objects.filter(date=timezone.localdate())
    }


def test_searches_and_searches_without_hits_are_counted_per_query(client, page):
    client.get("/sok/", {"q": "Samverkan"})
    client.get("/sok/", {"q": "  samverkan  "})
    client.get("/sok/", {"q": "SAMVERKAN   kring barn"})
    client.get("/sok/", {"q": "zebrafink"})
    client.get("/sok/", {"q": "zebrafink"})
    client.get("/sok/")  # no query: nothing to count
    assert counts() == {
        "samverkan": (2, 0),
        "samverkan kring barn": (1, 0),
        "zebrafink": (2, 2),
    }


def test_paging_sorting_and_facets_do_not_count_the_search_again(client, committed, support_area):
    with committed():
        for number in range(12):
            GuidancePageFactory(
                parent=support_area, title=f"Samverkan {number}", summary="Samverkan."
            ).save_revision().publish()
    client.get("/sok/", {"q": "samverkan"})
    client.get("/sok/", {"q": "samverkan", "sida": "2"})
    client.get("/sok/", {"q": "samverkan", "sortering": "datum"})
    client.get("/sok/", {"q": "samverkan", "kind": "guidance"})
    assert counts() == {"samverkan": (1, 0)}


@pytest.mark.parametrize(
    "query",
    [
        "121212-1212",
        "Kalle 19121212-1212",
        "barn 1212121212 oro",
        "121212+1212",
        "201212121212",
        "１２１２１２－１２１２",  # full-width, as pasted from some documents
        "kalle.anka@example.se",
        "ring 070-123 45 67",
        "+46 70 123 45 67",
        # split by anything, or spelled out
        "811218_9876",
        "811218:9876",
        "811218*9876",
        "pnr811218x9876",
        "811218 nr 9876",
        "född 811218",
        "anna @ example.se",
        "anna(at)example.se",
    ],
)
def test_a_query_that_may_hold_personal_data_is_never_stored(client, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    assert not SearchQueryDay.objects.exists()


def test_years_and_ordinary_numbers_are_stored(client):
    for query in ("handlingsplan 2024-2026", "lss 9 §", "bup 2023 2024"):
        client.get("/sok/", {"q": query})
    assert set(counts()) == {"handlingsplan 2024-2026", "lss 9 §", "bup 2023 2024"}


def test_nothing_about_who_searched_is_stored():
    fields = {field.name for field in SearchQueryDay._meta.get_fields()}
    assert fields == {"id", "query", "date", "searches", "zero_result_searches"}


def test_a_personal_number_after_the_cut_is_not_stored_either(client):
    # The search cuts the query at 200 characters; the check reads what was typed.
    client.get("/sok/", {"q": "ord " * 48 + "811218 9876"})
    assert not SearchQueryDay.objects.exists()


def test_a_day_takes_a_bounded_number_of_different_queries(client, monkeypatch):
    monkeypatch.setattr(querylog, "MAX_NEW_QUERIES_PER_DAY", 2)
    for query in ("ett", "två", "tre", "ett"):
        client.get("/sok/", {"q": query})
    assert counts() == {"ett": (2, 2), "två": (1, 1)}


def test_a_long_query_is_stored_as_it_was_searched(client):
    client.get("/sok/", {"q": "ord " * 100})
    (query,) = counts()
    assert len(query) <= querylog.MAX_QUERY_LENGTH
    assert query.startswith("ord ord")


def test_the_search_page_works_when_the_report_cannot_be_written(client, page, caplog):
    with mock.patch.object(
        SearchQueryDay.objects, "filter", side_effect=OperationalError("database is locked")
    ):
        response = client.get("/sok/", {"q": "samverkan"})
    assert response.status_code == 200
    assert f'href="{page.url}"' in response.content.decode()
    assert "could not be counted" in caplog.text
    assert "samverkan" not in caplog.text  # the query is not logged either


def test_a_row_created_by_another_request_in_between_is_counted_not_lost():
    """Two requests find no row; both create; the loser of the race updates instead."""
    real_count = querylog._count
    calls = []

    def first_finds_nothing(query, date, zero):
        calls.append(query)
        if len(calls) == 1:
            # Meanwhile another request creates the row.
            SearchQueryDay.objects.create(
                query=query, date=date, searches=1, zero_result_searches=0
            )
            return 0
        return real_count(query, date, zero)

    with mock.patch.object(querylog, "_count", side_effect=first_finds_nothing):
        assert querylog.record("samverkan", hits=0)
    assert counts() == {"samverkan": (2, 1)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_searches_lose_no_counts():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL): SQLite serialises writers")
    errors = []

    def search():
        try:
            for _ in range(10):
                querylog.record("samverkan", hits=3)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=search) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert counts() == {"samverkan": (40, 0)}


def add_day(query, days_ago, searches, zero=0):
    SearchQueryDay.objects.create(
        query=query,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        searches=searches,
        zero_result_searches=zero,
    )


def test_editors_see_the_most_frequent_queries_and_those_without_hits(client, editor):
    add_day("samverkan", 0, 5)
    add_day("samverkan", 3, 4)
    add_day("sip", 1, 3)
    add_day("zebrafink", 2, 2, zero=2)
    add_day("gammal sökning", 20, 50, zero=50)
    client.force_login(editor)

    html = client.get(REPORT, {"dagar": "7"}).content.decode()
    frequent, empty = html.split('id="empty"')
    assert frequent.index("samverkan") < frequent.index("sip") < frequent.index("zebrafink")
    assert "<td>9</td>" in frequent  # samverkan, both days
    assert "gammal sökning" not in html
    assert "zebrafink" in empty
    assert "samverkan" not in empty
    promote = reverse("wagtailsearchpromotions:add") + "?q=zebrafink"
    synonym = reverse("wagtailsnippets_search_synonym:add") + "?term=zebrafink"
    assert f'href="{promote}"' in empty
    assert f'href="{synonym}"' in empty

    html = client.get(REPORT, {"dagar": "30"}).content.decode()
    assert "gammal sökning" in html.split('id="empty"')[1]


def test_the_report_links_lead_to_forms_filled_in_with_the_query(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailsearchpromotions:add"), {"q": "zebrafink"}).content
    assert 'value="zebrafink"' in html.decode()
    html = client.get(reverse("wagtailsnippets_search_synonym:add"), {"term": "zebrafink"}).content
    assert 'value="zebrafink"' in html.decode()


def test_the_report_is_paginated(client, editor):
    for number in range(30):
        add_day(f"fråga {number:02}", 0, 100 - number)
    client.force_login(editor)
    first = client.get(REPORT).content.decode()
    assert "fråga 00" in first and "fråga 29" not in first
    assert "Sida 1 av 2" in first
    second = client.get(REPORT, {"p": "2"}).content.decode()
    assert "fråga 29" in second and "fråga 00" not in second


def test_the_report_is_in_the_reports_menu_for_editors_only(client, editor, member_a):
    client.force_login(editor)
    assert '"/admin/sokningar/"' in client.get("/admin/").content.decode()  # under Reports
    client.force_login(member_a)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/login/" in response["Location"]


def test_an_admin_user_without_the_editors_permission_is_refused(client, make_person):
    from django.contrib.auth.models import Group, Permission

    user = make_person("admin-only@example.se")
    group = Group.objects.create(name="Bara admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get(REPORT)
    # Wagtail sends them to the dashboard with "no permission"; never the report.
    assert (response.status_code, response.get("Location")) in ((302, "/admin/"), (403, None))
    assert "/admin/sokningar/" not in client.get("/admin/").content.decode()


def test_prune_deletes_old_days_and_can_run_again(capsys):
    add_day("samverkan", 0, 1)
    add_day("samverkan", 365, 1)
    add_day("samverkan", 366, 1)
    add_day("sip", 500, 1)
    call_command("prune_search_queries", "--days", "365")
    assert "Deleted 2" in capsys.readouterr().out
    assert SearchQueryDay.objects.count() == 2
    call_command("prune_search_queries", "--days", "365")
    assert "Deleted 0" in capsys.readouterr().out
    assert SearchQueryDay.objects.count() == 2
