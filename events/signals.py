"""Keep seat counters in step with published workshops, tell people who asked, and give
back the seats of a person whose account is deleted, and give a person a new calendar
address when their password or membership changes."""

from allauth.account.signals import password_changed, password_reset, password_set
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from wagtail.signals import page_published

from portal.models import Membership

from .models import WorkshopPage
from .services import cancel_for_deleted_account, sync_seat_counter
from .services.calendar import issue_new_calendar_address
from .services.interest import notify_interested
from .services.materials import notify_registrants


def on_workshop_published(sender, instance, **kwargs):
    sync_seat_counter(instance)
    notify_registrants(instance)  # of materials, once each; queued in this transaction
    transaction.on_commit(lambda: notify_interested(instance))


def on_person_deleted(sender, instance, **kwargs):
    """However the account goes (Radera mitt konto, the clean-up command, Wagtail's user
    admin), its upcoming registrations are cancelled through the registration service
    inside the deleting transaction, before the cascade removes them."""
    cancel_for_deleted_account(instance)


def on_password_changed(sender, user, **kwargs):
    """allauth's password change, first password and reset by email."""
    issue_new_calendar_address(user)


def remember_membership_status(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._status_before_save = None
        return
    instance._status_before_save = (
        Membership.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    )


def on_membership_saved(sender, instance, created, raw=False, **kwargs):
    """An approved membership that ends (left, moved, or changed by an editor) no longer
    entitles whoever holds the old calendar address to the person's workshops."""
    was = getattr(instance, "_status_before_save", None)
    if not raw and was == Membership.Status.APPROVED and instance.status != was:
        issue_new_calendar_address(instance.user)


def connect():
    pre_delete.connect(
        on_person_deleted, sender=get_user_model(), dispatch_uid="events-person-deleted"
    )
    page_published.connect(
        on_workshop_published, sender=WorkshopPage, dispatch_uid="events-workshop-published"
    )
    for signal, name in [
        (password_changed, "changed"),
        (password_set, "set"),
        (password_reset, "reset"),
    ]:
        signal.connect(on_password_changed, dispatch_uid=f"events-calendar-password-{name}")
    pre_save.connect(
        remember_membership_status, sender=Membership, dispatch_uid="events-membership-status"
    )
    post_save.connect(
        on_membership_saved, sender=Membership, dispatch_uid="events-membership-ended"
    )
