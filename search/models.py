from django.db import models


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
    synonyms = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    support_areas = models.JSONField(default=list)
    prevention_levels = models.JSONField(default=list)
    county = models.CharField(max_length=2, blank=True)
    year = models.PositiveSmallIntegerField(null=True)
    date = models.DateTimeField(null=True)

    def __str__(self):
        return self.key
