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
- EXPERIENCE_FOR_WISH: per support area you want to learn more about that they have
  experience of: a published good example of theirs in that area, or a method or
  collaboration form they use that the support area lists. Less than a plan met by
  experience, since a support area is broader than one method.
- WISH_FOR_EXPERIENCE: they want to learn about an area you have experience of (you can
  help them); a little less, as for plans.
- SHARED_VULNERABLE_AREAS: both have areas the police classify as vulnerable; a shared
  condition, weighed like a shared challenge (times its rarity the same way).
- SAME_COUNTY: same county (the source documents prefer regional networks).
- SIMILAR_SIZE: up to this much for a similar population (1 at equal size, 0 at a factor
  of ten apart).
- SAME_GROUP: same SKR municipality group.

Only municipalities that share something concrete (a challenge, vulnerable areas, or
experience that matches a plan or a wish to learn) are suggested; county, size and group
then decide between them.
Municipalities not looking for peers, and the municipality itself, are never suggested.

Scoring is vectorised with numpy over a snapshot of all profiles (MatchingIndex); the
reasons are worded only for the top candidates.
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from network.models import MunicipalityProfile
from organisations.models import Municipality
from portal.models import Challenge, CollaborationForm, GoodExamplePage, Method, SupportAreaPage

WEIGHTS = {
    "SHARED_CHALLENGE": 1.0,
    "EXPERIENCE_FOR_PLAN": 1.5,
    "PLAN_FOR_EXPERIENCE": 0.75,
    "EXPERIENCE_FOR_WISH": 1.0,
    "WISH_FOR_EXPERIENCE": 0.5,
    "SHARED_VULNERABLE_AREAS": 1.0,
    "SAME_COUNTY": 0.75,
    "SIMILAR_SIZE": 0.5,
    "SAME_GROUP": 0.25,
}


_TEXTS = {}


def _codes(values):
    """Values as integers, equal where the values are equal (fast to compare)."""
    return np.unique(np.array(values, dtype=object).astype(str), return_inverse=True)[1]


def _texts():
    """The wording of the reasons in the active language, translated once per language
    (gettext per reason was most of the time a suggestion took)."""
    language = get_language()
    if language not in _TEXTS:
        _TEXTS[language] = {
            "shared": _("ni delar: %(items)s"),
            "vulnerable": _("båda har områden som polisen klassar som utsatta"),
            "learn_from": _(
                "ni vill lära er mer om %(area)s, som %(them)s har erfarenhet av (%(how)s)"
            ),
            "learn_helped": _(
                "%(them)s vill lära sig mer om %(area)s, som ni har erfarenhet av (%(how)s)"
            ),
            "plan_met": _("%(them)s arbetar redan med %(practice)s, som ni planerar att starta"),
            "plan_helped": _("ni arbetar redan med %(practice)s, som %(them)s planerar att starta"),
            "example": ngettext("gott exempel: %(titles)s", "goda exempel: %(titles)s", 1),
            "examples": ngettext("gott exempel: %(titles)s", "goda exempel: %(titles)s", 2),
            "practices": _("arbetar med %(names)s"),
            "county": _("samma län"),
            "size": _("liknande storlek"),
            "group": _("samma kommungrupp"),
        }
    return _TEXTS[language]


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
    wants_to_learn: frozenset = frozenset()
    # Support area -> what shows the experience: ("example", pk) or a practice key.
    experience: dict = field(default_factory=dict)
    vulnerable_areas: bool = False


@dataclass
class Suggestion:
    organisation: Organisation
    score: float
    reasons: list[str] = field(default_factory=list)


class MatchingIndex:
    """Profiles as matrices: rows are organisations, columns challenges, practices or
    support areas."""

    def __init__(self, organisations, labels=None):
        self.organisations = list(organisations)
        self.labels = labels or {}
        self.position = {org.key: i for i, org in enumerate(self.organisations)}
        challenges = sorted({c for org in self.organisations for c in org.challenges}, key=str)
        practices = sorted(
            {p for org in self.organisations for p in org.practices_in_use | org.practices_planned},
            key=str,
        )
        areas = sorted(
            {a for org in self.organisations for a in org.wants_to_learn | org.experience.keys()},
            key=str,
        )
        self.challenge_ids = challenges
        self.challenge_position = {c: j for j, c in enumerate(challenges)}
        self.practice_ids = practices
        n = len(self.organisations)
        self.C = self._matrix(challenges, lambda org: org.challenges)
        self.U = self._matrix(practices, lambda org: org.practices_in_use)
        self.P = self._matrix(practices, lambda org: org.practices_planned)
        self.W = self._matrix(areas, lambda org: org.wants_to_learn)
        self.E = self._matrix(areas, lambda org: org.experience.keys())
        having = self.C.sum(axis=0)
        self.rarity = np.log(np.maximum(n, 1) / np.maximum(having, 1)) + 0.1
        self.vulnerable = np.array([org.vulnerable_areas for org in self.organisations], bool)
        self.vulnerable_rarity = np.log(max(n, 1) / max(int(self.vulnerable.sum()), 1)) + 0.1
        # Columns as rows (contiguous), in the order suggest() weighs them.
        self.AT = np.ascontiguousarray(np.hstack([self.C, self.U, self.P, self.E, self.W]).T)
        self.county = _codes([org.county for org in self.organisations])
        groups = [org.group for org in self.organisations]
        self.group = _codes(groups)
        self.has_group = np.array([group != "" for group in groups], bool)
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
        # All that is concrete in one sum: each block of AT's rows (challenges, practices in
        # use, planned, experience, wishes) is weighed by row i's matching block (their
        # practices in use by your plans, their experience by your wishes, ...).
        weights = np.concatenate(
            [
                WEIGHTS["SHARED_CHALLENGE"] * self.rarity * self.C[i],
                WEIGHTS["EXPERIENCE_FOR_PLAN"] * self.P[i],
                WEIGHTS["PLAN_FOR_EXPERIENCE"] * self.U[i],
                WEIGHTS["EXPERIENCE_FOR_WISH"] * self.W[i],
                WEIGHTS["WISH_FOR_EXPERIENCE"] * self.E[i],
            ]
        ).astype(np.float32)
        # Summed over the few columns row i has, without BLAS: a threaded matrix product
        # is slower on a busy server than this single loop.
        columns = np.flatnonzero(weights)
        concrete = np.einsum("j,ji->i", weights[columns], self.AT[columns])
        if self.vulnerable[i]:
            concrete += (
                WEIGHTS["SHARED_VULNERABLE_AREAS"] * self.vulnerable_rarity * self.vulnerable
            )
        size = np.clip(1 - np.abs(self.log_population - self.log_population[i]), 0, 1)
        same_county = self.county == self.county[i]
        same_group = (self.group == self.group[i]) & self.has_group
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
        ranking = -score[candidates]
        if candidates.size > limit:
            # Only those at least as good as the limit-th best need sorting; ties at the
            # edge stay in index order, as a stable sort of all would keep them.
            edge = np.partition(ranking, limit - 1)[limit - 1]
            candidates, ranking = candidates[ranking <= edge], ranking[ranking <= edge]
        top = candidates[np.argsort(ranking, kind="stable")[:limit]]
        texts = _texts()
        return [
            Suggestion(
                organisation=self.organisations[j],
                score=round(float(score[j]), 3),
                reasons=self._reasons(i, j, same_county[j], size[j], same_group[j], texts),
            )
            for j in top
        ]

    def _name(self, value):
        return self.labels.get(value, str(value))

    def _evidence(self, evidence, texts):
        """What shows experience of a support area, in words: examples first."""
        examples = sorted(self._name(e) for e in evidence if _is_example(e))
        practices = sorted(self._name(e) for e in evidence if not _is_example(e))
        parts = []
        if examples:
            parts.append(
                texts["example" if len(examples) == 1 else "examples"]
                % {"titles": ", ".join(examples)}
            )
        if practices:
            parts.append(texts["practices"] % {"names": ", ".join(practices)})
        return "; ".join(parts)

    def _reasons(self, i, j, same_county, size, same_group, texts):
        me, them = self.organisations[i], self.organisations[j]
        reasons = []
        shared = sorted(
            me.challenges & them.challenges,
            key=lambda c: (-self.rarity[self.challenge_position[c]], str(c)),
        )
        if shared:
            reasons.append(texts["shared"] % {"items": ", ".join(self._name(c) for c in shared)})
        if me.vulnerable_areas and them.vulnerable_areas:
            reasons.append(texts["vulnerable"])
        for area in sorted(me.wants_to_learn & them.experience.keys(), key=str):
            reasons.append(
                texts["learn_from"]
                % {
                    "area": self._name(area),
                    "them": them.name,
                    "how": self._evidence(them.experience[area], texts),
                }
            )
        for practice in sorted(them.practices_in_use & me.practices_planned, key=str):
            reasons.append(
                texts["plan_met"] % {"them": them.name, "practice": self._name(practice)}
            )
        for practice in sorted(me.practices_in_use & them.practices_planned, key=str):
            reasons.append(
                texts["plan_helped"] % {"them": them.name, "practice": self._name(practice)}
            )
        for area in sorted(them.wants_to_learn & me.experience.keys(), key=str):
            reasons.append(
                texts["learn_helped"]
                % {
                    "area": self._name(area),
                    "them": them.name,
                    "how": self._evidence(me.experience[area], texts),
                }
            )
        if same_county:
            reasons.append(texts["county"])
        if size >= 0.8:
            reasons.append(texts["size"])
        if same_group:
            reasons.append(texts["group"])
        return reasons


def _is_example(evidence):
    return isinstance(evidence, tuple) and evidence[0] == "example"


def _experience(practices_in_use, examples, area_practices):
    """Support area -> what shows experience of it: the municipality's published good
    examples in the area, and the practices it uses that the area lists."""
    experience = {}
    for area, example in examples:
        experience.setdefault(area, set()).add(example)
    for practice in practices_in_use:
        for area in area_practices.get(practice, ()):
            experience.setdefault(area, set()).add(practice)
    return {area: frozenset(evidence) for area, evidence in experience.items()}


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
            "wants_to_learn",
        )
    }
    labels = {("challenge", c.pk): c.name for c in Challenge.objects.all()}
    labels |= {("method", m.pk): m.abbreviation or m.name for m in Method.objects.all()}
    labels |= {("form", f.pk): f.abbreviation or f.name for f in CollaborationForm.objects.all()}
    labels |= {
        ("area", pk): title for pk, title in SupportAreaPage.objects.values_list("pk", "title")
    }
    # Which support areas list a method or collaboration form: practice -> {area}.
    area_practices = {}
    for area, method in SupportAreaPage.methods.through.objects.values_list(
        "supportareapage_id", "method_id"
    ):
        area_practices.setdefault(("method", method), set()).add(("area", area))
    for area, form in SupportAreaPage.collaboration_forms.through.objects.values_list(
        "supportareapage_id", "collaborationform_id"
    ):
        area_practices.setdefault(("form", form), set()).add(("area", area))
    # Published good examples of a named municipality, per support area.
    examples = {}
    published = GoodExamplePage.objects.live().public().filter(municipality__isnull=False)
    for municipality, area, page, title in GoodExamplePage.support_areas.through.objects.filter(
        goodexamplepage__in=published
    ).values_list(
        "goodexamplepage__municipality_id",
        "supportareapage_id",
        "goodexamplepage_id",
        "goodexamplepage__title",
    ):
        examples.setdefault(municipality, []).append((("area", area), ("example", page)))
        labels[("example", page)] = title

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
                experience=_experience((), examples.get(municipality.pk, ()), area_practices),
            )
        practices_in_use = frozenset(
            [("method", m.pk) for m in profile.methods_in_use.all()]
            + [("form", f.pk) for f in profile.collaboration_forms_in_use.all()]
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
            practices_in_use=practices_in_use,
            practices_planned=frozenset(
                [("method", m.pk) for m in profile.methods_planned.all()]
                + [("form", f.pk) for f in profile.collaboration_forms_planned.all()]
            ),
            wants_to_learn=frozenset(("area", a.pk) for a in profile.wants_to_learn.all()),
            experience=_experience(
                practices_in_use, examples.get(municipality.pk, ()), area_practices
            ),
            vulnerable_areas=profile.has_vulnerable_areas,
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
