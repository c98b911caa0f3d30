"""The search backend for several app servers: PostgreSQL full-text search, `swedish`.

The same documents as the Whoosh index, in the SearchDocument table. Words are matched as
Swedish stems and as prefixes (`samverkan:*` finds "samverkansformer"); acronyms are
expanded when documents are written, as for Whoosh; titles weigh most. It needs no
PostgreSQL extension, so it offers no spelling suggestions and does not fold å/ä/ö.
A rebuild replaces all rows in one transaction: readers see the old index until it
commits.
"""

import math
import re
from contextlib import contextmanager

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from search.models import SearchDocument
from search.registry import kind_label
from search.vocabulary import synonyms_for

from . import Hit, Results, highlighted, sentences

CONFIG = "swedish"
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


def _row(document):
    text = f"{document.title}\n{document.body}"
    return {
        "kind": document.kind,
        "title": document.title,
        "body": document.body,
        "synonyms": f"{kind_label(document.kind)} {synonyms_for(text)}",
        "url": document.url,
        "support_areas": list(document.support_areas),
        "prevention_levels": list(document.prevention_levels),
        "county": document.county or "",
        "year": document.year,
        "date": document.date,
    }


def _title_html(headline):
    """A title with its matches marked, or "" where nothing in it matched."""
    return _highlighted(headline) if START in headline else ""


class _Writer:
    def apply(self, changes):
        for key, document in changes:
            if document is None:
                SearchDocument.objects.filter(key=key).delete()
            else:
                SearchDocument.objects.update_or_create(key=key, defaults=_row(document))


class PostgresBackend:
    name = "postgres"

    def __init__(self):
        if connection.vendor != "postgresql":
            raise ImproperlyConfigured("SEARCH_BACKEND=postgres needs a PostgreSQL database.")

    @contextmanager
    def writer(self, timeout=None):
        with transaction.atomic():
            # One writer at a time, like Whoosh's lock: an advisory lock for this index.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(4711)")
            yield _Writer()

    def apply(self, changes, writer):
        writer.apply(changes)

    def rebuild(self, documents, progress=None):
        with self.writer():
            SearchDocument.objects.all().delete()
            batch, count = [], 0
            for document in documents:
                batch.append(SearchDocument(key=document.key, **_row(document)))
                count += 1
                if progress:
                    progress(count)
                if len(batch) >= 1000:
                    SearchDocument.objects.bulk_create(batch)
                    batch = []
            SearchDocument.objects.bulk_create(batch)
        return count

    def indexed_keys(self):
        return sorted(SearchDocument.objects.values_list("key", flat=True))

    def _tsquery(self, words, operator):
        # Only word characters reach the raw query; each word also matches as a prefix.
        return SearchQuery(
            f" {operator} ".join(f"{w}:*" for w in words), search_type="raw", config=CONFIG
        )

    def search(self, query, filters=None, page=1, per_page=10, sort="relevance"):
        words = [w.lower() for w in WORD.findall(query)]
        documents = SearchDocument.objects.all()
        for name, value in (filters or {}).items():
            if name == "kind":
                documents = documents.filter(kind=value)
            elif name == "support_area":
                documents = documents.filter(support_areas__contains=[value])
            elif name == "prevention_level":
                documents = documents.filter(prevention_levels__contains=[value])
            elif name == "county":
                documents = documents.filter(county=value)
            elif name == "year" and str(value).isdigit():
                documents = documents.filter(year=int(value))
        vector = (
            SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("synonyms", weight="B", config="simple")
            + SearchVector("body", weight="C", config=CONFIG)
        )
        ts_query = None
        if words:
            matched = documents.annotate(vector=vector)
            for operator in ("&", "|"):
                ts_query = self._tsquery(words, operator)
                candidates = matched.filter(vector=ts_query)
                if candidates.exists():
                    break
            documents = candidates.annotate(rank=SearchRank(vector, ts_query))
        total = documents.count()
        facets = self._facets(documents)
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
        return Results(query, hits, total, page, num_pages, facets=facets)

    def _facets(self, documents):
        counts = {
            name: {} for name in ("kind", "support_area", "prevention_level", "county", "year")
        }
        rows = documents.values_list("kind", "support_areas", "prevention_levels", "county", "year")
        for kind, areas, levels, county, year in rows:
            for name, values in (
                ("kind", [kind]),
                ("support_area", areas),
                ("prevention_level", levels),
                ("county", [county] if county else []),
                ("year", [str(year)] if year else []),
            ):
                for value in values:
                    counts[name][value] = counts[name].get(value, 0) + 1
        return counts
