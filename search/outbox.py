"""Changes that the index must follow, recorded in the same transaction as the change.

Signals write an IndexOutbox row for every page publish, unpublish, move and delete, and
for every save or delete of a model, or signal, that an app registered as changing a
document (search/registry.py), such as the reference data loader's bulk changes. In the
embedded default the outbox is drained right after the transaction commits; in production
`manage.py search_worker` drains it continuously (SEARCH_DRAIN_ON_COMMIT = False).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import registry
from .models import IndexOutbox


def enqueue(*keys):
    if not keys:
        return
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


def _follow(keys_of):
    def handler(sender, instance, **kwargs):
        enqueue(*keys_of(instance))

    return handler


def _follow_signal(keys_of):
    def handler(sender, **kwargs):
        enqueue(*keys_of(**kwargs))

    return handler


def connect():
    """Follow wagtail's pages here, and every other model and signal the apps registered.

    Saves are followed after they happen; deletes before, while a deleted snippet's
    relations still tell which pages show it. Either way the documents are built when the
    outbox is drained, after the commit."""
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
    for model, keys_of_list in registry.followed_models().items():
        for number, keys_of in enumerate(keys_of_list):
            for signal in (post_save, pre_delete):
                signal.connect(
                    _follow(keys_of),
                    sender=model,
                    weak=False,
                    dispatch_uid=f"search-{model._meta.label}-{number}-{signal}",
                )
    for number, (signal, keys_of) in enumerate(registry.followed_signals()):
        signal.connect(_follow_signal(keys_of), weak=False, dispatch_uid=f"search-signal-{number}")
