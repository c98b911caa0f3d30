"""The search backend for several app servers: PostgreSQL full-text search, `swedish`.

The same documents as the Whoosh index, in the SearchDocument table, matched through a
GIN index on its stored search vector (search/0009), which the backend writes with each
row (VECTOR); ranking reads the stored vectors, and facets are counted in SQL. Words are
matched as Swedish stems and as prefixes (`samverkan:*` finds "samverkansformer"), a
definite form also as its base form; compounds are split against the index's words
(SearchWord), in the query and in the document (the `parts` column); synonyms and
acronyms (search.synonyms) are applied to the query, as for Whoosh; titles weigh most.
Acronyms are matched as the text writes them (the `labels` column, with the kind's
label), so "SIG" is not the pronoun "sig". When fewer than RELAXED_BELOW pages have
every word, pages with some follow.

Optional extensions (search/backends/postgres_features.py): with `unaccent`, a word typed
without å/ä/ö is also searched as the indexed words that fold to it (without it, the same
folding is done in Python); with `pg_trgm`, an unknown word is searched as its most
similar indexed word and offered as "menade du" (without it, no suggestions). Unlike
Whoosh, the ranking does not weigh an exact spelling above a folded one.

A rebuild replaces all rows in one transaction: readers see the old index until it
commits.
"""

import functools
import math
import operator
import re
import time
from contextlib import contextmanager

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import Case, Expression, F, FloatField, Value, When

from search import language, synonyms
from search.models import SearchDocument, SearchWord
from search.registry import kind_labels

from . import (
    ALL_WORDS_BOOST,
    FACETS,
    MAX_CORRECTED_WORDS,
    RELAXED_BELOW,
    Hit,
    Results,
    highlighted,
    kind_weights_for,
    postgres_features,
    sentences,
)

CONFIG = "swedish"
# What a document is matched and ranked by, stored in its `vector` column: a change here
# needs a migration that writes the column again (as search/0009 does).
# (column, weight, configuration), as VECTOR and RowVector write it.
VECTOR_COLUMNS = (
    ("title", "A", CONFIG),
    ("labels", "B", "simple"),
    ("body", "C", CONFIG),
    ("parts", "D", CONFIG),
)
VECTOR = functools.reduce(
    operator.add,
    (
        SearchVector(column, weight=weight, config=config)
        for column, weight, config in VECTOR_COLUMNS
    ),
)


class RowVector(Expression):
    """VECTOR of a row's values (_row()), for the row's INSERT: a rebuild then writes each
    row once instead of inserting it and updating every row again. The SQL is built once,
    not per row (compiling four SearchVector expressions per row cost more than the
    UPDATE saved); tests/search/test_postgres_backend.py checks it gives what VECTOR
    gives from the stored columns."""

    output_field = SearchVectorField()
    SQL = " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE(%s::text, '')), '{weight}')"
        for _column, weight, config in VECTOR_COLUMNS
    )

    def __init__(self, row):
        super().__init__()
        self.values = [row[column] for column, _weight, _config in VECTOR_COLUMNS]

    def as_sql(self, compiler, connection):
        return self.SQL, self.values


WORD = re.compile(r"\w+", re.UNICODE)
START, STOP = "\x01", "\x02"  # what ts_headline puts around a match
MATCH = re.compile(f"{START}([^{START}{STOP}]*){STOP}")


def _highlighted(headline):
    """ts_headline's plain text with START/STOP around matches, as escaped markup."""
    parts, index = [], 0
    for match in MATCH.finditer(headline):
        parts += [(headline[index : match.start()], False), (match.group(1), True)]
        index = match.end()
    parts.append((headline[index:], False))
    return highlighted(
        [(text.replace(START, "").replace(STOP, ""), matched) for text, matched in parts]
    )


def _spans(headline):
    """ts_headline's whole text (HighlightAll) as plain text and the spans of its matches."""
    plain, spans, index = [], [], 0
    length = 0
    for match in MATCH.finditer(headline):
        before = headline[index : match.start()].replace(START, "").replace(STOP, "")
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(match.group(1))))
        plain.append(match.group(1))
        length += len(match.group(1))
        index = match.end()
    plain.append(headline[index:].replace(START, "").replace(STOP, ""))
    return "".join(plain), spans


def _snippet(doc):
    """The best sentence or two of the body (sentences.snippet) with ts_headline's matches."""
    headline = getattr(doc, "snippet", None)
    return sentences.snippet(*_spans(headline)) if headline else sentences.snippet(doc.body)


def _acronyms(text):
    return " ".join(w.lower() for w in WORD.findall(text) if synonyms.is_acronym_spelling(w))


def _row(document, vocabulary, labels):
    """labels: kind_labels(), read once for all the documents of a write."""
    text = f"{document.title}\n{document.body}"
    return {
        "kind": document.kind,
        "title": document.title,
        "body": document.body,
        "labels": f"{labels.get(document.kind, '')} {_acronyms(text)}",
        "parts": " ".join(language.compound_parts(text, vocabulary)),
        "url": document.url,
        "support_areas": list(document.support_areas),
        "prevention_levels": list(document.prevention_levels),
        "target_groups": list(document.target_groups),
        "methods": list(document.methods),
        "county": document.county or "",
        "year": document.year,
        "date": document.date,
    }


VOCABULARY_SECONDS = 600
# Each facet and the column it is counted from; the JSON lists count each value.
FACET_COLUMNS = {
    "kind": "kind",
    "support_area": "support_areas",
    "prevention_level": "prevention_levels",
    "target_group": "target_groups",
    "method": "methods",
    "county": "county",
    "year": "year",
}
ARRAY_FACETS = {"support_area", "prevention_level", "target_group", "method"}


class IndexVocabulary:
    """The words of the documents (SearchWord) and their stems, and each folded spelling's
    words ("kartlaggning" → "kartläggning"), read again every VOCABULARY_SECONDS and after
    this process writes the index: a new word is known on every app server within that
    time. Folding uses PostgreSQL's unaccent where it is installed, and otherwise
    search.language.fold (å, ä, ö, é, ü: the same for Swedish text)."""

    def __init__(self):
        self.loaded_at = None
        self.known = frozenset()
        self.folded = {}

    def load(self):
        now = time.monotonic()
        if self.loaded_at is None or now - self.loaded_at > VOCABULARY_SECONDS:
            with connection.cursor() as cursor:
                if postgres_features.has_unaccent():
                    cursor.execute(f"SELECT word, unaccent(word) FROM {SearchWord._meta.db_table}")
                    pairs = cursor.fetchall()
                else:
                    cursor.execute(f"SELECT word FROM {SearchWord._meta.db_table}")
                    pairs = [(word, language.fold(word)) for (word,) in cursor.fetchall()]
            words = {word for word, _folded in pairs}
            folded = {}
            for word, spelling in pairs:
                if spelling != word:
                    folded.setdefault(spelling, set()).add(word)
            # Stems as search.language makes them ("skolan" → "skol"), not PostgreSQL's.
            self.known = frozenset(
                words | {stem for word in words for stem in language.stems(word)}
            )
            self.folded = folded
            self.loaded_at = now
        return self

    def __call__(self):
        return self.load().known

    def spellings(self, word):
        """The words that fold to this word, typed without å/ä/ö."""
        return sorted(self.load().folded.get(word, ()))

    def forget(self):
        self.loaded_at = None


def _add_words(texts):
    words = {w for text in texts for w in language.words(text) if len(w) <= 100}
    SearchWord.objects.bulk_create(
        (SearchWord(word=w) for w in words), batch_size=1000, ignore_conflicts=True
    )


def _title_html(headline):
    """A title with its matches marked, or "" where nothing in it matched."""
    return _highlighted(headline) if START in headline else ""


class _Writer:
    def __init__(self, index_vocabulary):
        self.index_vocabulary = index_vocabulary

    def apply(self, changes):
        changed = [f"{d.title}\n{d.body}" for _key, d in changes if d is not None]
        vocabulary = language.Vocabulary(changed, self.index_vocabulary().__contains__)
        _add_words(changed)
        labels = kind_labels()
        written = []
        for key, document in changes:
            if document is None:
                SearchDocument.objects.filter(key=key).delete()
            else:
                SearchDocument.objects.update_or_create(
                    key=key, defaults=_row(document, vocabulary, labels)
                )
                written.append(key)
        if written:
            SearchDocument.objects.filter(key__in=written).update(vector=VECTOR)
        self.index_vocabulary.forget()


def _kind_weight(words):
    """The weight of each document's kind for this query (kind_weights_for)."""
    cases = [When(kind=kind, then=Value(w)) for kind, w in kind_weights_for(words).items()]
    return Case(*cases, default=Value(1.0), output_field=FloatField()) if cases else Value(1.0)


class PostgresBackend:
    name = "postgres"

    def __init__(self):
        if connection.vendor != "postgresql":
            raise ImproperlyConfigured("SEARCH_BACKEND=postgres needs a PostgreSQL database.")
        self.index_vocabulary = IndexVocabulary()

    @contextmanager
    def writer(self, timeout=None):
        with transaction.atomic():
            # One writer at a time, like Whoosh's lock: an advisory lock for this index.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(4711)")
            yield _Writer(self.index_vocabulary)

    def apply(self, changes, writer):
        writer.apply(changes)

    def rebuild(self, documents, progress=None):
        # Two passes: compounds are split against the words of every document.
        built = []
        for document in documents:
            built.append(document)
            if progress:
                progress(len(built))
        vocabulary = language.Vocabulary(f"{d.title}\n{d.body}" for d in built)
        with self.writer():
            SearchDocument.objects.all().delete()
            SearchWord.objects.all().delete()
            _add_words(f"{d.title}\n{d.body}" for d in built)
            labels = kind_labels()
            rows = ((d.key, _row(d, vocabulary, labels)) for d in built)
            SearchDocument.objects.bulk_create(
                (SearchDocument(key=key, vector=RowVector(row), **row) for key, row in rows),
                batch_size=1000,
            )
        self.index_vocabulary.forget()
        return len(built)

    def is_outdated(self):
        """Migrations keep the table's columns; a rebuild after an upgrade fills the new
        ones (docs/deployment.md)."""
        return False

    def indexed_keys(self):
        return sorted(SearchDocument.objects.values_list("key", flat=True))

    def _word_query(self, word, known):
        """A raw tsquery for one word: its prefix, its base form's, and its compound
        parts together."""
        forms = [word]
        if base := language.base_form(word):
            forms.append(base)
        if not language.has_swedish_letters(word):
            forms += self.index_vocabulary.spellings(word)  # below: no weight, as Whoosh's
        forms += language.related_stems(word)  # "kriminalitet" → "kriminell"
        alternatives = [f"{form}:*" for form in forms]
        parts = language.split_compound(word, known.__contains__)
        if parts:
            alternatives.append("(" + " & ".join(f"{part}:*" for part in parts) + ")")
        return "(" + " | ".join(alternatives) + ")"

    def _group_query(self, group, known, operator="&"):
        """A group's words (all of them, or with "|" any), or any of its synonyms'."""
        spellings = [group.words, *group.alternatives]
        word = group.words[0]
        if group.from_part and (
            any(s in known for s in (word, *language.stems(word)))
            or self.index_vocabulary.spellings(word)
        ):
            spellings = spellings[:1]  # a compound the pages use is found as itself
        queries = []
        for number, spelling in enumerate(spellings):
            if group.acronym and number == 0:
                continue  # matched as the text writes it, in _tsquery
            words = f" {operator} ".join(self._word_query(w, known) for w in spelling)
            queries.append(f"({words})")
        return "(" + " | ".join(queries) + ")"

    def _tsquery(self, groups, operator):
        """Only word characters reach the raw query. An acronym is matched as the text
        writes it, in the `simple` labels, which keep words the Swedish configuration
        drops as stop words ("sig"); or as what it stands for."""
        known = self.index_vocabulary()
        raw = f" {operator} ".join(self._group_query(group, known, operator) for group in groups)
        acronyms = [group.words[0] for group in groups if group.acronym]
        query = SearchQuery(raw, search_type="raw", config=CONFIG)
        if acronyms:
            query = query | SearchQuery(" | ".join(acronyms), search_type="raw", config="simple")
        return query

    def search(self, query, filters=None, page=1, per_page=10, sort="relevance"):
        groups = synonyms.query_groups(query)
        words = [word for group in groups for word in group.words]
        documents = SearchDocument.objects.all()
        for name, value in (filters or {}).items():
            if name == "kind":
                documents = documents.filter(kind=value)
            elif name == "support_area":
                documents = documents.filter(support_areas__contains=[value])
            elif name == "prevention_level":
                documents = documents.filter(prevention_levels__contains=[value])
            elif name == "target_group":
                documents = documents.filter(target_groups__contains=[value])
            elif name == "method":
                documents = documents.filter(methods__contains=[value])
            elif name == "county":
                documents = documents.filter(county=value)
            elif name == "year" and str(value).isascii() and str(value).isdecimal():
                documents = documents.filter(year=int(value))
        vector = F("vector")
        ts_query, suggestion = None, ""
        if words:
            groups, corrected = self._corrected(groups, SearchDocument.objects.all())
            if corrected != words:
                suggestion = " ".join(corrected)
            matched = documents
            ts_query = strict = self._tsquery(groups, "&")
            rank = SearchRank(vector, strict)
            candidates = matched.filter(vector=strict)
            found = candidates[:RELAXED_BELOW].count()
            if found == 0 or (found < RELAXED_BELOW and len(groups) > 1):
                # Pages with some of the words follow those with all of them.
                ts_query = self._tsquery(groups, "|")
                candidates = matched.filter(vector=ts_query)
                rank = SearchRank(vector, ts_query) + ALL_WORDS_BOOST * SearchRank(vector, strict)
            documents = candidates.annotate(rank=rank * _kind_weight(words))
        total, facets = self._counted(documents)
        if sort == "date" or not words:
            documents = documents.order_by("-date", "key")
        else:
            documents = documents.order_by("-rank", "key")
        num_pages = max(1, math.ceil(total / per_page))
        page = min(max(page, 1), num_pages)
        window = documents[(page - 1) * per_page : page * per_page]
        if ts_query is not None:
            window = window.annotate(
                snippet=SearchHeadline(
                    "body",
                    ts_query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    highlight_all=True,  # the whole body: _snippet() picks the sentences
                ),
                title_headline=SearchHeadline(
                    "title",
                    ts_query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    highlight_all=True,  # the whole title, never a fragment of it
                ),
            )
        hits = [
            Hit(
                key=doc.key,
                kind=doc.kind,
                title=doc.title,
                url=doc.url,
                title_html=_title_html(getattr(doc, "title_headline", "")),
                snippet_html=_snippet(doc),
                year=str(doc.year or ""),
                date=doc.date,
            )
            for doc in window
        ]
        return Results(query, hits, total, page, num_pages, facets=facets, suggestion=suggestion)

    def _corrected(self, groups, indexed):
        """Each unknown word replaced by its nearest indexed spelling (pg_trgm's
        similarity; without pg_trgm, as typed), for at most MAX_CORRECTED_WORDS words."""
        if not postgres_features.has_trgm():
            return groups, [w for group in groups for w in group.words]
        known = self.index_vocabulary()
        result, corrected, looked_up = [], [], 0
        for group in groups:
            word = group.words[0]
            unknown = (
                len(group.words) == 1
                and not group.alternatives
                and not any(s in known for s in (word, *language.stems(word)))
                and not self.index_vocabulary.spellings(word)
                and not language.split_compound(word, known.__contains__)
            )
            if unknown and looked_up < MAX_CORRECTED_WORDS:
                looked_up += 1
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT word FROM {SearchWord._meta.db_table} WHERE word %% %s "
                        "ORDER BY similarity(word, %s) DESC, word LIMIT 3",
                        [word, word],
                    )
                    candidates = [row[0] for row in cursor.fetchall()]
                # Only a word a document still has: the word table keeps the words of
                # removed documents until a rebuild, and a page taken down must not live
                # on as "menade du".
                for candidate in candidates:
                    if indexed.filter(vector=SearchQuery(candidate, config=CONFIG)).exists():
                        group = synonyms.Group((candidate,))
                        break
            result.append(group)
            corrected += group.words
        return result, corrected

    def _counted(self, documents):
        """(total, facets) of the matched documents, counted by PostgreSQL in one query:
        reading every match's facet values into Python cost more than the search at
        100,000 documents."""
        matched, params = documents.values(*FACET_COLUMNS.values()).query.sql_with_params()
        parts = ["SELECT 'total', NULL, count(*) FROM matched"]
        for name, column in FACET_COLUMNS.items():
            if name in ARRAY_FACETS:
                parts.append(
                    f"SELECT '{name}', value, count(*) FROM matched, "
                    f"jsonb_array_elements_text(matched.{column}) AS value GROUP BY value"
                )
            else:
                parts.append(
                    f"SELECT '{name}', {column}::text, count(*) FROM matched "
                    f"WHERE {column} IS NOT NULL AND {column}::text <> '' GROUP BY {column}"
                )
        sql = f"WITH matched AS MATERIALIZED ({matched}) " + " UNION ALL ".join(parts)
        counts = {name: {} for name in FACETS}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for name, value, count in cursor.fetchall():
                if name == "total":
                    total = count
                else:
                    counts[name][value] = count
        return total, counts
