"""The embedded search backend: a Whoosh index in a local folder, for one machine.

Fields: Swedish stemming and stop words for title, body and acronym synonyms; a prefix
field (word prefixes of 4+ letters) so that a compound is found by its first part; a
field that folds å/ä/ö for people who type without them; and a plain word list for
spelling suggestions. Title matches weigh more than body matches, and the prefix,
folded and synonym fields less.

The index lives in SEARCH_INDEX_DIR/<generation>, with a `current` symlink naming the
generation in use: a rebuild writes a new generation beside it and swaps the link.
"""

import datetime
import math
import os
import shutil
import time
from pathlib import Path

from django.conf import settings
from whoosh import fields, index, sorting
from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LanguageAnalyzer,
    LowercaseFilter,
    NgramFilter,
    RegexTokenizer,
    StemFilter,
)
from whoosh.highlight import (
    Formatter,
    Highlighter,
    WholeFragmenter,
    get_text,
)
from whoosh.lang import stopwords_for_language
from whoosh.query import And, Every, Or, Term
from whoosh.support.charset import accent_map

from search.registry import kind_label
from search.vocabulary import is_acronym, synonyms_for

from . import (
    BETWEEN_FRAGMENTS,
    MAX_CORRECTED_WORDS,
    Hit,
    Results,
    highlighted,
    sentences,
)

SWEDISH = LanguageAnalyzer("sv")
STOP_WORDS = frozenset(stopwords_for_language("sv"))


class LongWords(Filter):
    """Only words long enough to be compounds get prefixes; stemming serves the rest.
    This keeps the prefix field a fraction of the size it would otherwise be."""

    def __init__(self, minimum):
        self.minimum = minimum

    def __call__(self, tokens):
        for token in tokens:
            if len(token.text) >= self.minimum:
                yield token


PREFIXES = (
    RegexTokenizer()
    | LowercaseFilter()
    | CharsetFilter(accent_map)
    | LongWords(7)
    | NgramFilter(4, 40, at="start")
)
FOLDED = RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)
WORDS = RegexTokenizer() | LowercaseFilter()
# Stemmed like the text, but keeping stop words: "sig" is SIG here.
SYNONYMS = RegexTokenizer() | LowercaseFilter() | StemFilter(lang="sv")

BOOSTS = {
    "title": 4.0,
    "title_acronyms": 4.0,
    "body": 1.0,
    "synonyms": 1.2,
    "prefix": 0.6,
    "folded": 0.4,
}

SCHEMA = fields.Schema(
    key=fields.ID(unique=True, stored=True),
    kind=fields.ID(stored=True),
    url=fields.STORED,
    title=fields.TEXT(analyzer=SWEDISH, stored=True),
    title_acronyms=fields.TEXT(analyzer=SYNONYMS, phrase=False),
    body=fields.TEXT(analyzer=SWEDISH, stored=True),
    # The helper fields need no positions: no phrase queries run on them.
    synonyms=fields.TEXT(analyzer=SYNONYMS, phrase=False),
    prefix=fields.TEXT(analyzer=PREFIXES, phrase=False),
    folded=fields.TEXT(analyzer=FOLDED, phrase=False),
    words=fields.TEXT(analyzer=WORDS, spelling=True, phrase=False),
    support_area=fields.KEYWORD(commas=True, stored=True),
    prevention_level=fields.KEYWORD(commas=True, stored=True),
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


def index_root():
    return Path(settings.SEARCH_INDEX_DIR)


def _fields(document):
    text = f"{document.title}\n{document.body}"
    return {
        "key": document.key,
        "kind": document.kind,
        "url": document.url,
        "title": document.title,
        "title_acronyms": f"{document.title} {synonyms_for(document.title)}",
        "body": document.body,
        "synonyms": f"{kind_label(document.kind)} {synonyms_for(text)}",
        "prefix": text,
        "folded": text,
        "words": text,
        "support_area": ",".join(document.support_areas),
        "prevention_level": ",".join(document.prevention_levels),
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

    # -- writing --------------------------------------------------------------------
    def writer(self, timeout=WRITER_TIMEOUT):
        return self.open().writer(timeout=timeout)

    def apply(self, changes, writer):
        """changes: [(key, Document or None)]. Updates or removes each key."""
        for key, document in changes:
            if document is None:
                writer.delete_by_term("key", key)
            else:
                writer.update_document(**_fields(document))

    def rebuild(self, documents, progress=None):
        """Build a new generation beside the current one and swap. The current index's
        writer lock is held meanwhile, so drains wait (and their outbox rows stay)."""
        old_writer = self.writer()
        try:
            directory = self._create_generation()
            ix = index.open_dir(directory)
            writer = ix.writer(limitmb=512)
            count = 0
            for document in documents:
                writer.add_document(**_fields(document))
                count += 1
                if progress:
                    progress(count)
            writer.commit()
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
    def _word_alternatives(self, reader, word):
        # An acronym is looked for as such; its folded or prefix forms would also match
        # ordinary words ("sig", "est").
        if is_acronym(word):
            names = ("title_acronyms", "body", "synonyms")
        else:
            names = ("title", "body", "synonyms", "folded", "prefix")
        alternatives = [
            Term(name, token, boost=BOOSTS[name])
            for name in names
            for token in SCHEMA[name].process_text(word, mode="query")
        ]
        known = any(reader.doc_frequency(t.fieldname, t.text) for t in alternatives)
        return alternatives, known

    def _words(self, text):
        """The query's words, lowercased, without Swedish stop words."""
        return [t.text for t in WORDS(text) if t.text not in STOP_WORDS or is_acronym(t.text)]

    def search(self, query, filters=None, page=1, per_page=10, sort="relevance"):
        """All query words must match (in some field); if none does, any may. A word the
        index does not know is also searched as its nearest known spelling (the first
        MAX_CORRECTED_WORDS such words; later ones as typed), and the corrected query is
        offered as "menade du"."""
        with self.open().searcher() as searcher:
            reader = searcher.reader()
            corrector = searcher.corrector("words")
            words = self._words(query)
            groups, corrected, looked_up = [], [], 0
            for word in words:
                alternatives, known = self._word_alternatives(reader, word)
                if not known and looked_up < MAX_CORRECTED_WORDS:
                    looked_up += 1
                    suggestions = corrector.suggest(word, limit=1, maxdist=_edits_allowed(word))
                    if suggestions:
                        word = suggestions[0]
                        alternatives += self._word_alternatives(reader, word)[0]
                corrected.append(word)
                if alternatives:
                    groups.append(Or(alternatives))
            if words and not groups:
                return Results(query, [], 0, 1, 1)
            filter_query = self._filter(filters or {})
            matcher = And(groups) if groups else Every()
            results = self._run(searcher, matcher, filter_query, page, per_page, sort)
            if results.total == 0 and len(groups) > 1:
                results = self._run(searcher, Or(groups), filter_query, page, per_page, sort)
            results.query = query
            if corrected != words:
                results.suggestion = " ".join(corrected)
            return results

    def _filter(self, filters):
        terms = []
        for name, value in filters.items():
            if value:
                terms.append(Term(name, str(value)))
        return And(terms) if terms else None

    def _run(self, searcher, matcher, filter_query, page, per_page, sort):
        facets = sorting.Facets()
        for name in ("kind", "support_area", "prevention_level", "county", "year"):
            facets.add_field(name, allow_overlap=name in ("support_area", "prevention_level"))
        kwargs = {"filter": filter_query, "groupedby": facets, "terms": True}
        if sort == "date":
            kwargs["sortedby"] = sorting.FieldFacet("date", reverse=True)
        page_results = searcher.search_page(matcher, max(page, 1), pagelen=per_page, **kwargs)
        raw = page_results.results
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
        facet_counts = {}
        for name in ("kind", "support_area", "prevention_level", "county", "year"):
            counts = {
                value: len(docs) if isinstance(docs, list) else docs
                for value, docs in raw.groups(name).items()
                if value
            }
            facet_counts[name] = counts
        total = len(raw)
        return Results(
            "",
            hits,
            total,
            page_results.pagenum,
            max(1, math.ceil(total / per_page)),
            facets=facet_counts,
        )
