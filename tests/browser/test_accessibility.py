"""axe-core finds no WCAG 2.1 A or AA violation on the pages people use most, and the
workshop registration can be done with the keyboard alone."""

import pytest

from .helpers import axe_violations, log_in


def first_live(model):
    return model.objects.live().public().order_by("path").first().url


def upcoming_workshop_url():
    from events.models import WorkshopPage
    from events.services.listing import filter_workshops

    return filter_workshops(WorkshopPage.objects.all()).first().url


def overdue_guidance_url():
    """The guidance on the child's participation, made overdue for review whatever today is."""
    import datetime

    from portal.models import GuidancePage

    guidance = GuidancePage.objects.get(slug="barnets-delaktighet")
    guidance.last_reviewed = datetime.date.today() - datetime.timedelta(days=800)
    guidance.save_revision().publish()
    return guidance.url


PUBLIC_PAGES = {
    "startsidan": lambda: "/",
    "stödområde": lambda: first_live(__import__("portal.models").models.SupportAreaPage),
    "vägledning": lambda: first_live(__import__("portal.models").models.GuidancePage),
    "vägledning med granskning försenad": overdue_guidance_url,
    "goda exempel": lambda: "/goda-exempel/",
    "goda exempel, filtrerat": lambda: "/goda-exempel/?prevention_level=selective&county=08",
    "annat nationellt stöd": lambda: "/annat-nationellt-stod/",
    "annat nationellt stöd, filtrerat": lambda: (
        "/annat-nationellt-stod/?actor_kind=agency&target_group=barn-i-riskzon"
    ),
    "annat nationellt stöd, utan träff": lambda: (
        "/annat-nationellt-stod/?support_area=samverkan-med-bup"
    ),
    "nationellt stöd": lambda: first_live(__import__("portal.models").models.OtherSupportPage),
    "workshop": upcoming_workshop_url,
    "sökresultat": lambda: "/sok/?q=samverkan",
    "sökning utan träff": lambda: "/sok/?q=xyzzyqwerty",
    "kommunsida": lambda: "/kommuner/kalmar/",
    "skapa konto": lambda: "/konto/signup/",
    "logga in": lambda: "/konto/login/",
    "tillgänglighetsredogörelse": lambda: "/tillganglighet/",
}


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_violations(page, name):
    response = page.goto(PUBLIC_PAGES[name]())
    assert response.status == 200
    assert axe_violations(page) == []


MEMBER_PAGES = {
    "mina sidor": lambda: "/mina-sidor/",
    "workshop med anmälan": upcoming_workshop_url,
    "nätverk med diskussion": lambda: "/kommuner/natverk/pilotkommunernas-erfarenhetsutbyte/",
    "ladda upp dokument i nätverk": lambda: (
        "/kommuner/natverk/pilotkommunernas-erfarenhetsutbyte/dokument/ny/"
    ),
    "kommunprofil": lambda: "/kommuner/kalmar/profil/",
    "kontakta en kommun": lambda: "/kommuner/malmo/kontakta/",
    "föreslå ett nätverk": lambda: "/kommuner/natverk/foresla/",
    "nätverkets möten": lambda: "/kommuner/natverk/pilotkommunernas-erfarenhetsutbyte/moten/",
}


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_signed_in_page_has_no_violations(page, person, name):
    log_in(page, person("Kalmar", role="coordinator", first_name="Kim"))
    response = page.goto(MEMBER_PAGES[name]())
    assert response.status == 200
    assert axe_violations(page) == []


EDITOR_PAGES = {
    # name: (path, a text the page must show)
    "vägledning att granska": (
        lambda: (overdue_guidance_url(), "/admin/vagledning-att-granska/")[1],
        "Barnets delaktighet i det brottsförebyggande arbetet",
    ),
    "adminstartsidan med granskning": (
        lambda: (overdue_guidance_url(), "/admin/")[1],
        "har passerat sitt granskningsdatum",
    ),
}


@pytest.mark.parametrize("name", EDITOR_PAGES)
def test_editor_page_has_no_violations(page, person, name):
    path, shown = EDITOR_PAGES[name]
    log_in(page, person(editor=True, first_name="Ella"))
    response = page.goto(path())
    assert response.status == 200
    assert page.get_by_text(shown, exact=False).first.is_visible()
    assert axe_violations(page) == []


def test_form_with_errors_has_no_violations(page):
    page.goto("/konto/signup/")
    page.get_by_label("E-post").fill("ny.person@example.se")
    page.get_by_label("Förnamn").fill("Ny")
    page.get_by_label("Efternamn").fill("Person")
    page.locator("#id_password1").fill("Ett-långt-lösenord-42")
    page.locator("#id_password2").fill("Ett-annat-lösenord-42")
    page.get_by_role("button", name="Skapa konto").click()
    assert page.get_by_text("Något behöver rättas").is_visible()
    assert axe_violations(page) == []


def test_the_audit_finds_what_it_should(page):
    """The audit is not blind: a field without a label and an image without a text
    alternative are reported."""
    page.goto("/")
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="  # no request, so nothing 404s
    page.evaluate(
        """(pixel) => document.querySelector('main').insertAdjacentHTML(
            'beforeend', `<input type="text"><img src="${pixel}">`)""",
        pixel,
    )
    found = " ".join(axe_violations(page))
    assert "label" in found
    assert "image-alt" in found


def assert_reflows_at_320(page, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('main *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .map((el) => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`)
            .slice(0, 5)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, too_wide


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_content_reflows_at_320_pixels_without_sideways_scrolling(page, name):
    """WCAG 1.4.10: at 320 CSS pixels (400 % zoom on a 1280 px screen) nothing needs
    scrolling in two directions."""
    assert_reflows_at_320(page, PUBLIC_PAGES[name]())


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_signed_in_content_reflows_at_320_pixels(page, person, name):
    log_in(page, person("Kalmar", role="coordinator", first_name="Kim"))
    assert_reflows_at_320(page, MEMBER_PAGES[name]())
