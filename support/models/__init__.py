"""The national team's own work with organisations: what it offers, the organisations'
self-assessments, their applications for support and the team's selection among them."""

from .agreements import Agreement
from .applications import Anchoring, Application, ApplicationParticipant
from .assessments import Answer, Question, Questionnaire, SelfAssessment
from .engagements import Engagement, EngagementOrganisation
from .follow_up import EngagementFollowUp, FollowUpAreaLevel
from .next_steps import EngagementMeeting, NextStep
from .offer import SupportActivity, SupportOfferPage
from .questions import (
    QuestionAnswerIndexPage,
    QuestionAnswerPage,
    QuestionSettings,
    SupportAreaAnswerers,
    TeamQuestion,
)
from .selection import ApplicationAssessment, ApplicationRound, AssessmentCriterion

__all__ = [
    "Agreement",
    "Anchoring",
    "Answer",
    "Application",
    "ApplicationAssessment",
    "ApplicationParticipant",
    "ApplicationRound",
    "AssessmentCriterion",
    "Engagement",
    "EngagementFollowUp",
    "EngagementMeeting",
    "EngagementOrganisation",
    "FollowUpAreaLevel",
    "NextStep",
    "Question",
    "QuestionAnswerIndexPage",
    "QuestionAnswerPage",
    "QuestionSettings",
    "Questionnaire",
    "SelfAssessment",
    "SupportActivity",
    "SupportAreaAnswerers",
    "SupportOfferPage",
    "TeamQuestion",
]
