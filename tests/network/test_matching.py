"""Matching: hand-built cases where the right order is obvious."""

import pytest

from network.demo import STATE_GRANT_2021
from network.models import MunicipalityProfile
from network.services.matching import MatchingIndex, Organisation, build_index, suggest_matches
from organisations.models import Municipality
from organisations.services import PILOT_MUNICIPALITIES
from portal.models import Challenge, Method

from ..factories import ChallengeFactory, GoodExamplePageFactory, MethodFactory

# Municipalities with at least one suggestion in the demo: the 26 that received the 2021
# grant and the four pilots outside them.
DEMO_SUGGESTED = 30


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
    wants=(),
    experience=None,
    vulnerable=False,
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
        wants_to_learn=frozenset(wants),
        experience=experience or {},
        vulnerable_areas=vulnerable,
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


def test_a_wish_to_learn_met_by_experience_counts_and_is_explained():
    area = ("area", 1)
    index = MatchingIndex(
        [
            org("me", wants=[area], county="01"),
            org("knows", experience={area: {("example", 7)}}, county="02"),
            org("also-wants", wants=[area], county="01"),
        ],
        labels={area: "Våld i nära relationer", ("example", 7): "Trygga hem"},
    )
    suggestions = index.suggest("me")
    # Wanting the same thing is not something to learn from each other.
    assert keys(suggestions) == ["knows"]
    assert suggestions[0].reasons[0] == (
        "ni vill lära er mer om Våld i nära relationer, som knows har erfarenhet av "
        "(gott exempel: Trygga hem)"
    )


def test_helping_someone_learn_counts_less_than_learning_yourself():
    area, other = ("area", 1), ("area", 2)
    sspf = ("method", 3)
    index = MatchingIndex(
        [
            org("me", wants=[area], experience={other: {sspf}}),
            org("learner", wants=[other]),
            org("teacher", experience={area: {sspf}}),
        ],
        labels={area: "Samverkan", other: "BUP", sspf: "SSPF"},
    )
    teacher, learner = index.suggest("me")
    assert (teacher.organisation.key, learner.organisation.key) == ("teacher", "learner")
    assert teacher.score > learner.score
    assert "learner vill lära sig mer om BUP, som ni har erfarenhet av (arbetar med SSPF)" in (
        learner.reasons
    )


def test_vulnerable_areas_are_a_shared_condition():
    index = MatchingIndex(
        [
            org("me", vulnerable=True),
            org("same", vulnerable=True, county="02"),
            org("without", county="01"),
            org("busy", vulnerable=True, looking=False),
        ]
    )
    suggestions = index.suggest("me")
    assert keys(suggestions) == ["same"]
    assert suggestions[0].reasons[0] == "båda har områden som polisen klassar som utsatta"
    # Not having vulnerable areas is not something shared.
    assert index.suggest("without") == []


def test_not_looking_is_never_suggested_whatever_it_shares():
    area, sig = ("area", 1), ("method", 2)
    index = MatchingIndex(
        [
            org("me", challenges=["c"], plans=[sig], wants=[area], vulnerable=True),
            org(
                "busy",
                looking=False,
                challenges=["c"],
                uses=[sig],
                experience={area: {sig}},
                vulnerable=True,
            ),
        ]
    )
    assert index.suggest("me") == []


@pytest.mark.django_db
def test_experience_comes_from_published_examples_and_the_areas_methods(
    municipalities, support_area, example_index
):
    sspf = MethodFactory(name="SSPF", abbreviation="SSPF")
    support_area.methods.set([sspf])
    support_area.save()
    kalmar, vaxjo, umea, boras = (
        Municipality.objects.get(name=name) for name in ("Kalmar", "Växjö", "Umeå", "Borås")
    )
    me = MunicipalityProfile.objects.create(municipality=kalmar, looking_for_peers=True)
    me.wants_to_learn.set([support_area])
    MunicipalityProfile.objects.create(municipality=vaxjo, looking_for_peers=True)
    GoodExamplePageFactory(
        parent=example_index,
        title="Fältarbete i centrum",
        municipality=vaxjo,
        support_areas=[support_area],
    )
    umea_profile = MunicipalityProfile.objects.create(municipality=umea, looking_for_peers=True)
    umea_profile.methods_in_use.set([sspf])
    MunicipalityProfile.objects.create(municipality=boras, looking_for_peers=True)
    draft = GoodExamplePageFactory(
        parent=example_index, title="Utkast", municipality=boras, support_areas=[support_area]
    )
    draft.unpublish()

    reasons = {s.organisation.name: s.reasons for s in suggest_matches(kalmar)}
    assert set(reasons) == {"Växjö", "Umeå"}
    area = support_area.title
    assert reasons["Växjö"][0] == (
        f"ni vill lära er mer om {area}, som Växjö har erfarenhet av "
        "(gott exempel: Fältarbete i centrum)"
    )
    assert reasons["Umeå"][0] == (
        f"ni vill lära er mer om {area}, som Umeå har erfarenhet av (arbetar med SSPF)"
    )


@pytest.mark.django_db
def test_building_the_index_takes_a_few_queries_however_many_profiles(
    municipalities, support_area, example_index, django_assert_max_num_queries
):
    sspf = MethodFactory(name="SSPF", abbreviation="SSPF")
    for municipality in Municipality.objects.order_by("code")[:60]:
        profile = MunicipalityProfile.objects.create(
            municipality=municipality, looking_for_peers=True, has_vulnerable_areas=True
        )
        profile.methods_in_use.set([sspf])
        profile.wants_to_learn.set([support_area])
        GoodExamplePageFactory(
            parent=example_index, municipality=municipality, support_areas=[support_area]
        )
    with django_assert_max_num_queries(16):
        build_index()


def test_with_the_demo_the_grant_municipalities_get_suggestions_for_their_condition(demo):
    index = build_index()
    suggested = {
        m.name: index.suggest(m.pk) for m in Municipality.objects.all() if index.suggest(m.pk)
    }
    assert len(suggested) == DEMO_SUGGESTED
    for name in STATE_GRANT_2021:
        assert suggested[name], name
        for suggestion in suggested[name]:
            if suggestion.organisation.name in STATE_GRANT_2021:
                assert "båda har områden som polisen klassar som utsatta" in suggestion.reasons
        assert any(s.organisation.name in STATE_GRANT_2021 for s in suggested[name]), name
    assert set(suggested) == set(STATE_GRANT_2021) | set(PILOT_MUNICIPALITIES)


def test_a_grant_municipality_page_shows_the_shared_condition(demo, client):
    html = client.get(Municipality.objects.get(name="Malmö").get_absolute_url()).content.decode()
    similar = html.split('id="similar-heading"')[1]
    assert "båda har områden som polisen klassar som utsatta" in similar


def test_the_demo_gives_no_municipality_a_method_or_collaboration_form(demo):
    """The sources give methods only as totals (16 of the 26 grant municipalities used
    SSPF), never which municipality used which."""
    for field in (
        "methods_in_use",
        "methods_planned",
        "collaboration_forms_in_use",
        "collaboration_forms_planned",
    ):
        assert not MunicipalityProfile.objects.filter(**{f"{field}__isnull": False}).exists()
    assert MunicipalityProfile.objects.filter(has_vulnerable_areas=True).count() == 26
    assert set(
        MunicipalityProfile.objects.filter(has_vulnerable_areas=True).values_list(
            "municipality__name", flat=True
        )
    ) == set(STATE_GRANT_2021)
