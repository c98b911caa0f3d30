"""The team's reach (issue 18): an editor finds it under Stöd, reads the figures per county
and quarter, opens the list of reached municipalities; no accessibility violations."""

from django.utils import timezone

from organisations.models import Municipality
from support.services import reach

from .helpers import axe_violations, log_in


def test_an_editor_reads_the_reach_per_county(page, person):
    log_in(page, person(editor=True, first_name="Ella"))
    page.goto("/admin/")
    page.get_by_role("button", name="Stöd").click()
    page.get_by_role("link", name="Räckvidd").click()
    page.get_by_role("heading", name="Räckvidd").wait_for()
    assert axe_violations(page) == []

    # The demo's networks have members, so some municipalities are reached; other journeys
    # in this session may reach more (self-assessments, applications, engagements), so the
    # figure is checked against the database (tests/support/test_reach.py checks every
    # figure against direct counts).
    in_networks = Municipality.objects.filter(
        organisation__network_memberships__status="active"
    ).distinct()
    reached = reach.reached(reach.ANY, timezone.localdate())
    assert len(reached) >= in_networks.count() > 0
    assert f"{len(reached)} av 290 kommuner har nåtts" in page.locator("main").inner_text()
    table = page.get_by_role("table", name="Nådda kommuner per län och kanal")
    assert table.get_by_role("row").count() == 1 + 21
    page.get_by_role("table", name="Nådda kommuner i slutet av varje kvartal").wait_for()

    one = in_networks.select_related("county").first()
    page.get_by_text("nådda kommunerna").click()
    page.get_by_text(f"{one.name} ({one.county.name})").wait_for()
    assert axe_violations(page) == []
