"""Keep seat counters in step with published workshops, tell people who asked, and give
back the seats of a person whose account is deleted."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.signals import page_published

from portal import emails

from .models import ThemeInterest, WorkshopPage
from .services import cancel_for_deleted_account, sync_seat_counter


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


def on_person_deleted(sender, instance, **kwargs):
    """However the account goes (Radera mitt konto, the clean-up command, Wagtail's user
    admin), its upcoming registrations are cancelled through the registration service
    inside the deleting transaction, before the cascade removes them."""
    cancel_for_deleted_account(instance)


def connect():
    pre_delete.connect(
        on_person_deleted, sender=get_user_model(), dispatch_uid="events-person-deleted"
    )
    page_published.connect(
        on_workshop_published, sender=WorkshopPage, dispatch_uid="events-workshop-published"
    )
