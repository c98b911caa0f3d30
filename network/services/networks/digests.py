"""Daily digests of a network's new posts, for the members who chose them."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from network.models import DigestSubscription, Post
from portal import emails

from .permissions import can_read_discussion


def send_digests(now=None):
    """At most one email a day per person and network, with posts they have not seen."""
    now = now or timezone.now()
    sent = 0
    subscriptions = DigestSubscription.objects.filter(mode=DigestSubscription.Mode.DIGEST)
    for subscription in subscriptions.select_related("user", "network"):
        if subscription.last_sent_at and subscription.last_sent_at > now - timedelta(days=1):
            continue
        if not can_read_discussion(subscription.user, subscription.network):
            continue
        since = max(filter(None, [subscription.last_sent_at, subscription.chosen_at]))
        posts = list(
            Post.objects.filter(
                thread__network=subscription.network,
                created_at__gt=since,
                hidden_at__isnull=True,
                deleted_at__isnull=True,
            )
            .exclude(author=subscription.user)
            .select_related("thread", "author_organisation")
        )
        if not posts:
            continue
        with transaction.atomic():  # marked sent and queued together: the queue retries
            claimed = DigestSubscription.objects.filter(
                pk=subscription.pk, last_sent_at=subscription.last_sent_at
            ).update(last_sent_at=now)
            if not claimed:
                continue
            emails.send(
                "network/emails/digest",
                [subscription.user.email],
                {
                    "network": subscription.network,
                    "posts": posts,
                    "url": emails.absolute_url(subscription.network.get_absolute_url()),
                },
            )
            sent += 1
    return sent
