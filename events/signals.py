"""Keep seat counters in step with published workshops, and tell people who asked."""

from django.db import transaction
from django.utils import timezone
from wagtail.signals import page_published

from portal import emails

from .models import ThemeInterest, WorkshopPage
from .services import sync_seat_counter


def on_workshop_published(sender, instance, **kwargs):
    sync_seat_counter(instance)
    transaction.on_commit(lambda: notify_interested(instance))


def notify_interested(workshop):
    """Email everyone interested in the theme who has not yet been told of a workshop."""
    interests = ThemeInterest.objects.filter(
        theme=workshop.theme_id, notified_at__isnull=True
    ).select_related("user")
    with transaction.atomic():  # queued and marked as told together
        for interest in interests:
            emails.send(
                "events/emails/interest",
                [interest.user.email],
                {"workshop": workshop, "url": emails.absolute_url(workshop.url or "/")},
            )
        interests.update(notified_at=timezone.now())


def connect():
    page_published.connect(
        on_workshop_published, sender=WorkshopPage, dispatch_uid="events-workshop-published"
    )
