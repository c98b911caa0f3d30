"""Asking the team (issue 19): a member asks a question, sees a published answer to a
similar one before sending, changes and sends it; a team member takes and answers it; the
member reads the answer on Mina sidor and gets it by email. The question form and Mina
sidor have no accessibility violations."""

from support.models import TeamQuestion
from support.services import questions

from .helpers import axe_violations, log_in


def test_from_asking_to_reading_the_answer_on_my_pages(open_page, person, mailoutbox):
    member = person("Kalmar", first_name="Klara")
    team_member = person(editor=True, first_name="Tove")

    page = open_page()
    log_in(page, member)
    page.get_by_role("link", name="Fråga förstärkningsteamet").first.click()
    page.get_by_role("heading", name="Fråga förstärkningsteamet").wait_for()
    assert "aldrig handla om ett enskilt barn" in page.content()
    assert axe_violations(page) == []

    # A personal number is refused next to its field, with what was typed kept.
    page.get_by_label("Ämne").fill("Barnet 19121212-1212")
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_text("ser ut som ett personnummer").first.wait_for()
    assert page.get_by_label("Ämne").input_value() == "Barnet 19121212-1212"
    assert axe_violations(page) == []

    page.get_by_label("Ämne").fill("Uppföljning av SSPF")
    page.get_by_label("Din fråga").fill(
        "Hur följer vi upp SSPF utan att det blir extra administration?"
    )
    page.get_by_label("Stödområde").select_option(label="Sammanhang och systematik")
    page.get_by_role("group", name="Får teamet publicera").get_by_label("Ja").check()
    page.get_by_role("group", name="Får organisationens namn visas").get_by_label("Nej").check()
    page.get_by_role("button", name="Fortsätt").click()

    # A published answer to a similar question, before anything is sent.
    page.get_by_role("heading", name="Svar på liknande frågor").wait_for()
    similar = page.locator("ul.similar-answers li").filter(has_text="SSPF")
    assert similar.count() >= 1
    assert not TeamQuestion.objects.filter(asked_by=member).exists()
    assert axe_violations(page) == []

    # "Ändra" goes back with everything kept; then it is sent.
    page.get_by_role("button", name="Ändra").click()
    assert page.get_by_label("Ämne").input_value() == "Uppföljning av SSPF"
    assert "extra administration" in page.get_by_label("Din fråga").input_value()
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_role("button", name="Skicka frågan").click()
    page.get_by_role("status").wait_for()
    question = TeamQuestion.objects.get(asked_by=member)
    assert question.may_publish and not question.may_show_organisation

    # The team takes and answers it (the admin screens are tested in tests/support).
    questions.take(question, by=team_member)
    questions.answer(
        question, by=team_member, text="Välj tre mått som redan finns i ert ordinarie arbete."
    )
    assert any(member.email in m.to and "tre mått" in m.body for m in mailoutbox), (
        "the member gets the answer by email"
    )

    page.goto("/mina-sidor/")
    panel = page.locator("section", has=page.get_by_role("heading", name="Mina frågor"))
    panel.get_by_text("Uppföljning av SSPF").wait_for()
    assert "Välj tre mått" in panel.inner_text()
    assert "Besvarad" in panel.inner_text()
    assert axe_violations(page) == []

    panel.get_by_role("link", name="Uppföljning av SSPF").click()
    page.get_by_role("heading", name="Uppföljning av SSPF").wait_for()
    assert "Välj tre mått som redan finns i ert ordinarie arbete." in page.content()


def test_published_answers_are_listed_by_support_area(page):
    page.goto("/fragor-och-svar/")
    page.get_by_role("heading", name="Frågor och svar", exact=True).wait_for()
    assert axe_violations(page) == []
    areas = page.get_by_role("navigation", name="Stödområden")
    areas.get_by_role(
        "link", name="Socialtjänstens kontakt med barn- och ungdomspsykiatrin"
    ).click()
    answers = page.locator("ul.cards li")
    assert answers.count() == 1
    answers.get_by_role("link").click()
    page.get_by_role("heading", name="Förstärkningsteamets svar").wait_for()
    assert axe_violations(page) == []
