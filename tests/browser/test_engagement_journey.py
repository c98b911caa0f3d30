"""Following an engagement (issue 18): a municipality's coordinator finds the engagement on
Mina sidor, reads the timeline with its overdue step, marks the step done and reads the
agreement. No accessibility violations on those pages."""

import datetime

from django.utils import timezone

from support.demo.engagements import MUNICIPALITY, TITLE
from support.models import Engagement, NextStep

from .helpers import axe_violations, log_in


def test_a_coordinator_reads_the_timeline_and_marks_a_step_done(open_page, person):
    coordinator = person(MUNICIPALITY, role="coordinator", first_name="Siri")
    engagement = Engagement.objects.get(title=TITLE)
    step = NextStep.objects.create(
        engagement=engagement,
        phase="needs",
        what="Boka lokal för workshoppen",
        owner="municipality",
        owner_role="samordnare",
        due_on=timezone.localdate() - datetime.timedelta(days=3),
    )

    page = open_page()
    log_in(page, coordinator)
    page.goto("/mina-sidor/")
    panel = page.locator("section", has=page.get_by_role("heading", name="Insatser med"))
    assert "försenade" in panel.inner_text() or "försenat" in panel.inner_text()
    assert axe_violations(page) == []
    panel.get_by_role("link", name=TITLE).click()

    page.get_by_role("heading", name=TITLE, level=1).wait_for()
    item = page.locator("li", has_text="Boka lokal för workshoppen").last
    assert "Försenad" in item.inner_text()
    assert "Kommunen (samordnare)" in item.inner_text()
    assert axe_violations(page) == []

    item.get_by_role("button", name="Markera som klart").click()
    page.get_by_text("är markerat som klart").wait_for()
    step.refresh_from_db()
    assert step.done_by == coordinator
    item = page.locator("li", has_text="Boka lokal för workshoppen").last
    assert "Klart" in item.inner_text() and "Försenad" not in item.inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Läs överenskommelsen").click()
    page.get_by_role("heading", name="Version 2").wait_for()
    assert page.get_by_role("button", name=f"Bekräfta för {MUNICIPALITY}").count() == 1
    assert axe_violations(page) == []

    page.goto(f"/stod/insatser/{engagement.pk}/moten/")
    assert "teamets processledare" in page.content()
    assert axe_violations(page) == []
