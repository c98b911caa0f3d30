"""The query report: what people search for on the search page, and what finds nothing.

Each search is counted per normalised query and day (`SearchQueryDay`). Nothing about who
searched is stored, and a query that may hold personal data is not stored at all: one with
something like a personal identity number, an email address or a phone number.
"""

import datetime
import logging
import re
import unicodedata

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.module_loading import import_string

from .backends import MAX_QUERY_LENGTH
from .models import SearchQueryDay

logger = logging.getLogger(__name__)

# search imports no app, so it cannot use portal.privacy; the project names its check in
# SEARCH_QUERY_PRIVACY_CHECK. The patterns below are search's own, stricter than the
# guard (no date or check-digit test: any such number keeps a query out of the report),
# and they apply whether or not the setting is there.
# Ten or twelve digits, with "-", "+" or a space before the last four: 121212-1212,
# 19121212-1212, 1212121212, 121212+1212.
_PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
# A phone number: seven digits or more, in groups split by spaces, dashes, dots, slashes
# or brackets, perhaps after "+" (070-123 45 67, +46 70 123 45 67, 08/123456).
_DIGIT_RUN = re.compile(r"\+?\(?\d[\d\s\-./()]*\d")
PHONE_DIGITS = 7
MAX_NEW_QUERIES_PER_DAY = 5000
# Years are not phone numbers: "2023 2024", "2024-2026".
_YEARS = re.compile(r"(?:(?:19|20)\d\d[\s\-/]*)+")


def normalise(query):
    """The query as the report counts it: lowercased, its whitespace collapsed, cut to
    MAX_QUERY_LENGTH characters."""
    return " ".join(query.lower().split())[:MAX_QUERY_LENGTH].strip()


def _plain(query):
    """The query as the checks read it: full-width digits as digits, every dash as "-",
    every space as " ", invisible characters dropped (as portal.privacy reads text)."""
    chars = []
    for char in unicodedata.normalize("NFKC", query):
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        chars.append("-" if category == "Pd" or char == "\u2212" else char)
    return " ".join("".join(chars).split())


# Any query with this many digits in all, or six in a row (a birth date), is not stored,
# however they are split ("811218_9876", "pnr811218x9876").
MAX_DIGITS = 10
_SIX_DIGITS = re.compile(r"\d{6}")
_SPELLED_EMAIL = re.compile(r"\S\s*(?:@|\(at\)|\[at\])\s*\S", re.IGNORECASE)


def may_hold_personal_data(query):
    """True for a query the report must not store."""
    plain = _plain(query)
    if _PERSONAL_NUMBER.search(plain) or _EMAIL.search(plain) or _SPELLED_EMAIL.search(plain):
        return True
    if len(re.findall(r"\d", plain)) >= MAX_DIGITS or _SIX_DIGITS.search(plain):
        return True
    for run in _DIGIT_RUN.findall(plain):
        if len(re.sub(r"\D", "", run)) >= PHONE_DIGITS and not _YEARS.fullmatch(run):
            return True
    name = getattr(settings, "SEARCH_QUERY_PRIVACY_CHECK", None)
    return bool(name and import_string(name)(query))


def record(query, hits):
    """Count one search for `query` (as typed, before it is cut) that found `hits`
    documents. Never raises: the search page must work when the report cannot be
    written. A day takes at most MAX_NEW_QUERIES_PER_DAY different queries; after that
    only those already counted are (a flood of made-up queries cannot grow it)."""
    if may_hold_personal_data(query):
        return False
    query = normalise(query)
    if not query:
        return False
    zero = 1 if hits == 0 else 0
    today = timezone.localdate()
    try:
        with transaction.atomic():
            if _count(query, today, zero):
                return True
            if SearchQueryDay.objects.filter(date=today).count() >= MAX_NEW_QUERIES_PER_DAY:
                return False
            try:
                with transaction.atomic():
                    SearchQueryDay.objects.create(
                        query=query, date=today, searches=1, zero_result_searches=zero
                    )
            except IntegrityError:  # another request created the row in between
                _count(query, today, zero)
        return True
    except DatabaseError:
        logger.exception("The search could not be counted in the query report.")
        return False


def _count(query, date, zero):
    return SearchQueryDay.objects.filter(query=query, date=date).update(
        searches=F("searches") + 1, zero_result_searches=F("zero_result_searches") + zero
    )


def since(days):
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def most_frequent(days):
    """The queries of the last `days` days (today included), most searched first."""
    return (
        SearchQueryDay.objects.filter(date__gte=since(days))
        .values("query")
        .annotate(searches=Sum("searches"), zero_result_searches=Sum("zero_result_searches"))
        .order_by("-searches", "query")
    )


def without_results(days):
    """The queries of the last `days` days that found nothing, most often first."""
    return (
        most_frequent(days)
        .filter(zero_result_searches__gt=0)
        .order_by("-zero_result_searches", "-searches", "query")
    )


def prune(days):
    """Delete the counts of days more than `days` days ago; returns how many rows went."""
    cutoff = timezone.localdate() - datetime.timedelta(days=days)
    deleted, _ = SearchQueryDay.objects.filter(date__lt=cutoff).delete()
    return deleted


def keep_days():
    return getattr(settings, "SEARCH_QUERY_KEEP_DAYS", 90)
