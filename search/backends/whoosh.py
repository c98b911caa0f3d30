"""The embedded search backend: a Whoosh index in a local folder, for one machine.

Fields: Swedish stems (definite forms included, search.language) for title and body; the
parts of the compounds the text uses, so that "närvaro" finds "skolnärvaro", and those
of the title's compounds apart, weighing more ("psykiatri" finds the page titled "barn-
och ungdomspsykiatrin" before a page that only mentions psykiatri); a prefix
field (word prefixes of 4+ letters, shorter than the word) so that a compound is found
by how it begins, and one of the title's; a field of the words with å/ä/ö, folded,
searched only for a query word typed without them; the
acronyms as the text writes them (so "SIG" is not the pronoun "sig"); the kind's label;
and a plain word list for spelling suggestions. Title matches weigh more than body
matches, and the helper fields less. Synonyms are applied to the query, never stored.

The index lives in SEARCH_INDEX_DIR/<generation>, with a `current` symlink naming the
generation in use: a rebuild writes a new generation beside it and swaps the link.

Speed: a rebuild indexes with two processes, one segment each. Each thread keeps its
searcher open between queries (after a rebuild, an idle thread holds the old generation's
files open, deleted, until its next query or its end: one generation's disk space), and
facet counts come from a table of each segment's facet values read once (Whoosh's
groupedby rebuilt those tables on every query: most of a query's time at 10,000
documents). bench/search_speed.py measures it.
"""

import datetime
import math
import os
import shutil
import threading
import time
from array import array
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from whoosh import collectors, fields, index, sorting
from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
)
from whoosh.highlight import (
    Formatter,
    Highlighter,
    WholeFragmenter,
    get_text,
)
from whoosh.matching import DisjunctionMaxMatcher, NullMatcher, WrappingMatcher
from whoosh.query import And, AndMaybe, DisjunctionMax, Every, Or, Phrase, Term
from whoosh.query.wrappers import WrappingQuery
from whoosh.searching import ResultsPage
from whoosh.support.charset import accent_map

from search import language, synonyms
from search.registry import kind_labels

from . import (
    ALL_WORDS_BOOST,
    BETWEEN_FRAGMENTS,
    FACETS,
    MAX_CORRECTED_WORDS,
    RELAXED_BELOW,
    Hit,
    Results,
    highlighted,
    kind_weights_for,
    sentences,
)


class SwedishStems(Filter):
    """Each word's stems (search.language.stems): Snowball's, and for a definite form
    Snowball keeps, the base form's stem too, at the same position."""

    def __call__(self, tokens):
        for token in tokens:
            if token.stopped:
                yield token
                continue
            word = token.text
            for stem in language.stems(word):
                token.text = stem
                yield token


class LongWords(Filter):
    """Only words long enough to be compounds get prefixes; stemming serves the rest.
    This keeps the prefix field a fraction of the size it would otherwise be."""

    def __init__(self, minimum):
        self.minimum = minimum

    def __call__(self, tokens):
        for token in tokens:
            if len(token.text) >= self.minimum:
                yield token


class FoldedToo(Filter):
    """A word with å, ä or ö, and then the same word folded: for prefixes that a query
    typed without those letters can reach, and a query typed with them never can."""

    def __call__(self, tokens):
        for token in tokens:
            word = token.text
            yield token
            if language.has_swedish_letters(word):
                token.text = language.fold(word)
                yield token


class ProperPrefixes(Filter):
    """Each word's beginnings of `minimum` letters or more, shorter than the word: a
    word the body or title has as such is matched there, and must not count again here
    ("psykiatri" once in a body outweighed "ungdomspsykiatrin" in a title)."""

    def __init__(self, minimum):
        self.minimum = minimum

    def __call__(self, tokens):
        for token in tokens:
            word = token.text
            for end in range(self.minimum, len(word)):
                token.text = word[:end]
                yield token


class OnlyFolded(Filter):
    """Only the words that folding changes, folded ("kartläggning" → "kartlaggning"): a
    word without å, ä or ö is matched in the title and body, and must not count again."""

    def __call__(self, tokens):
        for token in tokens:
            folded = token.text.translate(accent_map)
            if folded != token.text:
                token.text = folded
                yield token


class Acronyms(Filter):
    """Only words written as acronyms ("SIG", "SoL"), then lowercased."""

    def __call__(self, tokens):
        for token in tokens:
            if synonyms.is_acronym_spelling(token.text):
                token.text = token.text.lower()
                yield token


SWEDISH = (
    RegexTokenizer() | LowercaseFilter() | StopFilter(stoplist=language.STOP_WORDS) | SwedishStems()
)
PREFIXES = RegexTokenizer() | LowercaseFilter() | LongWords(7) | FoldedToo() | ProperPrefixes(4)
# A title's shorter words too: "gäng" finds "Tjejer i gängkriminella miljöer".
TITLE_PREFIXES = (
    RegexTokenizer() | LowercaseFilter() | LongWords(5) | FoldedToo() | ProperPrefixes(4)
)
FOLDED = RegexTokenizer() | LowercaseFilter() | OnlyFolded()
WORDS = RegexTokenizer() | LowercaseFilter()
ACRONYMS = RegexTokenizer() | Acronyms()

BOOSTS = {
    "title": 4.0,
    "body": 1.0,
    "acronyms": 2.0,
    "label": 1.2,
    "parts": 0.5,
    "title_parts": 2.0,  # half a title's word, as "parts" is half a body's
    "prefix": 0.5,
    "title_prefix": 2.0,  # a title's word that begins with the query word ("gäng")
    "folded": 0.3,
}
COMPOUND_BOOST = 0.5  # a compound found by its parts apart, against the whole word
SYNONYM_BOOST = 0.7  # what a synonym finds, against what the user typed
RELATED_BOOST = 0.6  # a word derived from the same base (language.related_stems)
PHRASE_BOOST = 1.0  # the words of a spelling next to each other, on top of each word
PHRASE_SLOP = 1
SYNONYM_TIEBREAK = 0.1  # how much a page's other spellings of a term add to its best one

SCHEMA = fields.Schema(
    key=fields.ID(unique=True, stored=True),
    kind=fields.ID(stored=True),
    url=fields.STORED,
    title=fields.TEXT(analyzer=SWEDISH, stored=True),
    body=fields.TEXT(analyzer=SWEDISH, stored=True),
    # The helper fields need no positions: no phrase queries run on them.
    acronyms=fields.TEXT(analyzer=ACRONYMS, phrase=False),
    label=fields.TEXT(analyzer=SWEDISH, phrase=False),
    parts=fields.TEXT(analyzer=SWEDISH, phrase=False),
    title_parts=fields.TEXT(analyzer=SWEDISH, phrase=False),
    prefix=fields.TEXT(analyzer=PREFIXES, phrase=False),
    title_prefix=fields.TEXT(analyzer=TITLE_PREFIXES, phrase=False),
    folded=fields.TEXT(analyzer=FOLDED, phrase=False),
    words=fields.TEXT(analyzer=WORDS, spelling=True, phrase=False),
    support_area=fields.KEYWORD(commas=True, stored=True),
    prevention_level=fields.KEYWORD(commas=True, stored=True),
    target_group=fields.KEYWORD(commas=True, stored=True),
    method=fields.KEYWORD(commas=True, stored=True),
    county=fields.ID(stored=True),
    year=fields.ID(stored=True),
    date=fields.DATETIME(stored=True, sortable=True),
)


class MarkFormatter(Formatter):
    """Whoosh's best fragments as (text, matched) parts for highlighted(), which escapes
    them; Whoosh's own HtmlFormatter would leave the escaping to a detail of its code."""

    def format_fragment(self, fragment, replace=False):
        parts, index, text = [], fragment.startchar, fragment.text
        # As Whoosh's Formatter: by position, the longest of overlapping matches first.
        for token in sorted(fragment.matches, key=lambda t: (t.startchar, t.startchar - t.endchar)):
            if token.startchar is None or token.startchar < index:
                continue
            parts.append((text[index : token.startchar], False))
            parts.append((get_text(text, token, replace), True))
            index = token.endchar
        parts.append((text[index : fragment.endchar], False))
        return parts

    def format(self, fragments, replace=False):
        parts = []
        for number, fragment in enumerate(fragments):
            if number:
                parts.append((BETWEEN_FRAGMENTS, False))
            parts += self.format_fragment(fragment, replace=replace)
        return highlighted(parts)


class SpanFormatter(Formatter):
    """Where the matches are, as (start, end) characters, for sentences.snippet()."""

    def format(self, fragments, replace=False):
        return [(t.startchar, t.endchar) for f in fragments for t in f.matches]


WRITER_TIMEOUT = 10.0  # seconds a drain waits for the one writer at a time
# Change SCHEMA_VERSION with SCHEMA or with any analyzer: an index built by an earlier
# release is then rebuilt after `migrate` and before the next write (search.indexer), and
# finds nothing until then.
SCHEMA_VERSION = "2026-12-03.1"
VERSION_FILE = "schema-version"
# Processes a rebuild indexes with: the machines have two cores.
REBUILD_PROCESSES = max(1, min(2, os.cpu_count() or 1))

_open_searchers = threading.local()
WORD_QUERIES_KEPT = 20_000  # per thread: what _word_query remembers
_segment_facets = {}  # segment id -> {facet name: [values of each document]}


def _facet_values(reader):
    """Each document's values of each facet in one segment, read once from the
    segment's postings and kept while the segment exists (segments never change,
    deleted documents are never matched)."""
    if reader.segment() is None:  # an empty index: nothing is matched
        return {name: [] for name in FACETS}
    key = reader.segment().segment_id()
    values = _segment_facets.get(key)
    if values is None:
        values = {}
        size = reader.doc_count_all()
        for name in FACETS:
            column = [()] * size
            field = SCHEMA[name]
            for text in reader.lexicon(name):
                value = field.from_bytes(text)
                for docnum in reader.postings(name, text).all_ids():
                    column[docnum] += (value,)
            values[name] = column
        _segment_facets[key] = values
    return values


def _forget_other_segments(searcher):
    segments = (reader.segment() for reader, _ in searcher.reader().leaf_readers())
    current = {segment.segment_id() for segment in segments if segment is not None}
    for key in list(_segment_facets):
        if key not in current:
            _segment_facets.pop(key, None)


class FacetCounter(collectors.WrappingCollector):
    """Counts the matches and the facet values of each from _facet_values. Whoosh's
    own groupedby rebuilds the same document-to-value tables from the postings on every
    query, which cost more than the query itself."""

    def __init__(self, child):
        super().__init__(child)
        self.counts = {name: Counter() for name in FACETS}
        self.matched = 0

    def set_subsearcher(self, subsearcher, offset):
        super().set_subsearcher(subsearcher, offset)
        self.values = _facet_values(subsearcher.reader())

    def collect(self, sub_docnum):
        self.matched += 1
        for name in FACETS:
            self.counts[name].update(self.values[name][sub_docnum])
        return self.child.collect(sub_docnum)


HIGHLIGHTED = ("title", "body")  # the fields _run() highlights


class MatchedTerms(collectors.TermsCollector):
    """Which terms of the highlighted fields matched some document: all the highlighter
    asks (results.matched_terms()). Whoosh's TermsCollector checks every term of the
    query at every match and lists each term's documents (3% of a query's time at
    10,000 documents, 5% of its p95); this one checks a term only until it first
    matches, and only the terms of HIGHLIGHTED fields, at the same moments, so the set
    is the same.
    Documents' own lists (hit.matched_terms()) are left empty: nothing here reads them."""

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)  # the matchers keep the current document
        self.found = {}  # term -> the first document it matched

    def set_subsearcher(self, subsearcher, offset):
        collectors.WrappingCollector.set_subsearcher(self, subsearcher, offset)
        terms = ((matcher, matcher.term()) for matcher in self.child.matcher.term_matchers())
        self.pending = [
            (matcher, term)
            for matcher, term in terms
            if term[0] in HIGHLIGHTED and term not in self.found
        ]

    def collect(self, sub_docnum):
        self.child.collect(sub_docnum)
        if self.pending:
            found = self.found
            pending = []
            for matcher, term in self.pending:
                if term in found:
                    continue
                if matcher.is_active() and matcher.id() == sub_docnum:
                    found[term] = self.child.offset + sub_docnum
                else:
                    pending.append((matcher, term))
            self.pending = pending

    def results(self):
        results = self.child.results()
        results.termdocs = {term: array("I", [docnum]) for term, docnum in self.found.items()}
        results.docterms = {}
        return results


class Scaled(WrappingQuery):
    """A query whose scores are multiplied by `factor`. (Whoosh ignores the boost of a
    compound query of one subquery and of AndMaybe.)"""

    def __init__(self, child, factor):
        super().__init__(child)
        self.factor = factor

    def _rewrap(self, child):
        return self.__class__(child, self.factor)

    def matcher(self, searcher, context=None):
        return WrappingMatcher(self.child.matcher(searcher, context), self.factor)


class _BestMatcher(DisjunctionMaxMatcher):
    """Whoosh's DisjunctionMaxMatcher scores a document by the larger of its two sides'
    current scores even when one side is on another document, and drops its tiebreak
    when it replaces itself: this one scores only the sides on the document."""

    def replace(self, minquality=0):
        a_active, b_active = self.a.is_active(), self.b.is_active()
        if not (a_active or b_active):
            return NullMatcher()
        if not a_active:
            return self.b.replace(minquality)
        if not b_active:
            return self.a.replace(minquality)
        a, b = self.a.replace(minquality), self.b.replace(minquality)
        if a is not self.a or b is not self.b:
            return self.__class__(a, b, tiebreak=self.tiebreak)
        return self

    def supports_block_quality(self):
        return False

    def score(self):
        current = self.id()
        scores = [
            side.score() for side in (self.a, self.b) if side.is_active() and side.id() == current
        ]
        best = max(scores)
        return best + self.tiebreak * (sum(scores) - best)


class Best(DisjunctionMax):
    """Any of the subqueries, a document scoring by its best one (plus `tiebreak`
    times the others)."""

    def _matcher(self, subs, searcher, context):
        reader = searcher.reader()
        return self._tree_matcher(
            subs,
            _BestMatcher,
            searcher,
            context,
            lambda query: query.estimate_size(reader),
            tiebreak=self.tiebreak,
        )


class KindWeighted(WrappingQuery):
    """A query whose documents' scores are multiplied by their kind's weight (`weights`:
    search.registry's kind weights, less those the query names). Applied once per
    matched document at the top of the query, not to every term's score."""

    def __init__(self, child, weights):
        super().__init__(child)
        self.weights = weights

    def _rewrap(self, child):
        return self.__class__(child, self.weights)

    def matcher(self, searcher, context=None):
        child = self.child.matcher(searcher, context)
        reader = searcher.reader()
        if not self.weights or not reader.is_atomic() or reader.segment() is None:
            return child
        return _KindMatcher(child, _facet_values(reader)["kind"], self.weights)


class _KindMatcher(WrappingMatcher):
    def __init__(self, child, kinds, weights):
        super().__init__(child)
        self.kinds = kinds  # each document's (kind,) in the segment
        self.weights = weights

    def copy(self):
        return self.__class__(self.child.copy(), self.kinds, self.weights)

    def _replacement(self, newchild):
        return self.__class__(newchild, self.kinds, self.weights)

    def supports_block_quality(self):
        return False

    def max_quality(self):
        return self.child.max_quality() * max(1.0, *self.weights.values())

    def score(self):
        kind = self.kinds[self.child.id()]
        return self.child.score() * self.weights.get(kind[0] if kind else "", 1.0)


def index_root():
    return Path(settings.SEARCH_INDEX_DIR)


def _index_knows(reader):
    """Whether the index has a word (or a stem), alone or as a part of its compounds,
    for splitting compounds: "gäng" is known from "gängkriminella"."""
    return lambda part: (
        reader.doc_frequency("words", part)
        or reader.doc_frequency("body", part)
        or reader.doc_frequency("parts", part)
    )


def _has_as_such(reader, word):
    """Whether a title or body has the word (by its stems), or, typed without å, ä and
    ö, has it with them."""
    return any(
        reader.doc_frequency(name, stem)
        for stem in language.stems(word)
        for name in ("title", "body")
    ) or (not language.has_swedish_letters(word) and reader.doc_frequency("folded", word))


def _rarity(reader, spelling):
    """The mean inverse document frequency of a spelling's words in titles and bodies
    (by their stems, as BM25 weighs them); a word no page has counts as the rarest."""
    total = reader.doc_count_all() or 1
    rarities = []
    for word in spelling:
        frequency = max(
            (
                reader.doc_frequency(name, stem)
                for stem in language.stems(word)
                for name in ("title", "body")
            ),
            default=0,
        )
        rarities.append(1.0 + math.log(total / (frequency + 1)))
    return sum(rarities) / len(rarities) if rarities else 1.0


def _fields(document, vocabulary, labels):
    """labels: kind_labels(), read once for all the documents of a write."""
    text = f"{document.title}\n{document.body}"
    return {
        "key": document.key,
        "kind": document.kind,
        "url": document.url,
        "title": document.title,
        "body": document.body,
        "acronyms": text,
        "label": str(labels.get(document.kind, "")),
        "parts": " ".join(language.compound_parts(text, vocabulary)),
        "title_parts": " ".join(language.compound_parts(document.title, vocabulary)),
        "prefix": text,
        "title_prefix": document.title,
        "folded": text,
        "words": text,
        "support_area": ",".join(document.support_areas),
        "prevention_level": ",".join(document.prevention_levels),
        "target_group": ",".join(document.target_groups),
        "method": ",".join(document.methods),
        "county": document.county or "",
        "year": str(document.year) if document.year else "",
        "date": _naive_utc(document.date),
    }


UNDATED = datetime.datetime(1970, 1, 1)


def _naive_utc(moment):
    """Whoosh sorts naive datetimes; undated documents sort last when newest come first."""
    if moment is None:
        return UNDATED
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return moment


def _edits_allowed(word):
    """How far a spelling suggestion may be from the word. Two edits make a short word
    almost any other short word: slow to look up, and no help as a suggestion."""
    return 1 if len(word) < 5 else 2


class WhooshBackend:
    name = "whoosh"

    def __init__(self):
        self._outdated = {}  # generation directory -> built by an earlier release

    # -- the index on disk ----------------------------------------------------------
    def _current_dir(self):
        link = index_root() / "current"
        if not link.exists():
            self._create_generation(make_current=True)
        return link.resolve()

    def _create_generation(self, make_current=False):
        root = index_root()
        root.mkdir(parents=True, exist_ok=True)
        directory = root / f"gen-{time.time_ns()}"
        directory.mkdir()
        index.create_in(directory, SCHEMA)
        (directory / VERSION_FILE).write_text(SCHEMA_VERSION)
        if make_current:
            self._point_current_at(directory)
        return directory

    def _point_current_at(self, directory):
        link = index_root() / "current"
        temporary = index_root() / f".current-{time.time_ns()}"
        os.symlink(directory.name, temporary)
        os.replace(temporary, link)  # atomic: readers see the old or the new, never none

    def open(self):
        return index.open_dir(self._current_dir())

    def is_outdated(self):
        """True when the index on disk was built by an earlier release, with other fields
        or analysis: search.indexer rebuilds it before writing to it."""
        directory = self._current_dir()
        if directory not in self._outdated:  # a generation's version never changes
            version = directory / VERSION_FILE
            self._outdated[directory] = (
                not version.exists() or version.read_text().strip() != SCHEMA_VERSION
            )
        return self._outdated[directory]

    @contextmanager
    def reading(self):
        """This thread's searcher on the current generation, opened once and refreshed
        when the index has changed: opening an index reads its table of contents and
        every segment's files, which a query need not repeat. Facet values are kept per
        segment, so after a drain only its new segment is read for them."""
        directory = self._current_dir()
        cached = getattr(_open_searchers, "entry", None)
        if cached is not None and cached[0] == directory and cached[1].up_to_date():
            searcher = cached[1]
        else:
            # Not Searcher.refresh(): it reuses a segment's reader by the segment's id
            # alone, so documents deleted since would still be found.
            if cached is not None:
                cached[1].close()
            searcher = index.open_dir(directory).searcher()
        if cached is None or searcher is not cached[1]:
            _forget_other_segments(searcher)
        _open_searchers.entry = (directory, searcher)
        yield searcher  # not closed: the next query of this thread uses it again

    # -- writing --------------------------------------------------------------------
    def writer(self, timeout=WRITER_TIMEOUT):
        return self.open().writer(timeout=timeout)

    def apply(self, changes, writer):
        """changes: [(key, Document or None)]. Updates or removes each key."""
        changed = [document for _key, document in changes if document is not None]
        vocabulary = language.Vocabulary(
            [f"{d.title}\n{d.body}" for d in changed], _index_knows(writer.reader())
        )
        labels = kind_labels()
        for key, document in changes:
            if document is None:
                writer.delete_by_term("key", key)
            else:
                writer.update_document(**_fields(document, vocabulary, labels))

    def rebuild(self, documents, progress=None):
        """Build a new generation beside the current one and swap. The current index's
        writer lock is held meanwhile, so drains wait (and their outbox rows stay)."""
        old_writer = self.writer()
        try:
            directory = self._create_generation()
            ix = index.open_dir(directory)
            # Two passes: compounds are split against the words of every document.
            built = []
            for document in documents:
                built.append(document)
                if progress:
                    progress(len(built))
            vocabulary = language.Vocabulary(f"{d.title}\n{d.body}" for d in built)
            # Sub-processes analyse and write the documents, each its own segment; the
            # segments are kept as they are (merging them would cost what the processes
            # saved). Later drains merge small segments as usual.
            writer = ix.writer(
                procs=REBUILD_PROCESSES, multisegment=True, limitmb=256, batchsize=250
            )
            labels = kind_labels()
            for document in built:
                writer.add_document(**_fields(document, vocabulary, labels))
            writer.commit()
            count = len(built)
            self._point_current_at(directory)
        finally:
            old_writer.cancel()
        self._remove_old_generations(keep=directory)
        return count

    def _remove_old_generations(self, keep):
        for path in index_root().glob("gen-*"):
            if path != keep:
                shutil.rmtree(path, ignore_errors=True)

    def indexed_keys(self):
        with self.open().searcher() as searcher:
            return sorted(fields_["key"] for fields_ in searcher.all_stored_fields())

    # -- reading --------------------------------------------------------------------
    def _word_query(self, reader, word, acronym=False):
        """What one query word matches, or None if the index knows nothing like it.
        Remembered for the reader (this thread's searcher, until the index changes):
        splitting a compound asks the index about every cut of the word."""
        cached = getattr(_open_searchers, "word_queries", None)
        if cached is None or cached[0] is not reader or len(cached[1]) > WORD_QUERIES_KEPT:
            cached = _open_searchers.word_queries = (reader, {})
        key = (word, acronym)
        if key not in cached[1]:
            cached[1][key] = self._new_word_query(reader, word, acronym)
        return cached[1][key]

    def _new_word_query(self, reader, word, acronym):
        if acronym:
            # As an acronym; its stems, prefixes or folded forms would match ordinary
            # words ("sig", "est").
            names = ("title", "body", "acronyms")
        elif language.has_swedish_letters(word):
            names = ("title", "body", "label", "parts", "title_parts")  # never folded
        else:
            names = ("title", "body", "label", "parts", "title_parts", "folded")
        terms = [
            Term(name, token, boost=BOOSTS[name])
            for name in names
            if name != "folded"
            for token in SCHEMA[name].process_text(word, mode="query")
        ]
        if "folded" in names:  # the word as typed, against the folded words of the text
            terms.append(Term("folded", word.translate(accent_map), boost=BOOSTS["folded"]))
        if not acronym and len(word) >= 4:
            terms.append(Term("prefix", word, boost=BOOSTS["prefix"]))
            terms.append(Term("title_prefix", word, boost=BOOSTS["title_prefix"]))
        terms = [t for t in terms if reader.doc_frequency(t.fieldname, t.text)]
        if not acronym and not any(t.fieldname in ("title", "body") for t in terms):
            # Only for a word no title or body has as such ("gängkriminalitet"): each
            # alternative of a word costs every query that has it.
            related = [
                Term(name, form, boost=BOOSTS[name] * RELATED_BOOST)
                for form in language.related_stems(word)
                for name in ("title", "body")
            ]
            terms += [t for t in related if reader.doc_frequency(t.fieldname, t.text)]
        if not acronym:
            parts = language.split_compound(word, _index_knows(reader))
            if parts:
                part_queries = [self._word_query(reader, part) for part in parts]
                if all(part_queries):
                    # The mean of the parts, as a spelling of several words scores.
                    terms.append(Scaled(And(part_queries), COMPOUND_BOOST / len(parts)))
                # A longer compound that begins with this one is the same thing, made
                # more precise ("riskbedömning" in "riskbedömningsinstrument"): it weighs
                # as a word of the body, above the parts found apart.
                terms = [
                    Term("prefix", t.text, boost=BOOSTS["body"])
                    if isinstance(t, Term) and t.fieldname == "prefix"
                    else t
                    for t in terms
                ]
        return Or(terms) if terms else None

    def _phrase(self, spelling, boost=PHRASE_BOOST):
        """The words of a spelling next to each other in the title or the body, as an
        optional query that raises the pages having them so ("placerade barn")."""
        stems = [language.stem(word) for word in spelling]
        return Or(
            [
                Phrase(name, stems, slop=PHRASE_SLOP, boost=BOOSTS[name] * boost)
                for name in ("title", "body")
            ]
        )

    def _spelling_query(self, reader, spelling, acronym=False):
        """Every word of one spelling of a term, the pages with them together first."""
        word_queries = [self._word_query(reader, word, acronym) for word in spelling]
        if not word_queries or not all(word_queries):
            return None
        if len(word_queries) == 1:
            return word_queries[0]
        return AndMaybe(And(word_queries), self._phrase(spelling))

    def _group_query(self, reader, group):
        """A group of the query: its words, or any of its synonyms' words. The group is
        one term, however many words a spelling has: a spelling scores the mean of its
        words (a three-word expansion of an acronym would otherwise outweigh the acronym
        three times), and a page scores by its best spelling and a little for the
        others (a page with both an acronym and what it stands for is not worth two)."""
        spellings = [group.words, *group.alternatives]
        if group.from_part and _has_as_such(reader, group.words[0]):
            spellings = spellings[:1]  # a compound the pages use is found as itself
        queries = []
        typed_rarity = _rarity(reader, group.words)
        for number, spelling in enumerate(spellings):
            query = self._spelling_query(reader, spelling, group.acronym and number == 0)
            if query is not None:
                factor = (1.0 if number == 0 else SYNONYM_BOOST) / len(spelling)
                if number:
                    # A synonym weighs no more for being rarer than what was typed: a
                    # page naming the rare synonym in its title would outrank the pages
                    # naming the typed word in theirs (as Lucene's SynonymQuery, which
                    # scores all spellings with one document frequency).
                    factor *= min(1.0, typed_rarity / _rarity(reader, spelling))
                queries.append(Scaled(query, factor) if factor != 1.0 else query)
        if len(queries) > 1:
            return Best(queries, tiebreak=SYNONYM_TIEBREAK)
        return queries[0] if queries else None

    def _live_suggestion(self, searcher, corrector, word):
        """The nearest spelling that a document in the index still has: the word list
        keeps the words of removed documents until their segment is merged away, and a
        page taken down must not live on as "menade du"."""
        for suggestion in corrector.suggest(word, limit=3, maxdist=_edits_allowed(word)):
            if not searcher.search(Term("words", suggestion), limit=1).is_empty():
                return suggestion
        return None

    def _any_word(self, reader, groups):
        """Any word of the query or of its synonyms: when no page has them all."""
        word_queries = [
            self._word_query(reader, word, group.acronym and number == 0)
            for group in groups
            for number, spelling in enumerate([group.words, *group.alternatives])
            for word in spelling
        ]
        word_queries = [q for q in word_queries if q is not None]
        return Or(word_queries) if len(word_queries) > 1 else None

    def search(self, query, filters=None, page=1, per_page=10, sort="relevance"):
        """All query words must match (in some field, or through a synonym); if fewer
        than RELAXED_BELOW pages have them all, pages with any of them follow. A word the
        index does not know is also searched as its nearest known spelling (the first
        MAX_CORRECTED_WORDS such words; later ones as typed), and the corrected query is
        offered as "menade du"."""
        if self.is_outdated():
            # Built by an earlier release, and rebuilt at the next migrate or drain: its
            # fields are not what this code asks for, so it finds nothing meanwhile.
            return Results(query, [], 0, 1, 1)
        with self.reading() as searcher:
            reader = searcher.reader()
            corrector = searcher.corrector("words")
            groups = synonyms.query_groups(query)
            typed = [word for group in groups for word in group.words]
            weights = kind_weights_for(typed)
            queries, corrected, looked_up = [], [], 0
            for group in groups:
                group_query = self._group_query(reader, group)
                if group_query is None and len(group.words) == 1 and not group.alternatives:
                    word = group.words[0]
                    if looked_up < MAX_CORRECTED_WORDS:
                        looked_up += 1
                        suggestion = self._live_suggestion(searcher, corrector, word)
                        if suggestion:
                            word = suggestion
                            group_query = self._word_query(reader, word)
                    corrected.append(word)
                else:
                    corrected += group.words
                if group_query is not None:
                    queries.append(group_query)
            if typed and not queries:
                return Results(query, [], 0, 1, 1)
            filter_query = self._filter(filters or {})
            matcher = And(queries) if queries else Every()
            if len(queries) > 1 and len(typed) > 1:
                matcher = AndMaybe(matcher, self._phrase(typed))
            results = self._run(
                searcher, KindWeighted(matcher, weights), filter_query, page, per_page, sort
            )
            if results.total == 0 or (results.total < RELAXED_BELOW and len(queries) > 1):
                loose = self._any_word(reader, groups)
                if loose is not None:
                    if results.total:  # the pages with every word stay first
                        loose = Or([And(queries, boost=ALL_WORDS_BOOST), loose])
                    loose = KindWeighted(loose, weights)
                    results = self._run(searcher, loose, filter_query, page, per_page, sort)
            results.query = query
            if corrected != typed:
                results.suggestion = " ".join(corrected)
            return results

    def _filter(self, filters):
        terms = []
        for name, value in filters.items():
            if value:
                terms.append(Term(name, str(value)))
        return And(terms) if terms else None

    def _run(self, searcher, matcher, filter_query, page, per_page, sort):
        page = max(page, 1)
        kwargs = {"limit": page * per_page, "filter": filter_query}
        if sort == "date":
            kwargs["sortedby"] = sorting.FieldFacet("date", reverse=True)
        else:
            kwargs["optimize"] = False  # every match is visited: exact totals and facets
        collector = searcher.collector(**kwargs)
        # Facets count inside the filter, as before: wrap the child the filter wraps;
        # the matched terms are recorded inside the facet counter, as Whoosh's
        # terms=True would.
        if isinstance(collector, collectors.FilterCollector):
            counter = collector.child = FacetCounter(MatchedTerms(collector.child))
        else:
            counter = collector = FacetCounter(MatchedTerms(collector))
        searcher.search_with_collector(matcher, collector)
        raw = collector.results()
        page_results = ResultsPage(raw, page, pagelen=per_page)
        whole = Highlighter(fragmenter=WholeFragmenter(), formatter=MarkFormatter())
        # Whoosh's SentenceFragmenter drops sentences longer than its maxchars, does not
        # end one at a line break and yields only sentences with matches: Whoosh gives
        # where the matches are, and sentences.snippet() picks the sentences.
        spans = Highlighter(fragmenter=WholeFragmenter(), formatter=SpanFormatter())
        hits = []
        for hit in page_results:
            snippet = sentences.snippet(hit["body"], spans.highlight_hit(hit, "body", top=1))
            hits.append(
                Hit(
                    key=hit["key"],
                    kind=hit["kind"],
                    title=hit["title"],
                    url=hit["url"],
                    title_html=whole.highlight_hit(hit, "title"),  # a title is never cut
                    snippet_html=snippet,
                    year=hit.get("year", ""),
                    date=hit.get("date"),
                )
            )
        facet_counts = {
            name: {value: count for value, count in counter.counts[name].items() if value}
            for name in FACETS
        }
        total = counter.matched
        return Results(
            "",
            hits,
            total,
            page_results.pagenum,
            max(1, math.ceil(total / per_page)),
            facets=facet_counts,
        )
