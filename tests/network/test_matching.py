"""Matching: hand-built cases where the right order is obvious."""

import pytest

from network.models import MunicipalityProfile
from network.services.matching import MatchingIndex, Organisation, suggest_matches
from organisations.models import Municipality
from portal.models import Challenge, Method

from ..factories import ChallengeFactory, MethodFactory


def org(
    key,
    *,
    county="01",
    population=50_000,
    group="B3",
    looking=True,
    challenges=(),
    uses=(),
    plans=(),
):
    return Organisation(
        key=key,
        name=key,
        county=county,
        population=population,
        group=group,
        looking=looking,
        challenges=frozenset(challenges),
        practices_in_use=frozenset(uses),
        practices_planned=frozenset(plans),
    )


def keys(suggestions):
    return [s.organisation.key for s in suggestions]


def test_a_shared_rare_challenge_beats_a_shared_common_one():
    common = "rekrytering"
    rare = "flickor"
    others = [org(f"x{n}", challenges=[common]) for n in range(8)]
    index = MatchingIndex(
        [
            org("me", challenges=[common, rare]),
            org("common", challenges=[common], county="02"),
            org("rare", challenges=[rare], county="02"),
            *others,
        ],
        labels={rare: "flickor i kriminella miljöer", common: "rekrytering"},
    )
    ranked = keys(index.suggest("me"))
    assert ranked.index("rare") < ranked.index("common")
    assert index.suggest("me")[0].reasons[0] == "ni delar: flickor i kriminella miljöer"


def test_experience_that_matches_a_plan_counts_and_is_explained():
    index = MatchingIndex(
        [
            org("Kalmar", plans=["SIG"]),
            org("Växjö", uses=["SIG"], county="07"),
            org("Umeå", county="24"),
        ]
    )
    suggestions = index.suggest("Kalmar")
    assert keys(suggestions) == ["Växjö"]
    assert "Växjö arbetar redan med SIG, som ni planerar att starta" in suggestions[0].reasons


def test_helping_someone_who_plans_what_you_run_counts_less_than_learning():
    index = MatchingIndex(
        [
            org("me", uses=["SSPF"], plans=["SIG"]),
            org("learner", plans=["SSPF"]),
            org("teacher", uses=["SIG"]),
        ]
    )
    assert keys(index.suggest("me")) == ["teacher", "learner"]
    assert "ni arbetar redan med SSPF, som learner planerar att starta" in (
        index.suggest("me")[1].reasons
    )


def test_county_size_and_group_decide_between_equals():
    index = MatchingIndex(
        [
            org("me", challenges=["c"], county="01", population=40_000, group="B3"),
            org("far", challenges=["c"], county="25", population=900_000, group="A1"),
            org("near", challenges=["c"], county="01", population=45_000, group="B3"),
        ]
    )
    near, far = index.suggest("me")
    assert (near.organisation.key, far.organisation.key) == ("near", "far")
    assert {"samma län", "liknande storlek", "samma kommungrupp"} <= set(near.reasons)


def test_those_not_looking_and_oneself_are_never_suggested():
    index = MatchingIndex(
        [
            org("me", challenges=["c"]),
            org("busy", challenges=["c"], looking=False),
            org("open", challenges=["c"]),
        ]
    )
    assert keys(index.suggest("me")) == ["open"]


def test_nothing_in_common_means_no_suggestion_even_nearby():
    index = MatchingIndex([org("me", challenges=["a"]), org("neighbour", challenges=["b"])])
    assert index.suggest("me") == []


def test_every_suggestion_carries_a_reason():
    organisations = [
        org(
            f"o{n}",
            county=f"{n % 5:02d}",
            population=10_000 * (n + 1),
            challenges=[f"c{n % 4}", f"c{n % 7}"],
            uses=[f"m{n % 3}"],
            plans=[f"m{(n + 1) % 5}"],
        )
        for n in range(40)
    ]
    index = MatchingIndex(organisations)
    for organisation in organisations:
        for suggestion in index.suggest(organisation.key):
            assert suggestion.reasons, (organisation.key, suggestion.organisation.key)
            assert suggestion.organisation.key != organisation.key


@pytest.mark.django_db
def test_suggest_matches_reads_the_profiles(municipalities):
    bup = ChallengeFactory(name="Samverkan med BUP")
    sig = MethodFactory(name="Sociala insatsgrupper", abbreviation="SIG")
    kalmar, vaxjo, kiruna = (
        Municipality.objects.get(name=name) for name in ("Kalmar", "Växjö", "Kiruna")
    )
    me = MunicipalityProfile.objects.create(municipality=kalmar, looking_for_peers=True)
    me.challenges.set([bup])
    me.methods_planned.set([sig])
    peer = MunicipalityProfile.objects.create(municipality=vaxjo, looking_for_peers=True)
    peer.challenges.set([bup])
    peer.methods_in_use.set([sig])
    hidden = MunicipalityProfile.objects.create(municipality=kiruna, looking_for_peers=False)
    hidden.challenges.set([bup])

    suggestions = suggest_matches(kalmar)
    assert [s.organisation.name for s in suggestions] == ["Växjö"]
    assert suggestions[0].reasons[:2] == [
        "ni delar: Samverkan med BUP",
        "Växjö arbetar redan med SIG, som ni planerar att starta",
    ]
    assert Challenge.objects.count() == 1 and Method.objects.count() == 1
