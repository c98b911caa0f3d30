"""A colleague from a region's child and adolescent psychiatry (BUP) signs up, is approved
at once through the region's email domain, and registers for the demo's workshop on
collaboration with BUP, which is open to municipalities and regions."""

import datetime
import re

from django.utils import timezone

from events.models import Registration, WorkshopPage
from organisations.models import Organisation, OrganisationEmailDomain
from portal.models import Membership

from .helpers import PASSWORD


def link_in(message):
    return re.search(r"https?://\S+", message.body)[0]


def open_bup_workshop_for_registration():
    """The demo opens registration 60 days before the start; open it today."""
    workshop = WorkshopPage.objects.get(slug="bup-mellanrummen")
    workshop.registration_opens = timezone.now() - datetime.timedelta(days=1)
    workshop.save_revision().publish()
    return workshop


def test_a_region_colleague_signs_up_is_approved_by_domain_and_registers(open_page, mailoutbox):
    region = Organisation.objects.get(name="Region Kalmar län")
    OrganisationEmailDomain.objects.get_or_create(organisation=region, domain="regionkalmar.se")
    workshop = open_bup_workshop_for_registration()
    address = "bup.kurator@regionkalmar.se"

    page = open_page()
    page.goto("/konto/signup/")
    page.get_by_label("E-post").fill(address)
    page.get_by_label("Förnamn").fill("Rut")
    page.get_by_label("Efternamn").fill("Regionsson")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Skapa konto").click()
    page.get_by_role("heading", name="Verifiera din epost-adress").wait_for()
    (verification,) = mailoutbox
    page.goto(link_in(verification))
    page.get_by_role("button", name="Bekräfta").click()
    page.wait_for_url("**/mina-sidor/")

    mailoutbox.clear()
    page.get_by_role("link", name="Ansök om att företräda en organisation").click()
    page.get_by_label("Organisation").select_option(label="Region Kalmar län")
    page.get_by_label("Befattning och arbetsplats").fill("Kurator, BUP")
    page.get_by_role("button", name="Skicka förfrågan").click()
    page.wait_for_url("**/mina-sidor/")
    assert page.get_by_text("Du är Medlem för Region Kalmar län.").is_visible()
    assert [m.subject for m in mailoutbox] == ["Du är nu medlem för Region Kalmar län"]
    membership = Membership.objects.get(user__email=address)
    assert membership.approved_by_email_domain and membership.organisation == region

    page.goto(workshop.url)
    page.locator("dd", has_text="Kommuner och regioner").wait_for()
    page.get_by_role("button", name="Anmäl mig").click()
    assert page.get_by_role("status").filter(has_text="Du har en plats").is_visible()
    registration = Registration.objects.get(workshop=workshop, user__email=address)
    assert (registration.status, registration.organisation) == ("confirmed", region)
