"""Accounts as a whole: deleting one (GDPR), and finding the ones nobody uses."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


@transaction.atomic
def delete_account(user):
    """Delete a person's account (GDPR). Their memberships, email addresses and sessions
    go with it; pages and revisions they wrote stay, with owner and author set to null
    by the foreign keys, and Wagtail's log no longer resolves to them.

    Other apps tidy up after the person from a pre_delete receiver on the user model
    (events gives back their seats), inside this same transaction."""
    user.delete()


def accounts_to_delete(*, months, unverified_days, now=None):
    """The accounts nobody uses, each with the reason in words: [(user, reason)].

    Unverified means no verified address at all: a member who added a second address
    and has not confirmed it yet is still verified. Editors and administrators are kept."""
    from allauth.account.models import EmailAddress

    now = now or timezone.now()
    inactive_since = now - timedelta(days=30 * months)
    unverified_since = now - timedelta(days=unverified_days)
    has_verified_address = Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True))
    candidates = (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .annotate(verified=has_verified_address)
        .filter(
            Q(last_login__lt=inactive_since)
            | Q(last_login__isnull=True, date_joined__lt=inactive_since)
            | Q(date_joined__lt=unverified_since, verified=False)
        )
        .exclude(groups__name__in=["Editors", "Moderators"])
        .distinct()
        .order_by("pk")
    )
    found = []
    for user in candidates:
        joined = timezone.localdate(user.date_joined)
        if not user.verified and user.date_joined < unverified_since:
            reason = (
                f"no verified email address, joined {joined} (more than {unverified_days} days ago)"
            )
        elif user.last_login is None:
            reason = f"never signed in, joined {joined} (more than {months} months ago)"
        else:
            reason = (
                f"last signed in {timezone.localdate(user.last_login)} "
                f"(more than {months} months ago)"
            )
        found.append((user, reason))
    return found
