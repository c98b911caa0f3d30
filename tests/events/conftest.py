import datetime

import pytest
from django.utils import timezone

from organisations.models import Organisation

from ..factories import ThemeFactory, WorkshopIndexPageFactory, WorkshopPageFactory


@pytest.fixture
def workshop_index(home_page):
    return WorkshopIndexPageFactory(parent=home_page)


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Samverkan med BUP", slug="samverkan-med-bup")


@pytest.fixture
def workshop(workshop_index, theme):
    return WorkshopPageFactory(
        parent=workshop_index, title="RBM i praktiken", theme=theme, capacity=2
    )


@pytest.fixture
def soon():
    return lambda **delta: timezone.now() + datetime.timedelta(**delta)


@pytest.fixture
def make_member(db):
    """A person with a verified email address, approved for an organisation of any kind
    (a municipality's organisation, a region, a county board, ...)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from portal.models import Membership

    def make(email, organisation, role="member", first_name="Test", password="lösen-ord-123"):
        user = get_user_model().objects.create_user(
            email=email, password=password, first_name=first_name, last_name="Person"
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        Membership.objects.create(
            user=user, organisation=organisation, role=role, status="approved"
        )
        return user

    return make


@pytest.fixture
def kalmar_kommun(kalmar):
    return kalmar.organisation


@pytest.fixture
def vaxjo_kommun(vaxjo):
    return vaxjo.organisation


@pytest.fixture
def region_kalmar(municipalities):
    return Organisation.objects.get(code="R08")


@pytest.fixture
def lansstyrelsen_kalmar(municipalities):
    return Organisation.objects.get(code="L08")


@pytest.fixture
def polis_syd(municipalities):
    return Organisation.objects.get(code="PSYD")


# The project-wide people, approved for their municipality's organisation.


@pytest.fixture
def member_a(make_member, kalmar_kommun):
    return make_member("medlem@kalmar.se", kalmar_kommun, first_name="Maja")


@pytest.fixture
def coordinator_a(make_member, kalmar_kommun):
    return make_member("kontakt@kalmar.se", kalmar_kommun, role="coordinator", first_name="Karin")


@pytest.fixture
def coordinator_b(make_member, vaxjo_kommun):
    return make_member("kontakt@vaxjo.se", vaxjo_kommun, role="coordinator", first_name="Vera")
