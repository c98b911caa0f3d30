"""Review dates: readers see when guidance is overdue, editors see which guidance is."""

import datetime
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from portal.admin_views import REVIEW_PER_PAGE
from portal.models import GuidancePage
from tests.factories import GuidancePageFactory, SupportAreaPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/vagledning-att-granska/"


def months_ago(months, days=0):
    return timezone.localdate() - relativedelta(months=months) - datetime.timedelta(days=days)


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_due_date_follows_last_reviewed_and_interval(support_area):
    page = GuidancePageFactory(
        parent=support_area, last_reviewed=datetime.date(2025, 1, 31), review_interval_months=6
    )
    page.refresh_from_db()
    assert page.review_due == datetime.date(2025, 7, 31)
    page.last_reviewed = datetime.date(2025, 3, 1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.review_due == datetime.date(2025, 9, 1)


def test_new_guidance_is_reviewed_yearly_by_default(support_area):
    page = GuidancePageFactory(parent=support_area, last_reviewed=datetime.date(2025, 2, 3))
    assert page.review_interval_months == 12
    page.refresh_from_db()
    assert page.review_due == datetime.date(2026, 2, 3)


def test_overdue_guidance_says_so_and_keeps_its_review_date(client, support_area):
    reviewed = months_ago(13)
    page = GuidancePageFactory(parent=support_area, last_reviewed=reviewed)
    body = text(client.get(page.url))
    assert f'Senast granskad <time datetime="{reviewed:%Y-%m-%d}">' in body
    assert 'class="review-notice" role="note"' in body
    due = reviewed + relativedelta(months=12)
    assert f'Innehållet skulle ha granskats senast <time datetime="{due:%Y-%m-%d}">' in body


@pytest.mark.parametrize(
    ("reviewed", "interval"),
    [
        (lambda: months_ago(11), 12),  # within the year
        (lambda: months_ago(12), 12),  # due today: not yet overdue
        (lambda: months_ago(20), 24),  # a longer interval chosen by the editor
    ],
)
def test_guidance_within_its_interval_has_no_notice(client, support_area, reviewed, interval):
    last_reviewed = reviewed()
    page = GuidancePageFactory(
        parent=support_area, last_reviewed=last_reviewed, review_interval_months=interval
    )
    body = text(client.get(page.url))
    assert f'Senast granskad <time datetime="{last_reviewed:%Y-%m-%d}">' in body
    assert "review-notice" not in body
    assert "skulle ha granskats" not in body


def test_the_notice_comes_with_the_due_date_passing(support_area):
    page = GuidancePageFactory(parent=support_area, last_reviewed=datetime.date(2025, 5, 10))
    assert not page.is_review_overdue(today=datetime.date(2026, 5, 10))
    assert page.is_review_overdue(today=datetime.date(2026, 5, 11))


def test_report_lists_exactly_the_overdue_guidance_oldest_first(client, editor, support_area):
    other_area = SupportAreaPageFactory(
        parent=support_area.get_parent(), title="Sammanhang och systematik"
    )
    GuidancePageFactory(parent=support_area, title="Färsk", last_reviewed=months_ago(2))
    GuidancePageFactory(parent=support_area, title="Nyss försenad", last_reviewed=months_ago(12, 3))
    GuidancePageFactory(parent=other_area, title="Längst försenad", last_reviewed=months_ago(30))
    GuidancePageFactory(
        parent=support_area,
        title="Två år mellan granskningar",
        last_reviewed=months_ago(18),
        review_interval_months=24,
    )
    oldest = GuidancePage.objects.get(title="Längst försenad")
    draft = GuidancePageFactory(
        parent=support_area, title="Opublicerad", last_reviewed=months_ago(30)
    )
    draft.unpublish()

    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    body = text(response)
    titles = re.findall(r"<tr> <td>([^<]+)</td>", body)
    assert titles == ["Längst försenad", "Nyss försenad"]
    assert "<td>Sammanhang och systematik</td>" in body
    assert "<td>3 dagar</td>" in body
    assert f'href="/admin/pages/{oldest.pk}/edit/"' in body
    due = months_ago(30) + relativedelta(months=12)
    assert f'<time datetime="{due:%Y-%m-%d}">' in body


def test_report_says_when_nothing_is_overdue(client, editor, support_area):
    GuidancePageFactory(parent=support_area, last_reviewed=months_ago(1))
    client.force_login(editor)
    body = text(client.get(REPORT))
    assert "Ingen vägledning har passerat sitt granskningsdatum." in body


def test_report_is_paginated(client, editor, support_area):
    for number in range(REVIEW_PER_PAGE + 2):
        GuidancePageFactory(
            parent=support_area,
            title=f"Vägledning {number:02}",
            last_reviewed=months_ago(13, number),
        )
    client.force_login(editor)
    first = text(client.get(REPORT))
    second = text(client.get(REPORT + "?p=2"))
    assert first.count("<tr> <td>Vägledning") == REVIEW_PER_PAGE
    assert second.count("<tr> <td>Vägledning") == 2
    assert "Sida 2 av 2" in second
    # The longest overdue (reviewed longest ago) comes first.
    assert "<tr> <td>Vägledning 26</td>" in first
    assert "<tr> <td>Vägledning 00</td>" in second


def test_a_member_cannot_see_the_report(client, member_a, support_area):
    GuidancePageFactory(parent=support_area, title="Försenad", last_reviewed=months_ago(13))
    client.force_login(member_a)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Försenad" not in response.content.decode()


def test_dashboard_counts_overdue_guidance_for_editors(client, editor, support_area):
    GuidancePageFactory(parent=support_area, last_reviewed=months_ago(13))
    GuidancePageFactory(parent=support_area, last_reviewed=months_ago(14))
    GuidancePageFactory(parent=support_area, last_reviewed=months_ago(1))
    client.force_login(editor)
    body = text(client.get("/admin/"))
    assert "2 vägledningar har passerat sitt granskningsdatum." in body
    assert f'href="{REPORT}"' in body
