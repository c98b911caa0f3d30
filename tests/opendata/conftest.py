"""Public content next to what must never leave the portal: a draft, a private page, a
workshop's meeting link and seats, the owner of a good example."""

import pytest
from wagtail.models import PageViewRestriction

from organisations.models import County

from ..factories import (
    GoodExamplePageFactory,
    GuidancePageFactory,
    MethodFactory,
    TargetGroupFactory,
    ThemeFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

SECRET_LINK = "https://mote.example.se/hemligt-rum"


@pytest.fixture
def workshop_index(home_page):
    return WorkshopIndexPageFactory(parent=home_page)


@pytest.fixture
def content(support_area, guidance_page, good_example, workshop_index, make_person):
    """Published, draft and private pages of every kind the API and feeds show."""
    youth = TargetGroupFactory(name="Unga i riskzon", slug="unga-i-riskzon")
    rbm = MethodFactory(name="RBM-modellen", slug="rbm", evidence_status="recommended")
    guidance_page.target_groups.set([youth])
    guidance_page.methods.set([rbm])
    guidance_page.save_revision().publish()
    owner = make_person("anna.andersson@kalmar.se", first_name="Anna")
    good_example.owner = owner
    good_example.save()
    draft = GuidancePageFactory(parent=support_area, title="Utkast om skolan", live=False)
    private = GuidancePageFactory(parent=support_area, title="Intern vägledning")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    other_example = GoodExamplePageFactory(
        parent=good_example.get_parent(), title="Ett annat exempel", year=2023
    )
    workshop = WorkshopPageFactory(
        parent=workshop_index,
        title="RBM i praktiken",
        theme=ThemeFactory(name="Samverkan med BUP", slug="samverkan-med-bup"),
        support_area=support_area,
        format="hybrid",
        place="Kalmar stadshus",
        county=County.objects.get(code="08"),
        capacity=17,
        per_organisation_cap=3,
        meeting_link=SECRET_LINK,
    )
    return {
        "guidance": guidance_page,
        "draft": draft,
        "private": private,
        "example": good_example,
        "other_example": other_example,
        "owner": owner,
        "workshop": workshop,
        "method": rbm,
        "target_group": youth,
    }
