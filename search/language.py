"""Swedish words as search sees them: stems (definite forms included), folding and
compounds. Used by both backends, at index time and at query time.

- Stems are Snowball's, which leaves the definite singular "-et", "-an" and "-n" after
  a vowel alone ("barnet", "skolan", "psykiatrin"). Such a word also gets the stem of
  its base form ("barn", "skol", "psykiatri"), so the two forms find each other.
- Folding (å, ä, ö to a, a, o) is a fallback for people who type without those letters:
  a word typed with them is never folded, so "säker" does not find "saker".
- A compound is split into parts the vocabulary knows, with the linking -s- or -e-
  between them: "skolnärvaroarbete" is "skol" + "närvaro" + "arbete".
"""

import re
from functools import lru_cache, partial

from whoosh.lang import stemmer_for_language, stopwords_for_language

STOP_WORDS = frozenset(stopwords_for_language("sv"))
WORD = re.compile(r"\w+", re.UNICODE)
SWEDISH_LETTERS = frozenset("åäö")
FOLDING = str.maketrans("åäöéü", "aaoeu")

_snowball = stemmer_for_language("sv")

# A part of a compound has at least this many letters, and a word is only split when it
# is at least as long as two parts: "samverkan" is not "sam" + "verkan".
MIN_PART = 4
MAX_PARTS = 3
LINKING_LETTERS = ("s", "e")


def words(text):
    """The text's words, lowercased, in order."""
    return [word.lower() for word in WORD.findall(text)]


@lru_cache(maxsize=50_000)
def stems(word):
    """The Swedish stems of a lowercase word: Snowball's, and, for a definite singular
    ending Snowball keeps ("-et", "-an", "-n" after a vowel), also the stem of the base
    form (base_form)."""
    stem = _snowball(word)
    found = (stem,)
    if stem == word[:-1] and word.endswith("s"):
        # Snowball drops a final s, genitive or not: "insats" → "insat", while
        # "insatser" → "insats". The word itself is kept as a stem too.
        found += (word,)
    elif stem == word and len(word) >= 6:
        base = base_form(word)
        if base:
            found += (_snowball(base),)
    return found


# Vowels before which a definite singular is only "-n": "psykiatrin", "studion".
N_DEFINITE_AFTER = frozenset("iouyåäö")


def base_form(word):
    """The base form of a definite singular Snowball keeps, or "": "barnet" → "barn",
    "skolan" → "skola", "psykiatrin" → "psykiatri". For words of 6+ letters."""
    if len(word) < 6:
        return ""
    if word.endswith("et"):
        return word[:-2]
    if word.endswith("an"):
        return word[:-1]
    if word.endswith("n") and word[-2] in N_DEFINITE_AFTER and not word.endswith("ion"):
        return word[:-1]  # not "region", "information": their definite forms end "-en"
    return ""


def stem(word):
    return stems(word)[0]


# A noun and the adjective or verb it is made from, which Snowball leaves apart:
# "kriminalitet" and "kriminell", "bedömning" and "bedöma", "placering" and "placera".
# (ending of a stem, the related stem's ending), the first that fits; what is left of the
# stem must have MIN_DERIVED_BASE letters, so "ordning" is not related to "ord" nor
# "modell" to "modalitet".
DERIVATIONS = (("alitet", "ell"), ("ell", "alitet"), ("ering", "er"), ("ning", ""))
MIN_DERIVED_BASE = 4


@lru_cache(maxsize=50_000)
def related_stems(word):
    """Stems of the words derived from the same base as a lowercase word (DERIVATIONS),
    for a query to find them too: "gängkriminalitet" finds "gängkriminella". Never
    one of the word's own stems."""
    own = stems(word)
    related = []
    for own_stem in own:
        for ending, other in DERIVATIONS:
            base = own_stem[: -len(ending)]
            if own_stem.endswith(ending) and len(base) >= MIN_DERIVED_BASE:
                related.append(base + other)
                break
    return tuple(s for s in dict.fromkeys(related) if s not in own)


def has_swedish_letters(word):
    return not SWEDISH_LETTERS.isdisjoint(word)


def fold(text):
    return text.translate(FOLDING)


def split_compound(word, known):
    """The parts of a compound, each known to `known` (a word or a stem -> bool), or []
    when the word cannot be split. Fewest parts first, then the longest first part;
    a linking "s" or "e" between two parts is dropped."""
    if len(word) < 2 * MIN_PART:
        return []
    for count in range(2, MAX_PARTS + 1):
        parts = _split(word, known, count)
        if parts:
            return parts
    return []


def _known(part, known):
    return known(part) or any(known(s) for s in stems(part))


def _split(word, known, count):
    if count == 1:
        return [word] if len(word) >= MIN_PART and _known(word, known) else None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        if not _known(head, known):
            continue
        linked = head[:-1]
        if head[-1] in LINKING_LETTERS and len(linked) >= MIN_PART and _known(linked, known):
            head, tail = linked, head[-1] + tail  # "vålds|bejakande" is "våld" + s
        tails = [tail]
        if tail[0] in LINKING_LETTERS and len(tail) > MIN_PART:
            tails.append(tail[1:])
        for rest in tails:
            parts = _split(rest, known, count - 1)
            if parts:
                return [head, *parts]
    return None


class Vocabulary:
    """What counts as a known word when a compound is split: the words of the given
    texts and their stems, and what `index_knows` (the index's own words) says."""

    def __init__(self, texts=(), index_knows=None):
        self.index_knows = index_knows
        self.words = set()
        for text in texts:
            self.words.update(words(text))
        self.stems = {stem for word in self.words for stem in stems(word)}
        self._known = {}
        self._parts = {}  # word -> its parts: a rebuild splits each word once

    def __call__(self, part):
        known = self._known.get(part)
        if known is None:
            known = part in self.words or part in self.stems
            known = self._known[part] = known or bool(self.index_knows and self.index_knows(part))
        return known

    def parts(self, word):
        """split_compound(word, self), remembered."""
        parts = self._parts.get(word)
        if parts is None:
            parts = self._parts[word] = split_compound(word, self)
        return parts


def compound_parts(text, known, min_length=2 * MIN_PART):
    """The parts of every compound in the text, for an index field of parts."""
    split = known.parts if isinstance(known, Vocabulary) else partial(split_compound, known=known)
    parts = []
    for word in set(words(text)):
        if len(word) >= min_length and not word.isdigit():
            parts += split(word)
    return parts
