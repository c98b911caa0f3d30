"""Fixtures shared by the support app's tests: a questionnaire, an open round, activities."""

import datetime

import pytest
from django.utils import timezone

from support.models import (
    ApplicationRound,
    AssessmentCriterion,
    Question,
    Questionnaire,
    SupportActivity,
)


@pytest.fixture
def questionnaire(support_area):
    questionnaire = Questionnaire.objects.create(
        title="Nulägesanalys: tidiga insatser", support_area=support_area
    )
    Question.objects.create(
        questionnaire=questionnaire, sort_order=0, text="Finns rutiner för tidig upptäckt?"
    )
    Question.objects.create(
        questionnaire=questionnaire, sort_order=1, text="Följer ni upp insatserna?"
    )
    Question.objects.create(
        questionnaire=questionnaire,
        sort_order=2,
        kind=Question.Kind.TEXT,
        text="Vad behöver ni mest stöd med?",
    )
    return questionnaire


@pytest.fixture
def activity(support_area):
    return SupportActivity.objects.create(
        support_area=support_area,
        title="Kartläggning av lokal lägesbild",
        format="mapping",
        description="Teamet och kommunen går igenom den lokala lägesbilden.",
        asks_of_municipality="En arbetsgrupp som träffas varannan vecka.",
        duration="Tre månader",
    )


@pytest.fixture
def application_round(db):
    now = timezone.now()
    application_round = ApplicationRound.objects.create(
        title="Ansökningsomgång 2027",
        opens_at=now - datetime.timedelta(days=10),
        deadline=now + datetime.timedelta(days=30),
        capacity=5,
    )
    AssessmentCriterion.objects.create(
        round=application_round, sort_order=0, title="Behov och förutsättningar"
    )
    AssessmentCriterion.objects.create(
        round=application_round, sort_order=1, title="Samverkan med andra i regionen"
    )
    return application_round
