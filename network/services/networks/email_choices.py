"""What email each person gets about a network's discussion, and the email for a reply.

Each person chooses per network (DigestSubscription.mode): an email for each reply in the
threads they take part in (INSTANT), at most one digest a day of the network's new posts
(DIGEST, sent by `send_network_digests`), or nothing (NONE). Someone who has not chosen
gets the replies in their own threads at once: they wrote there, so an answer is news
they are waiting for, as with a reply to an email; every such email links to the choice.

The participants of a thread are its author and the authors of its posts. The one who
replies is never told of their own post, and nobody who can no longer read the discussion
(their organisation left the network, their account was deactivated) gets anything.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import DigestSubscription
from portal import emails

from .notifications import notify
from .permissions import can_read_discussion

Mode = DigestSubscription.Mode
DEFAULT_MODE = Mode.INSTANT


def email_choice(user, network):
    """The person's choice for the network, or the default if they have not chosen."""
    mode = (
        DigestSubscription.objects.filter(user=user, network=network)
        .values_list("mode", flat=True)
        .first()
    )
    return mode or DEFAULT_MODE


def set_email_choice(user, network, mode):
    if not can_read_discussion(user, network):
        raise PermissionError(_("Diskussionen är bara för nätverkets medlemmar."))
    mode = Mode(mode)
    subscription, created = DigestSubscription.objects.get_or_create(
        user=user, network=network, defaults={"mode": mode}
    )
    if not created and subscription.mode != mode:
        subscription.mode = mode
        subscription.chosen_at = timezone.now()
        subscription.save(update_fields=["mode", "chosen_at"])
    return subscription


def set_digest(user, network, wanted):
    """A daily digest, or no email at all."""
    return set_email_choice(user, network, Mode.DIGEST if wanted else Mode.NONE)


def participants(thread):
    author_ids = set(thread.posts.exclude(author=None).values_list("author_id", flat=True))
    if thread.author_id:
        author_ids.add(thread.author_id)
    return get_user_model().objects.filter(pk__in=author_ids, is_active=True)


def notify_reply(post):
    """Queue the reply's email to the participants who want it at once (in the caller's
    transaction, so the email exists exactly when the reply does)."""
    thread = post.thread
    network = thread.network
    people = list(participants(thread).exclude(pk=post.author_id))
    chosen = dict(
        DigestSubscription.objects.filter(network=network, user__in=people).values_list(
            "user_id", "mode"
        )
    )
    recipients = [
        person
        for person in people
        if chosen.get(person.pk, DEFAULT_MODE) == Mode.INSTANT
        and can_read_discussion(person, network)
    ]
    if not recipients:
        return 0
    return notify(
        "reply",
        recipients,
        network=network,
        thread=thread,
        post=post,
        thread_url=emails.absolute_url(f"{thread.get_absolute_url()}#inlagg-{post.pk}"),
        choice_url=emails.absolute_url(f"{network.get_absolute_url()}#epost"),
    )
