"""A member signs up for a workshop, gets the confirmation, cancels, and the first on the
waitlist gets the seat; and the same sign-up done with the keyboard alone."""

import re

from events.models import Registration

from .helpers import log_in, make_workshop, tab_to


def test_register_cancel_and_the_waitlist_moves_up(open_page, person, mailoutbox):
    workshop = make_workshop("Uppföljning i praktiken", capacity=1)
    first, second = person("Kalmar", first_name="Frida"), person("Borås", first_name="Sam")

    member = open_page()
    log_in(member, first)
    member.goto(workshop.url)
    member.get_by_text("1 plats kvar").wait_for()
    member.get_by_role("button", name="Anmäl mig").click()
    assert member.get_by_role("status").filter(has_text="Du har en plats").is_visible()
    confirmation = next(m for m in mailoutbox if m.to == [first.email])
    assert confirmation.subject == "Bekräftad plats: Uppföljning i praktiken"
    assert confirmation.attachments[0][0].endswith(".ics")

    waiting = open_page()
    log_in(waiting, second)
    waiting.goto(workshop.url)
    waiting.get_by_text("Fullbokad").first.wait_for()
    waiting.get_by_role("button", name="Ställ mig på väntelistan").click()
    assert waiting.get_by_text("Du står som nummer 1 på väntelistan.").first.is_visible()

    mailoutbox.clear()
    member.goto("/mina-sidor/")
    member.get_by_role("button", name=re.compile("^Avboka")).click()
    assert member.get_by_role("status").filter(has_text="Din anmälan är avbokad").is_visible()

    promoted = [m for m in mailoutbox if m.to == [second.email]]
    assert [m.subject for m in promoted] == ["Du har fått en plats: Uppföljning i praktiken"]
    waiting.goto(workshop.url)
    assert waiting.get_by_text("Du har en plats.").is_visible()
    statuses = dict(
        Registration.objects.filter(workshop=workshop).values_list("user__email", "status")
    )
    assert statuses == {first.email: "cancelled", second.email: "confirmed"}


def test_register_with_the_keyboard_only(page, person, mailoutbox):
    workshop = make_workshop("Tangentbordets workshop", capacity=5)
    member = person("Sundsvall", first_name="Tove")

    page.goto("/")
    tab_to(page, page.get_by_role("link", name="Logga in"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/login/")
    tab_to(page, page.get_by_label("E-post"))
    page.keyboard.type(member.email)
    tab_to(page, page.get_by_label("Lösenord"))
    page.keyboard.type("Ett-långt-lösenord-42")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mina-sidor/")

    tab_to(
        page,
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Workshoppar"),
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/workshoppar/")
    tab_to(page, page.get_by_role("link", name="Tangentbordets workshop"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{workshop.url}")
    tab_to(page, page.get_by_role("button", name="Anmäl mig"))
    page.keyboard.press("Enter")

    page.get_by_role("status").filter(has_text="Du har en plats").wait_for()
    assert Registration.objects.get(workshop=workshop, user=member).status == "confirmed"
    assert [m.to for m in mailoutbox] == [[member.email]]


def test_the_first_tab_offers_a_skip_link_to_the_main_content(page):
    page.goto("/goda-exempel/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till huvudinnehållet")
    assert skip.evaluate("(el) => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
