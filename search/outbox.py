"""Changes that the index must follow, recorded in the same transaction as the change.

Signals write an IndexOutbox row for every page publish, unpublish, move and delete,
every save or delete of the other indexed models, and every municipality the reference
data loader creates or changes. In the embedded default the outbox is
drained right after the transaction commits; in production `manage.py search_worker`
drains it continuously (SEARCH_DRAIN_ON_COMMIT = False).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import IndexOutbox


def enqueue(*keys):
    IndexOutbox.objects.bulk_create(IndexOutbox(key=key) for key in keys)
    if getattr(settings, "SEARCH_DRAIN_ON_COMMIT", True):
        from .indexer import drain_quietly

        transaction.on_commit(drain_quietly)


def _page_and_descendants(page):
    return [
        f"page:{pk}"
        for pk in Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    ]


def on_page_changed(sender, instance, **kwargs):
    enqueue(f"page:{instance.pk}")


def on_page_moved(sender, instance, **kwargs):
    enqueue(*_page_and_descendants(instance))


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        enqueue(f"page:{instance.pk}")


def on_restriction_changed(sender, instance, **kwargs):
    enqueue(*_page_and_descendants(instance.page))


def _key_for(prefix, attribute="pk"):
    def handler(sender, instance, **kwargs):
        enqueue(f"{prefix}:{getattr(instance, attribute)}")

    return handler


def on_municipalities_changed(sender, codes, **kwargs):
    enqueue(*(f"municipality:{code}" for code in codes))


def connect():
    from network.models import MunicipalityProfile, Network
    from organisations.models import Municipality
    from organisations.signals import municipalities_changed
    from portal.models import Method

    municipalities_changed.connect(
        on_municipalities_changed, dispatch_uid="search-municipalities-loaded"
    )
    page_published.connect(on_page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search-page-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-page-moved")
    post_delete.connect(on_page_deleted, dispatch_uid="search-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{signal}",
        )
        signal.connect(
            _key_for("method"), sender=Method, weak=False, dispatch_uid=f"search-method-{signal}"
        )
        signal.connect(
            _key_for("network"), sender=Network, weak=False, dispatch_uid=f"search-network-{signal}"
        )
        signal.connect(
            _key_for("municipality"),
            sender=Municipality,
            weak=False,
            dispatch_uid=f"search-municipality-{signal}",
        )
        signal.connect(
            _key_for("municipality", "municipality_id"),
            sender=MunicipalityProfile,
            weak=False,
            dispatch_uid=f"search-profile-{signal}",
        )
