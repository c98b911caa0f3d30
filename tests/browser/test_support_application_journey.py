"""From "Ansök om stöd" to a submitted application (issue 17): a municipality's coordinator
applies alone, names the manager, who confirms with the one-time code from the email; the
application page and the anchoring page pass axe with no violations.

The offer page (another part of issue 17) is not in this branch's demo yet, so the journey
starts where its "Ansök om stöd" leads: /stod/ansokan/?aktivitet=<pk>. The demo has no
open round in this branch either: the test makes one if there is none."""

import datetime
import re
import uuid

from django.utils import timezone

from organisations.models import Organisation
from portal.models import SupportAreaPage
from support.models import Application, ApplicationRound, SupportActivity

from .helpers import axe_violations, log_in


def _open_round():
    now = timezone.now()
    existing = ApplicationRound.objects.filter(opens_at__lte=now, deadline__gte=now).first()
    return existing or ApplicationRound.objects.create(
        title="Ansökningsomgång för testerna",
        opens_at=now - datetime.timedelta(days=1),
        deadline=now + datetime.timedelta(days=30),
    )


def _offered_activity():
    return SupportActivity.objects.filter(
        is_offered=True
    ).first() or SupportActivity.objects.create(
        support_area=SupportAreaPage.objects.order_by("path").first(),
        title="Processtöd för lokal samverkan",
        format="process_support",
        description="Teamet stöttar kommunens arbetsgrupp.",
        asks_of_municipality="En arbetsgrupp med mandat.",
        duration="Ett år",
    )


def _manager_address(organisation):
    domain = organisation.email_domains.values_list("domain", flat=True).first() or "example.se"
    return f"chef-{uuid.uuid4().hex[:8]}@{domain}"


def test_a_coordinator_applies_and_the_manager_confirms_with_the_code(
    open_page, person, mailoutbox
):
    _open_round()
    activity = _offered_activity()
    coordinator = person("Mönsterås", role="coordinator", first_name="Moa")
    organisation = Organisation.objects.get(name="Mönsterås")
    manager_email = _manager_address(organisation)

    page = open_page()
    log_in(page, coordinator)
    page.goto(f"/stod/ansokan/?aktivitet={activity.pk}")
    page.get_by_role("button", name=re.compile("Påbörja ansökan|Öppna ansökan")).click()
    page.wait_for_url(re.compile(r"/stod/ansokan/\d+/$"))
    application = Application.objects.filter(lead=organisation, status="draft").get()
    assert page.get_by_role("checkbox", name=activity.title).is_checked()

    page.get_by_label("Vad vill ni uppnå?").fill("Tidigare upptäckt av barn i riskzonen.")
    page.get_by_label("Hur tas stödet in i det ordinarie arbetet?").fill(
        "I ledningsgruppens årsplan, med uppföljning varje kvartal."
    )
    page.get_by_role("button", name="Spara", exact=True).click()
    page.get_by_text("Ansökan är sparad.").wait_for()

    page.get_by_label("Chefens namn").fill("Stina Chef")
    page.get_by_label("Chefens befattning").fill("Socialchef")
    page.get_by_label("Chefens e-postadress i tjänsten").fill(manager_email)
    page.get_by_role("button", name="Skicka förfrågan till chefen").click()
    page.get_by_text("Stina Chef har fått ett mejl").wait_for()
    assert axe_violations(page) == []  # with the confirmation message shown

    [request] = [m for m in mailoutbox if m.to == [manager_email]]
    link = re.search(r"(http://\S+/stod/ansokan/forankring/\S+/)", request.body)[1]

    # The manager has no account: a code by email.
    manager = open_page()
    manager.goto(link)
    assert "Tidigare upptäckt" not in manager.content()
    assert axe_violations(manager) == []
    manager.get_by_role("button", name="Skicka en kod").click()
    manager.get_by_label("Kod från mejlet").wait_for()
    [code_email] = [m for m in mailoutbox if m.to == [manager_email] and m is not request]
    code = re.search(r"^(\d{6})$", code_email.body, re.MULTILINE)[1]
    manager.get_by_label("Kod från mejlet").fill(code)
    manager.get_by_role("button", name="Fortsätt").click()
    manager.get_by_text("Tidigare upptäckt av barn i riskzonen.").wait_for()
    assert axe_violations(manager) == []
    manager.get_by_label("Ja, jag bekräftar att ansökan är förankrad").check()
    manager.get_by_role("button", name="Skicka svaret").click()
    manager.get_by_role("heading", name="Tack för ditt svar").wait_for()

    page.reload()
    page.get_by_role("button", name="Skicka in ansökan").click()
    page.get_by_text("Ansökan är inskickad till förstärkningsteamet.").wait_for()
    application.refresh_from_db()
    assert application.status == "submitted"
    assert any(
        m.to == [coordinator.email] and "Ansökan om stöd är inskickad" in m.subject
        for m in mailoutbox
    )
