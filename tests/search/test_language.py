"""Swedish words as search sees them (search.language): no database, no index."""

from search import language


def test_a_definite_form_shares_a_stem_with_its_base_form():
    for definite, base in [
        ("barnet", "barn"),
        ("skolan", "skola"),
        ("arbetet", "arbete"),
        ("missbruket", "missbruk"),
        ("insatserna", "insats"),
        ("metoden", "metod"),
    ]:
        assert set(language.stems(definite)) & set(language.stems(base)), (definite, base)


def test_a_word_that_only_looks_definite_keeps_its_own_stem_first():
    assert language.stem("handlingsplan") == "handlingsplan"
    assert language.stems("handlingsplanen")[0] == "handlingsplan"


def known(*vocabulary):
    return set(vocabulary).__contains__


def test_a_compound_is_split_into_known_parts_with_linking_letters_dropped():
    vocabulary = known("skol", "närvaro", "arbete", "våld", "bejakande", "ungdom", "brottslighet")
    assert language.split_compound("skolnärvaroarbete", vocabulary) == ["skol", "närvaro", "arbete"]
    assert language.split_compound("våldsbejakande", vocabulary) == ["våld", "bejakande"]
    assert language.split_compound("ungdomsbrottslighet", vocabulary) == ["ungdom", "brottslighet"]


def test_a_part_may_be_known_by_its_stem():
    # "skola" is known as its stem "skol", the form it takes first in a compound.
    assert language.split_compound("skolsamverkan", known("skol", "samverkan")) == [
        "skol",
        "samverkan",
    ]


def test_no_split_without_known_parts_or_with_too_short_ones():
    assert language.split_compound("samverkan", known("sam", "verkan")) == []
    assert language.split_compound("kartläggning", known("kart")) == []
    assert language.split_compound("barn", known("barn")) == []


def test_fewest_parts_win():
    vocabulary = known("social", "tjänst", "socialtjänst", "lagen", "tjänstlagen")
    assert language.split_compound("socialtjänstlagen", vocabulary) == ["socialtjänst", "lagen"]


def test_folding_and_swedish_letters():
    assert language.fold("säker på mål") == "saker pa mal"
    assert language.has_swedish_letters("mål") and not language.has_swedish_letters("mal")


def test_a_noun_finds_the_adjective_or_verb_it_is_made_from():
    for noun, other in [
        ("kriminalitet", "kriminella"),
        ("gängkriminaliteten", "gängkriminell"),
        ("bedömning", "bedöma"),
        ("placering", "placeras"),
    ]:
        assert set(language.related_stems(noun)) & set(language.stems(other)), (noun, other)
    assert set(language.related_stems("kriminell")) & set(language.stems("kriminalitet"))


def test_a_short_base_is_not_taken_for_a_derivation():
    assert language.related_stems("ordning") == ()  # not "ord"
    assert language.related_stems("modell") == ()  # not "modalitet"
    assert language.related_stems("barn") == ()


def test_a_definite_form_in_n_after_a_vowel_shares_a_stem_with_its_base_form():
    # "barn- och ungdomspsykiatrin" is how the pages write it; people type "psykiatri".
    for definite, base in [("psykiatrin", "psykiatri"), ("ungdomspsykiatrin", "ungdomspsykiatri")]:
        assert set(language.stems(definite)) & set(language.stems(base)), (definite, base)
    # A word of its own that ends in "-ion" is not taken for a definite form.
    assert language.stems("region") == ("region",)
