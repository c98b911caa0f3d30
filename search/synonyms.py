"""A query's words in groups, each with what editors said it means (search.Synonym).

    >>> query_groups("SIP för barnen")
    [Group(words=('sip',), alternatives=(('samordnad', 'individuell', 'plan'),)),
     Group(words=('barnen',), alternatives=())]

Terms are matched by their stems, so "beroendet" finds the synonyms of "beroende"; a
compound no term names is also said with its part's synonyms ("missbruksvård" as
"beroende vård"). The
synonyms live in the cache (Redis in production, so every app server sees a change at
once) and are read again after any change: no rebuild of the index is needed.
"""

import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .language import LINKING_LETTERS, MIN_PART, STOP_WORDS, stem, words

CACHE_KEY = "search:synonyms:v1"
LONGEST_TERM = 6  # words
ACRONYM = re.compile(r"^(?=(?:.*[A-ZÅÄÖ]){2})[A-Za-zÅÄÖåäö]{2,8}$")


@dataclass(frozen=True)
class Group:
    """One word or term of the query, and the other ways to say it (as words)."""

    words: tuple
    alternatives: tuple = ()
    acronym: bool = False  # the typed word is a known acronym: match it as such
    # The alternatives say a part of the typed compound otherwise (_part_alternatives):
    # the backends use them only when no page has the compound itself.
    from_part: bool = False


def is_acronym_spelling(text):
    """An acronym as editors write one: "SIP", "SoL", "SiS" (two capitals or more)."""
    return bool(ACRONYM.match(text.strip()))


def _key(text_words):
    return tuple(stem(word) for word in text_words)


def _meaningful(text, acronyms):
    return tuple(w for w in words(text) if w not in STOP_WORDS or w in acronyms)


def meaningful_words(text):
    """The words of a term that a query can match (not only stop words)."""
    return [w for w in words(text) if w not in STOP_WORDS or is_acronym_spelling(text.strip())]


def _load():
    from .models import Synonym

    entries = [(s.term, s.equivalent_list(), s.both_ways) for s in Synonym.objects.all()]
    acronyms = set()
    for term, equivalents, _both in entries:
        acronyms.update(t.lower() for t in [term, *equivalents] if is_acronym_spelling(t))
    table = {}
    for term, equivalents, both_ways in entries:
        term_words = _meaningful(term, acronyms)
        if not term_words:
            continue  # only stop words: its equivalents would become one another's
        spellings = [term_words] + [_meaningful(e, acronyms) for e in equivalents]
        spellings = [s for s in spellings if s]
        sources = spellings if both_ways else spellings[:1]
        for source in sources:
            others = table.setdefault(_key(source), [])
            others += [s for s in spellings if s != source and s not in others]
    return {"table": table, "acronyms": acronyms}


def _synonyms():
    data = cache.get(CACHE_KEY)
    if data is None:
        data = _load()
        cache.set(CACHE_KEY, data, timeout=None)
    return data


def forget(**kwargs):
    """When a synonym is saved or deleted: the next query reads them again (once more
    after the commit, in case a query read the old ones in between)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect():
    from .models import Synonym

    post_save.connect(forget, sender=Synonym, dispatch_uid="search-synonyms-saved")
    post_delete.connect(forget, sender=Synonym, dispatch_uid="search-synonyms-deleted")


def acronyms():
    return _synonyms()["acronyms"]


def query_groups(text):
    """The query's meaningful words, grouped: the longest known term at each position
    becomes one group with its alternatives; any other word is a group of its own."""
    data = _synonyms()
    table, known_acronyms = data["table"], data["acronyms"]
    typed = _meaningful(text, known_acronyms)
    groups, index = [], 0
    while index < len(typed):
        for length in range(min(LONGEST_TERM, len(typed) - index), 0, -1):
            span = typed[index : index + length]
            alternatives = table.get(_key(span))
            if alternatives:
                acronym = length == 1 and span[0] in known_acronyms
                groups.append(Group(span, tuple(alternatives), acronym))
                index += length
                break
        else:
            word = typed[index]
            alternatives = _part_alternatives(word, table)
            groups.append(Group((word,), alternatives, from_part=bool(alternatives)))
            index += 1
    return groups


def _part_alternatives(word, table):
    """For a compound no synonym names, with a part that one does: the compound with that
    part said the other ways, "brottsprevention" as "brottsförebyggande" and as "brott
    förebyggande", "missbruksvård" as "beroende vård". The longest such part is taken;
    a part has at least language.MIN_PART letters, as when compounds are split."""
    if len(word) < 2 * MIN_PART or word.isdigit():
        return ()
    cuts = range(MIN_PART, len(word) - MIN_PART + 1)
    # (part's length, the part is the head, the rest, the part's alternatives)
    found = []
    for cut in cuts:
        head, tail = word[:cut], word[cut:]
        alternatives = table.get(_key((tail,)))
        if alternatives:
            found.append((len(tail), False, _unlinked(head), head, alternatives))
        for part in dict.fromkeys((head, _unlinked(head))):
            alternatives = table.get(_key((part,)))
            if alternatives and len(part) >= MIN_PART:
                found.append((len(part), True, tail, "", alternatives))
    if not found:
        return ()
    _length, is_head, rest, linked_rest, alternatives = max(found, key=lambda f: f[0])
    spellings = []
    for alternative in alternatives:
        if alternative[0].startswith(rest) or rest in alternative:
            spellings.append(alternative)  # "prevention" as "brottsförebyggande"
            continue
        if not is_head and len(alternative) == 1:
            spellings.append((linked_rest + alternative[0],))  # "brotts" + "förebyggande"
        spellings.append((*alternative, rest) if is_head else (rest, *alternative))
    return tuple(dict.fromkeys(spellings))


def _unlinked(head):
    """A first part without its linking letter: "brotts" → "brott"."""
    if head[-1] in LINKING_LETTERS and len(head) > MIN_PART:
        return head[:-1]
    return head
