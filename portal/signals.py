"""Telling members what happened to the good examples they submitted."""

from django.db import transaction
from wagtail.signals import page_published, workflow_rejected

from .models import GoodExamplePage
from .services.submissions import notify_published, notify_returned


def on_page_published(sender, instance, **kwargs):
    transaction.on_commit(lambda: notify_published(instance))


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    transaction.on_commit(lambda: notify_returned(instance, user))


def connect():
    from .sso import signals as sso_signals

    sso_signals.connect()
    page_published.connect(
        on_page_published, sender=GoodExamplePage, dispatch_uid="portal-example-published"
    )
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="portal-example-returned")
