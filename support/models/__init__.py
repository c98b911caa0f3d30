"""The national team's own work with organisations: what it offers, the organisations'
self-assessments, their applications for support and the team's selection among them."""

from .applications import Anchoring, Application, ApplicationParticipant
from .assessments import Answer, Question, Questionnaire, SelfAssessment
from .engagements import Engagement, EngagementOrganisation
from .follow_up import EngagementFollowUp, FollowUpAreaLevel
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
    "Anchoring",
    "Answer",
    "Application",
    "ApplicationAssessment",
    "ApplicationParticipant",
    "ApplicationRound",
    "AssessmentCriterion",
    "Engagement",
    "EngagementFollowUp",
    "EngagementOrganisation",
    "FollowUpAreaLevel",
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
