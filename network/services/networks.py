"""Peer networks: who is in them, who may act, and the discussions inside them.

Coordinators of a municipality act for it (ask to join, accept invitations, leave); a
network's coordinator (an editor, or the coordinators of the coordinating municipality)
accepts requests. Discussions are for the members of member municipalities only; every
text goes through the privacy guard in the forms; editors can hide a post.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import DigestSubscription, Network, NetworkMembership, Post, Thread
from portal import emails
from portal.accounts.roles import active_membership, is_coordinator_of, is_editor
from portal.services.memberships import coordinators_of

Status = NetworkMembership.Status


class NetworkError(Exception):
    """An action on a network that cannot be done; the message is for the person."""


def member_municipality(user, network):
    """The user's municipality if it is an active member of the network, else None."""
    membership = active_membership(user)
    if membership and network.has_active_member(membership.municipality):
        return membership.municipality
    return None


def can_read_discussion(user, network):
    return is_editor(user) or member_municipality(user, network) is not None


def can_coordinate(user, network):
    if is_editor(user) or (network.coordinator_user_id and network.coordinator_user_id == user.pk):
        return True
    return bool(
        network.coordinator_municipality_id
        and is_coordinator_of(user, network.coordinator_municipality)
    )


def _network_coordinators(network):
    if network.coordinator_municipality_id:
        return coordinators_of(network.coordinator_municipality)
    if network.coordinator_user_id:
        return [network.coordinator_user]
    return list(get_user_model().objects.filter(groups__name="Moderators", is_active=True))


def _notify(template, people, **context):
    addresses = [person.email for person in people]
    emails.send(f"network/emails/{template}", addresses, context)


def _require_coordinator_of(user, municipality):
    if not (is_editor(user) or is_coordinator_of(user, municipality)):
        raise PermissionError(_("Bara kommunens kontaktperson kan göra det här."))


@transaction.atomic
def create_network(*, name, challenge, purpose, description, by, invite=()):
    slug = slugify(name)[:140] or "natverk"
    base, n = slug, 1
    while Network.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    network = Network.objects.create(
        name=name,
        slug=slug,
        challenge=challenge,
        purpose=purpose,
        description=description,
        coordinator_user=by,
    )
    log(network, "wagtail.create", user=by)
    for municipality in invite:
        invite_municipality(network, municipality, by=by)
    return network


@transaction.atomic
def invite_municipality(network, municipality, *, by):
    if not can_coordinate(by, network):
        raise PermissionError(_("Bara nätverkets samordnare kan bjuda in."))
    membership, created = NetworkMembership.objects.get_or_create(
        network=network, municipality=municipality, defaults={"status": Status.INVITED}
    )
    if not created and membership.status in (Status.ACTIVE, Status.INVITED):
        return membership
    if membership.status == Status.REQUESTED:
        membership.status = Status.ACTIVE
    else:
        membership.status = Status.INVITED
    membership.save(update_fields=["status", "changed_at"])
    log(membership, f"network.membership.{membership.status}", user=by)
    _notify(
        "invited",
        coordinators_of(municipality),
        network=network,
        municipality=municipality,
        url=emails.absolute_url(network.get_absolute_url()),
    )
    return membership


@transaction.atomic
def join(network, municipality, *, by):
    """A coordinator asks to join, or accepts an invitation (which makes them members)."""
    _require_coordinator_of(by, municipality)
    membership, _created = NetworkMembership.objects.get_or_create(
        network=network, municipality=municipality, defaults={"status": Status.REQUESTED}
    )
    if membership.status == Status.ACTIVE:
        raise NetworkError(_("%(name)s är redan med i nätverket.") % {"name": municipality})
    if membership.status == Status.INVITED:
        membership.status = Status.ACTIVE
    else:
        membership.status = Status.REQUESTED
        _notify(
            "requested",
            _network_coordinators(network),
            network=network,
            municipality=municipality,
            url=emails.absolute_url(network.get_absolute_url()),
        )
    membership.save(update_fields=["status", "changed_at"])
    log(membership, f"network.membership.{membership.status}", user=by)
    return membership


@transaction.atomic
def accept_request(membership, *, by):
    if not can_coordinate(by, membership.network):
        raise PermissionError(_("Bara nätverkets samordnare kan ta emot ansökningar."))
    if membership.status != Status.REQUESTED:
        raise NetworkError(_("Det finns ingen ansökan att ta emot."))
    membership.status = Status.ACTIVE
    membership.save(update_fields=["status", "changed_at"])
    log(membership, "network.membership.active", user=by)
    _notify(
        "accepted",
        coordinators_of(membership.municipality),
        network=membership.network,
        municipality=membership.municipality,
        url=emails.absolute_url(membership.network.get_absolute_url()),
    )
    return membership


@transaction.atomic
def leave(network, municipality, *, by):
    _require_coordinator_of(by, municipality)
    membership = NetworkMembership.objects.filter(
        network=network, municipality=municipality
    ).first()
    if membership is None or membership.status == Status.LEFT:
        raise NetworkError(_("%(name)s är inte med i nätverket.") % {"name": municipality})
    membership.status = Status.LEFT
    membership.save(update_fields=["status", "changed_at"])
    log(membership, "network.membership.left", user=by)
    return membership


def _require_reader(user, network):
    if not can_read_discussion(user, network):
        raise PermissionError(_("Diskussionen är bara för nätverkets medlemmar."))


@transaction.atomic
def start_thread(network, user, *, title, body):
    _require_reader(user, network)
    thread = Thread.objects.create(network=network, title=title, author=user)
    reply(thread, user, body=body)
    return thread


@transaction.atomic
def reply(thread, user, *, body):
    _require_reader(user, thread.network)
    membership = active_membership(user)
    post = Post.objects.create(
        thread=thread,
        author=user,
        body=body,
        author_municipality=membership.municipality if membership else None,
    )
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at)
    return post


def report_post(post, user, *, reason):
    _require_reader(user, post.thread.network)
    report = post.reports.create(reporter=user, reason=reason)
    _notify(
        "reported",
        _network_coordinators(post.thread.network),
        post=post,
        reason=reason,
        url=emails.absolute_url(post.thread.network.get_absolute_url()),
    )
    return report


def hide_post(post, editor, *, reason):
    if not is_editor(editor):
        raise PermissionError(_("Bara redaktörer kan dölja inlägg."))
    post.hidden_at = timezone.now()
    post.hidden_by = editor
    post.hidden_reason = reason
    post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log(post, "network.post.hidden", user=editor)
    return post


def set_digest(user, network, wanted):
    _require_reader(user, network)
    if wanted:
        DigestSubscription.objects.get_or_create(user=user, network=network)
    else:
        DigestSubscription.objects.filter(user=user, network=network).delete()


def send_digests(now=None):
    """At most one email a day per person and network, with posts they have not seen."""
    now = now or timezone.now()
    sent = 0
    for subscription in DigestSubscription.objects.select_related("user", "network"):
        if subscription.last_sent_at and subscription.last_sent_at > now - timedelta(days=1):
            continue
        if not can_read_discussion(subscription.user, subscription.network):
            continue
        since = subscription.last_sent_at or subscription.created_at
        posts = list(
            Post.objects.filter(
                thread__network=subscription.network, created_at__gt=since, hidden_at__isnull=True
            )
            .exclude(author=subscription.user)
            .select_related("thread", "author_municipality")
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
