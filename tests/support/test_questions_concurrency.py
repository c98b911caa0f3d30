"""Four answerers take the same question at the same moment: one takes it.

Real threads and real transactions (each thread has its own connection), on SQLite in the
normal suite and on PostgreSQL when DATABASE_URL points at one."""

import pytest
from django.contrib.auth.models import Group

from support.models import SupportAreaAnswerers, TeamQuestion
from support.services import questions

from ..events.test_concurrency import at_once

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_four_answerers_taking_at_once_leave_one_owner(make_person, member_a, support_area):
    editors = Group.objects.get(name="Editors")
    team = [make_person(f"svarare{n}@socialstyrelsen.se") for n in range(4)]
    row = SupportAreaAnswerers.objects.create(support_area=support_area)
    for person in team:
        person.groups.add(editors)
        row.answerers.add(person)
    question = questions.ask(
        by=member_a, subject="Uppföljning", text="Hur gör ni?", support_area=support_area
    )

    results, errors = at_once(lambda person: questions.take(question, by=person), team)

    winners = [result for result in results if result is not None]
    assert len(winners) == 1
    assert len(errors) == 3 and all(isinstance(e, questions.QuestionError) for e in errors)
    taken = TeamQuestion.objects.get()
    assert taken.status == TeamQuestion.Status.TAKEN
    assert taken.assigned_to == winners[0].assigned_to
