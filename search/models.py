import re

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import synonyms
from .backends import MAX_QUERY_LENGTH


class IndexOutbox(models.Model):
    """A document whose entry in the search index must be refreshed (or removed).

    Rows are written in the same transaction as the change they follow, and removed only
    after the index has been written, so a crash in between loses nothing."""

    key = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["id", "key"])]

    def __str__(self):
        return self.key


class SearchDocument(models.Model):
    """What the PostgreSQL backend searches: one row per public document."""

    key = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=30)
    title = models.TextField()
    body = models.TextField()
    labels = models.TextField(blank=True)  # the kind's label and acronyms as written
    parts = models.TextField(blank=True)  # the parts of the text's compounds
    url = models.CharField(max_length=500)
    support_areas = models.JSONField(default=list)
    prevention_levels = models.JSONField(default=list)
    target_groups = models.JSONField(default=list)  # slugs
    methods = models.JSONField(default=list)  # slugs
    county = models.CharField(max_length=2, blank=True)
    year = models.PositiveSmallIntegerField(null=True)
    date = models.DateTimeField(null=True)
    # title A, labels B, body C, parts D: written by the backend with each row, GIN
    # indexed (search/0009); empty on SQLite, which never uses this table's search.
    vector = SearchVectorField(null=True)

    def __str__(self):
        return self.key


MAX_EQUIVALENTS = 20
MAX_EQUIVALENT_LENGTH = 100


class Synonym(models.Model):
    """Words staff use for the same thing, kept by editors and applied when a query is
    searched: a change takes effect on the next search, with no rebuild of the index.

    A query that says the term also finds what its equivalents find; with `both_ways`,
    a query that says an equivalent also finds the term (and the other equivalents)."""

    term = models.CharField(
        _("term"),
        max_length=100,
        unique=True,
        help_text=_("Ett ord, en förkortning eller några ord, t.ex. ”SIP”."),
    )
    equivalents = models.TextField(
        _("motsvarigheter"),
        help_text=_(
            "Ett per rad, t.ex. ”samordnad individuell plan”. Förkortningar skrivs som de "
            "brukar skrivas (SIP, SoL), så att de inte blandas ihop med vanliga ord."
        ),
    )
    both_ways = models.BooleanField(
        _("åt båda hållen"),
        default=True,
        help_text=_("Sökningar på en motsvarighet hittar också termen."),
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonymer")

    def __str__(self):
        return self.term

    def clean(self):
        term_words = self.term.strip().lower()
        if not re.search(r"\w", self.term):
            raise ValidationError({"term": _("Skriv ett ord eller en förkortning.")})
        if not synonyms.meaningful_words(self.term):
            raise ValidationError(
                {"term": _("Termen består bara av småord som sökningen hoppar över.")}
            )
        equivalents = self.equivalent_list()
        if not equivalents:
            raise ValidationError({"equivalents": _("Skriv minst en motsvarighet.")})
        if len(equivalents) > MAX_EQUIVALENTS:
            raise ValidationError(
                {
                    "equivalents": _("Högst %(count)s motsvarigheter per term.")
                    % {"count": MAX_EQUIVALENTS}
                }
            )
        if any(len(e) > MAX_EQUIVALENT_LENGTH for e in equivalents):
            raise ValidationError(
                {
                    "equivalents": _("En motsvarighet får vara högst %(count)s tecken.")
                    % {"count": MAX_EQUIVALENT_LENGTH}
                }
            )
        if any(e.lower() == term_words for e in equivalents):
            raise ValidationError(
                {"equivalents": _("En motsvarighet kan inte vara samma som termen.")}
            )

    def equivalent_list(self):
        return [line.strip() for line in re.split(r"[\n;]", self.equivalents) if line.strip()]


class SearchQueryDay(models.Model):
    """How often a query was searched on the search page on one day, and how often it found
    nothing: the editors' query report. Nothing about who searched is stored, and a query
    that may hold personal data is not stored at all (search.querylog)."""

    query = models.CharField(_("sökning"), max_length=MAX_QUERY_LENGTH)
    date = models.DateField(_("dag"))
    searches = models.PositiveIntegerField(_("sökningar"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("sökningar utan träff"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_query_day_unique")
        ]
        indexes = [models.Index(fields=["date"])]
        verbose_name = _("sökning per dag")
        verbose_name_plural = _("sökningar per dag")

    def __str__(self):
        return f"{self.query} ({self.date})"


class SearchWord(models.Model):
    """A word of the PostgreSQL backend's documents: the vocabulary it splits compounds
    against, folds å/ä/ö with and suggests spellings from ("menade du", with pg_trgm).
    Words are added as documents are written and replaced at a rebuild."""

    word = models.CharField(max_length=100, primary_key=True)

    def __str__(self):
        return self.word
