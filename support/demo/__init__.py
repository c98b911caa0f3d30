"""Demo content of the support app, in the portal's own words: the offer (from Ds 2025:19,
4.4.1–4.4.2), one self-assessment questionnaire per support area, and one open
application round with no applications; "Frågor och svar" with three answered questions;
and one made-up engagement with its agreement, next steps and a meeting."""

from . import engagements, offer, questionnaires, questions, rounds


def build(home):
    offer.build(home)
    questionnaires.build(home)
    rounds.build(home)
    questions.build(home)
    engagements.build(home)


def counts():
    return {
        **offer.counts(),
        **questionnaires.counts(),
        **rounds.counts(),
        **questions.counts(),
        **engagements.counts(),
    }
