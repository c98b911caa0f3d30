"""From "Ansök om stöd" to a submitted application (issue 17): a municipality's coordinator
applies alone from the offer page, names the manager, who confirms with the one-time code
from the email; the offer, application and anchoring pages pass axe with no violations.
The demo has the offer and an open round."""

import re
import uuid

from django.utils import timezone

from organisations.models import Organisation
from support.models import Application, ApplicationRound, SupportActivity

from .helpers import axe_violations, log_in


def _manager_address(organisation):
    domain = organisation.email_domains.values_list("domain", flat=True).first() or "example.se"
    return f"chef-{uuid.uuid4().hex[:8]}@{domain}"


def test_a_coordinator_applies_and_the_manager_confirms_with_the_code(
    open_page, person, mailoutbox
):
    activity = SupportActivity.objects.filter(is_offered=True).order_by("pk").first()
    assert ApplicationRound.objects.filter(
        opens_at__lte=timezone.now(), deadline__gte=timezone.now()
    ).exists()
    coordinator = person("Mönsterås", role="coordinator", first_name="Moa")
    organisation = Organisation.objects.get(name="Mönsterås")
    manager_email = _manager_address(organisation)

    page = open_page()
    log_in(page, coordinator)
    page.goto("/stod/")
    assert axe_violations(page) == []
    page.locator(f"#aktivitet-{activity.pk}").get_by_role("link", name="Ansök om stöd").click()
    page.wait_for_url(re.compile(rf"/stod/ansokan/\?aktivitet={activity.pk}$"))
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
