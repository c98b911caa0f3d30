"""Self-assessment (issue 17): a member of a demo municipality reads the offer, starts the
questionnaire, saves a draft; a colleague continues it and marks it as completed, and
sees strengths and gaps with links to guidance; a repeat starts from those answers and
shows what changed. axe finds nothing on the questionnaire nor on either result."""

from portal.models import GuidancePage, SupportAreaPage
from support.models import SelfAssessment

from .helpers import axe_violations, log_in

TITLE = "Nulägesanalys: samverkan med BUP"


def test_from_the_offer_to_a_completed_self_assessment(open_page, person):
    maja = person("Borås", first_name="Maja")
    member = open_page()
    log_in(member, maja)

    # The offer shows the activities and leads to the self-assessment.
    member.goto("/stod/")
    assert member.get_by_role("link", name="Ansök om stöd").count() >= 4
    member.get_by_role("link", name="Gör en nulägesanalys").click()
    member.get_by_role("button", name=f"Starta {TITLE}").click()
    member.get_by_role("heading", name=TITLE, level=1).wait_for()
    assert axe_violations(member) == []

    # She answers two questions and saves a draft.
    first = member.get_by_role("group", name="Finns en överenskommelse med regionen")
    first.get_by_label("Delvis på plats").check()
    second = member.get_by_role("group", name="Vet handläggarna vad en remiss")
    second.get_by_label("Inte påbörjat").check()
    member.get_by_role("button", name="Spara utkast").click()
    member.get_by_text("Utkastet är sparat").wait_for()
    assessment = SelfAssessment.objects.get(organisation__name="Borås", questionnaire__title=TITLE)
    assert assessment.is_draft and assessment.answers.count() == 2

    # Completing too early: the missing answers are pointed out, nothing is lost.
    member.get_by_role("button", name="Markera som klar").click()
    member.get_by_text("Något behöver rättas").wait_for()
    assert (
        member.get_by_role("group", name="Finns en överenskommelse")
        .get_by_label("Delvis på plats")
        .is_checked()
    )
    assert axe_violations(member) == []

    # A colleague opens the same draft from Mina sidor and completes it.
    colleague = open_page()
    log_in(colleague, person("Borås", first_name="Kalle"))
    colleague.get_by_role("link", name=TITLE).first.click()
    colleague.get_by_text("senast ändrat av Maja Testsson").wait_for()
    assert (
        colleague.get_by_role("group", name="Vet handläggarna")
        .get_by_label("Inte påbörjat")
        .is_checked()
    )
    colleague.get_by_role("group", name="Har ni kontaktpersoner").get_by_label(
        "På plats", exact=True
    ).check()
    colleague.get_by_role("group", name="Löser ni oenighet").get_by_label("Vet inte").check()
    colleague.get_by_label("Vad fungerar bäst").fill("Remisserna kommer fram snabbare nu.")
    colleague.get_by_role("button", name="Markera som klar").click()
    colleague.get_by_role("status").filter(has_text="Analysen är klar").wait_for()

    # The result: a strength, a gap and where to read more.
    main = colleague.locator("main")
    assert "Har ni kontaktpersoner hos varandra som ni träffar regelbundet? – På plats" in (
        main.inner_text()
    )
    assert "Vet handläggarna vad en remiss till BUP behöver innehålla? – Inte påbörjat" in (
        main.inner_text()
    )
    area = SupportAreaPage.objects.get(slug="samverkan-med-bup")
    guidance = GuidancePage.objects.live().child_of(area).order_by("path").first()
    link = main.get_by_role("link", name=guidance.title)
    assert link.get_attribute("href") == guidance.url
    assert colleague.get_by_role("button", name="Gör en ny analys").is_visible()
    assert axe_violations(colleague) == []  # with the confirmation message shown
    assessment.refresh_from_db()
    assert assessment.status == "completed"

    # A new analysis starts from the last answers; one better answer shows as a change.
    colleague.get_by_role("button", name="Gör en ny analys").click()
    second = colleague.get_by_role("group", name="Vet handläggarna")
    assert second.get_by_label("Inte påbörjat").is_checked()
    second.get_by_label("Delvis på plats").check()
    colleague.get_by_role("button", name="Markera som klar").click()
    colleague.get_by_role("status").filter(has_text="Analysen är klar").wait_for()
    row = colleague.get_by_role("row", name="Vet handläggarna vad en remiss", exact=False)
    assert "högre än förra gången" in row.inner_text()
    assert axe_violations(colleague) == []
    assert (
        SelfAssessment.objects.filter(organisation__name="Borås", status="completed").count() == 2
    )
