"""A newcomer signs up, verifies the address, asks to join a municipality and is approved
by its coordinator, who signs in through the link in the email; a member's text with a
personal identity number is refused."""

import re

from portal.models import GoodExamplePage, Membership

from .helpers import PASSWORD, log_in


def link_in(message):
    return re.search(r"https?://\S+", message.body)[0]


def test_sign_up_verify_join_and_be_approved(open_page, person, mailoutbox):
    coordinator = person("Kiruna", role="coordinator", first_name="Kaisa")
    newcomer = open_page()

    newcomer.goto("/")
    newcomer.get_by_role("link", name="Skapa konto").click()
    newcomer.get_by_label("E-post").fill("nyanstalld@example.se")
    newcomer.get_by_label("Förnamn").fill("Nora")
    newcomer.get_by_label("Efternamn").fill("Nyström")
    newcomer.locator("#id_password1").fill(PASSWORD)
    newcomer.locator("#id_password2").fill(PASSWORD)
    newcomer.get_by_role("button", name="Skapa konto").click()
    newcomer.get_by_role("heading", name="Verifiera din epost-adress").wait_for()

    (verification,) = mailoutbox
    assert verification.to == ["nyanstalld@example.se"]
    newcomer.goto(link_in(verification))
    newcomer.get_by_role("button", name="Bekräfta").click()
    newcomer.wait_for_url("**/mina-sidor/")

    mailoutbox.clear()
    newcomer.get_by_role("link", name="Ansök om att företräda en organisation").click()
    newcomer.get_by_label("Organisation").select_option(label="Kiruna (Norrbottens län)")
    newcomer.get_by_label("Befattning och arbetsplats").fill("Socialsekreterare, barn och unga")
    newcomer.get_by_role("button", name="Skicka förfrågan").click()
    newcomer.get_by_text("väntar på organisationens kontaktperson").wait_for()

    received = {m.to[0]: m for m in mailoutbox}
    assert set(received) == {coordinator.email, "nyanstalld@example.se"}
    request = received[coordinator.email]
    assert request.subject == "Förfrågan om medlemskap i Kiruna"
    decision_link = re.search(r"http\S+/mina-sidor/beslut/\S+", request.body)[0]

    mailoutbox.clear()
    approver = open_page()  # the coordinator follows the link, which leads through sign-in
    approver.goto(decision_link)
    approver.wait_for_url("**/konto/login/**")
    assert not approver.get_by_text("Nora Nyström").count()
    approver.get_by_label("E-post").fill(coordinator.email)
    approver.get_by_label("Lösenord").fill(PASSWORD)
    approver.get_by_role("button", name="Logga in").click()
    approver.wait_for_url("**/mina-sidor/beslut/**")
    approver.get_by_text("Nora Nyström").wait_for()
    approver.get_by_role("button", name="Godkänn").click()
    approver.get_by_text("Förfrågan är hanterad").wait_for()

    assert [m.subject for m in mailoutbox] == ["Du är nu medlem för Kiruna"]
    newcomer.goto("/mina-sidor/")
    assert newcomer.get_by_text("Du är medlem för Kiruna").is_visible()
    membership = Membership.objects.get(user__email="nyanstalld@example.se")
    assert (membership.status, membership.decided_by) == ("approved", coordinator)


def test_personal_identity_number_is_refused_and_nothing_else_lost(page, person):
    log_in(page, person("Håbo", first_name="Hugo"))
    page.goto("/mina-sidor/goda-exempel/nytt/")
    typed = {
        "Rubrik": "Gemensam uppföljning av insatser",
        "Sammanfattning": "Vi följer upp insatserna tillsammans med skolan varje termin.",
        "Problemet": "Uppföljningen skedde i olika system och ingen hade helheten.",
        "Vad ni gjorde": "Vi gick igenom ärendet med pojken 121212-1212 och skolan.",
        "Resultat": "Färre avbrutna insatser under året.",
        "Lärdomar för andra kommuner": "Börja smått och bestäm vem som äger uppföljningen.",
    }
    for label, text in typed.items():
        page.get_by_label(label, exact=False).first.fill(text)
    page.get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Skicka till granskning").click()

    field = page.get_by_label("Vad ni gjorde", exact=False).first
    error_id = field.get_attribute("aria-describedby")
    assert "id_what_was_done_error" in error_id
    message = page.locator("#id_what_was_done_error")
    assert "ser ut som ett personnummer" in message.inner_text()
    assert "121212-1212" in message.inner_text()
    # The message sits with its field, and every other field keeps what was typed.
    its_field = page.locator(".field", has=page.locator("#id_what_was_done"))
    assert its_field.locator("#id_what_was_done_error").count() == 1
    for label, text in typed.items():
        if label != "Vad ni gjorde":
            assert page.get_by_label(label, exact=False).first.input_value() == text
    assert page.get_by_role("checkbox").first.is_checked()
    assert not GoodExamplePage.objects.filter(title=typed["Rubrik"]).exists()
