"""`coordinators_of`: the one place that says who speaks for an organisation."""

import pytest
from django.core import mail

from portal.services.memberships import approvers_for, coordinators_of, request_membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def deactivated_coordinator(make_person, kalmar):
    person = make_person("slutat@kalmar.se", kalmar, role="coordinator", first_name="Sara")
    person.is_active = False
    person.save(update_fields=["is_active"])
    return person


def test_coordinators_of_lists_active_coordinators_only(
    kalmar, coordinator_a, member_a, coordinator_b, deactivated_coordinator
):
    assert coordinators_of(kalmar.organisation) == [coordinator_a]


def test_a_municipality_whose_only_coordinator_is_deactivated_asks_the_editors(
    kalmar, editor, deactivated_coordinator, outsider, committed
):
    assert approvers_for(kalmar.organisation) == [editor]
    mail.outbox.clear()
    with committed():
        request_membership(outsider, kalmar.organisation)
    recipients = {address for message in mail.outbox for address in message.to}
    assert deactivated_coordinator.email not in recipients
    assert editor.email in recipients
