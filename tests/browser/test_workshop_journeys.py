"""A member signs up for a workshop, gets the confirmation, cancels, and the first on the
waitlist is offered the seat and confirms it from the email; a member chooses one of a
workshop's dates, joins its waitlist and takes the seat offered; and the same sign-up done
with the keyboard alone."""

import re

from events.models import Registration

from .helpers import axe_violations, log_in, make_workshop, tab_to


def offer_link(mailoutbox, email):
    """The confirmation link in the offer emailed to `email`, as a path."""
    (offer,) = [m for m in mailoutbox if m.to == [email] and "väntar på dig" in m.subject]
    return re.search(r"https?://[^/\s]+(/workshop/erbjudande/\S+/)", offer.body)[1]


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
    assert [m.subject for m in promoted] == ["En plats väntar på dig: Uppföljning i praktiken"]
    waiting.goto(workshop.url)
    assert waiting.get_by_text("En plats hålls åt dig till").is_visible()
    waiting.goto(offer_link(mailoutbox, second.email))
    waiting.get_by_role("button", name="Bekräfta min plats").click()
    assert waiting.get_by_role("status").filter(has_text="Platsen är din").is_visible()
    waiting.goto(workshop.url)
    assert waiting.get_by_text("Du har en plats.").is_visible()
    statuses = dict(
        Registration.objects.filter(workshop=workshop).values_list("user__email", "status")
    )
    assert statuses == {first.email: "cancelled", second.email: "confirmed"}


def test_choose_a_date_join_its_waitlist_and_confirm_the_offered_seat(
    open_page, person, mailoutbox
):
    from events import services

    workshop = make_workshop("Samverkan på två datum", capacity=1, dates=2)
    first, second = workshop.occasions.order_by("sort_order")
    holder = person("Kalmar", first_name="Hanna")
    services.register(second, holder)  # the second date is full
    member = person("Växjö", first_name="Maja")

    page = open_page()
    log_in(page, member)
    page.goto(workshop.url)
    dates = page.locator(".occasions > li")
    assert dates.count() == 2
    assert dates.nth(0).get_by_text("1 plats kvar").is_visible()
    assert dates.nth(1).get_by_text("Fullbokad").is_visible()
    assert axe_violations(page) == []
    dates.nth(1).get_by_role("button", name=re.compile("^Ställ mig på väntelistan")).click()
    assert page.get_by_text("Du står som nummer 1 på väntelistan.").first.is_visible()
    assert Registration.objects.get(user=member).occasion == second

    mailoutbox.clear()
    registration = Registration.objects.get(user=holder)
    services.cancel(registration, by=holder)  # a seat frees up on the second date
    link = offer_link(mailoutbox, member.email)
    page.goto(link)
    assert page.get_by_role("heading", name="En plats på Samverkan på två datum").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Bekräfta min plats").click()
    assert page.get_by_role("status").filter(has_text="Platsen är din").is_visible()
    confirmed = Registration.objects.get(user=member)
    assert (confirmed.occasion, confirmed.status) == (second, "confirmed")
    assert [m.subject for m in mailoutbox if m.to == [member.email]][-1] == (
        "Du har fått en plats: Samverkan på två datum"
    )
    page.goto(link)
    assert page.get_by_text("Du har en plats.").is_visible()  # the link works once


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
