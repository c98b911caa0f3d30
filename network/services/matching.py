"""Explainable matching: which municipalities are good peers for this one, and why.

Every suggestion carries a score and the reasons in words a person understands. The
weights below are the only tuning knobs; what each one rewards:

- SHARED_CHALLENGE: per challenge both have, times the challenge's rarity
  (inverse document frequency, log(N / municipalities with it)), so a shared rare
  challenge counts more than a shared common one.
- EXPERIENCE_FOR_PLAN: they already use a method or collaboration form that you plan to
  start (you can learn from them).
- PLAN_FOR_EXPERIENCE: they plan what you already use (you can help them); a little less,
  since the suggestion is for you.
- SAME_COUNTY: same county (the source documents prefer regional networks).
- SIMILAR_SIZE: up to this much for a similar population (1 at equal size, 0 at a factor
  of ten apart).
- SAME_GROUP: same SKR municipality group.

Only municipalities that share something concrete (a challenge, or experience that
matches a plan) are suggested; county, size and group then decide between them.
Municipalities not looking for peers, and the municipality itself, are never suggested.

Scoring is vectorised with numpy over a snapshot of all profiles (MatchingIndex); the
reasons are worded only for the top candidates.
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from network.models import MunicipalityProfile
from organisations.models import Municipality
from portal.models import Challenge, CollaborationForm, Method

WEIGHTS = {
    "SHARED_CHALLENGE": 1.0,
    "EXPERIENCE_FOR_PLAN": 1.5,
    "PLAN_FOR_EXPERIENCE": 0.75,
    "SAME_COUNTY": 0.75,
    "SIMILAR_SIZE": 0.5,
    "SAME_GROUP": 0.25,
}


@dataclass
class Organisation:
    """What matching knows about one municipality (or, in benchmarks, any organisation)."""

    key: object
    name: str
    county: str
    population: int
    group: str = ""
    looking: bool = True
    challenges: frozenset = frozenset()
    practices_in_use: frozenset = frozenset()
    practices_planned: frozenset = frozenset()
    slug: str = ""


@dataclass
class Suggestion:
    organisation: Organisation
    score: float
    reasons: list[str] = field(default_factory=list)


class MatchingIndex:
    """Profiles as matrices: rows are organisations, columns challenges or practices."""

    def __init__(self, organisations, labels=None):
        self.organisations = list(organisations)
        self.labels = labels or {}
        self.position = {org.key: i for i, org in enumerate(self.organisations)}
        challenges = sorted({c for org in self.organisations for c in org.challenges}, key=str)
        practices = sorted(
            {p for org in self.organisations for p in org.practices_in_use | org.practices_planned},
            key=str,
        )
        self.challenge_ids = challenges
        self.practice_ids = practices
        n = len(self.organisations)
        self.C = self._matrix(challenges, lambda org: org.challenges)
        self.U = self._matrix(practices, lambda org: org.practices_in_use)
        self.P = self._matrix(practices, lambda org: org.practices_planned)
        having = self.C.sum(axis=0)
        self.rarity = np.log(np.maximum(n, 1) / np.maximum(having, 1)) + 0.1
        self.county = np.array([org.county for org in self.organisations])
        self.group = np.array([org.group for org in self.organisations])
        self.log_population = np.log10(
            np.maximum(np.array([org.population for org in self.organisations], float), 1)
        )
        self.looking = np.array([org.looking for org in self.organisations], bool)

    def _matrix(self, columns, values):
        index = {value: j for j, value in enumerate(columns)}
        matrix = np.zeros((len(self.organisations), len(columns)), dtype=np.float32)
        for i, org in enumerate(self.organisations):
            for value in values(org):
                matrix[i, index[value]] = 1.0
        return matrix

    def suggest(self, key, limit=10):
        i = self.position[key]
        me = self.organisations[i]
        shared_challenges = self.C @ (self.C[i] * self.rarity)
        experience_for_plan = self.U @ self.P[i]
        plan_for_experience = self.P @ self.U[i]
        concrete = (
            WEIGHTS["SHARED_CHALLENGE"] * shared_challenges
            + WEIGHTS["EXPERIENCE_FOR_PLAN"] * experience_for_plan
            + WEIGHTS["PLAN_FOR_EXPERIENCE"] * plan_for_experience
        )
        size = np.clip(1 - np.abs(self.log_population - self.log_population[i]), 0, 1)
        same_county = self.county == me.county
        same_group = (self.group == me.group) & (self.group != "")
        score = (
            concrete
            + WEIGHTS["SAME_COUNTY"] * same_county
            + WEIGHTS["SIMILAR_SIZE"] * size
            + WEIGHTS["SAME_GROUP"] * same_group
        )
        eligible = self.looking & (concrete > 0)
        eligible[i] = False
        candidates = np.flatnonzero(eligible)
        if candidates.size == 0:
            return []
        top = candidates[np.argsort(-score[candidates], kind="stable")[:limit]]
        return [
            Suggestion(
                organisation=self.organisations[j],
                score=round(float(score[j]), 3),
                reasons=self._reasons(i, j, same_county[j], size[j], same_group[j]),
            )
            for j in top
        ]

    def _name(self, value):
        return self.labels.get(value, str(value))

    def _reasons(self, i, j, same_county, size, same_group):
        me, them = self.organisations[i], self.organisations[j]
        reasons = []
        shared = sorted(
            me.challenges & them.challenges,
            key=lambda c: -self.rarity[self.challenge_ids.index(c)],
        )
        if shared:
            reasons.append(
                _("ni delar: %(items)s") % {"items": ", ".join(self._name(c) for c in shared)}
            )
        for practice in sorted(them.practices_in_use & me.practices_planned, key=str):
            reasons.append(
                _("%(them)s arbetar redan med %(practice)s, som ni planerar att starta")
                % {"them": them.name, "practice": self._name(practice)}
            )
        for practice in sorted(me.practices_in_use & them.practices_planned, key=str):
            reasons.append(
                _("ni arbetar redan med %(practice)s, som %(them)s planerar att starta")
                % {"them": them.name, "practice": self._name(practice)}
            )
        if same_county:
            reasons.append(_("samma län"))
        if size >= 0.8:
            reasons.append(_("liknande storlek"))
        if same_group:
            reasons.append(_("samma kommungrupp"))
        return reasons


def build_index():
    """A MatchingIndex over all 290 municipalities and their profiles (a few queries)."""
    profiles = {
        profile.municipality_id: profile
        for profile in MunicipalityProfile.objects.prefetch_related(
            "challenges",
            "methods_in_use",
            "methods_planned",
            "collaboration_forms_in_use",
            "collaboration_forms_planned",
        )
    }
    labels = {("challenge", c.pk): c.name for c in Challenge.objects.all()}
    labels |= {("method", m.pk): m.abbreviation or m.name for m in Method.objects.all()}
    labels |= {("form", f.pk): f.abbreviation or f.name for f in CollaborationForm.objects.all()}

    def organisation(municipality):
        profile = profiles.get(municipality.pk)
        if profile is None:
            return Organisation(
                slug=municipality.slug,
                key=municipality.pk,
                name=municipality.name,
                county=municipality.county_id,
                population=municipality.population,
                group=municipality.group_code,
                looking=False,
            )
        return Organisation(
            slug=municipality.slug,
            key=municipality.pk,
            name=municipality.name,
            county=municipality.county_id,
            population=municipality.population,
            group=municipality.group_code,
            looking=profile.looking_for_peers,
            challenges=frozenset(("challenge", c.pk) for c in profile.challenges.all()),
            practices_in_use=frozenset(
                [("method", m.pk) for m in profile.methods_in_use.all()]
                + [("form", f.pk) for f in profile.collaboration_forms_in_use.all()]
            ),
            practices_planned=frozenset(
                [("method", m.pk) for m in profile.methods_planned.all()]
                + [("form", f.pk) for f in profile.collaboration_forms_planned.all()]
            ),
        )

    return MatchingIndex(
        [organisation(m) for m in Municipality.objects.order_by("code")], labels=labels
    )


def suggest_matches(municipality, limit=10, index=None):
    """Ranked suggestions for a municipality: [Suggestion(organisation, score, reasons)].

    The organisation's `key` is the municipality's code. Pass an `index` to reuse one
    snapshot for many calls."""
    index = index or build_index()
    return index.suggest(municipality.pk, limit=limit)
