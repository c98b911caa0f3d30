"""People of organisations of every kind, for the network tests.

`make_member` approves a person for an organisation (a municipality's organisation, a
region, a county board, a police region...). The member and coordinator fixtures of
tests/conftest.py are redefined here on top of it, so that the network tests state the
organisation a person acts for.
"""

import pytest

from organisations.models import Organisation


@pytest.fixture
def make_member(make_person):
    """A person with a verified address, approved for `organisation` in `role`."""
    from portal.models import Membership

    def make(email, organisation, role="member", first_name="Test"):
        user = make_person(email, first_name=first_name)
        Membership.objects.create(
            user=user, organisation=organisation, role=role, status=Membership.Status.APPROVED
        )
        return user

    return make


@pytest.fixture
def member_a(make_member, kalmar):
    return make_member("medlem@kalmar.se", kalmar.organisation, first_name="Maja")


@pytest.fixture
def coordinator_a(make_member, kalmar):
    return make_member(
        "kontakt@kalmar.se", kalmar.organisation, role="coordinator", first_name="Karin"
    )


@pytest.fixture
def coordinator_b(make_member, vaxjo):
    return make_member(
        "kontakt@vaxjo.se", vaxjo.organisation, role="coordinator", first_name="Vera"
    )


@pytest.fixture
def region_kalmar(municipalities):
    return Organisation.objects.get(code="R08")


@pytest.fixture
def county_board_kalmar(municipalities):
    return Organisation.objects.get(code="L08")


@pytest.fixture
def police_south(municipalities):
    return Organisation.objects.get(code="PSYD")
