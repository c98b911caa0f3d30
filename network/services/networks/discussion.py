"""Discussions inside a network: threads, replies, reports and hidden posts.

Only the members of member organisations (and editors) read and write; every text goes
through the privacy guard in the forms; editors can hide a post. A reply is emailed at once
to the thread's participants who want that (email_choices); authors edit and delete their
own posts and coordinators pin threads (posts).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import Post, Thread
from portal import emails
from portal.accounts.roles import active_membership, is_editor

from .email_choices import notify_reply
from .notifications import notify
from .permissions import can_read_discussion, network_coordinators


def require_reader(user, network):
    if not can_read_discussion(user, network):
        raise PermissionError(_("Diskussionen är bara för nätverkets medlemmar."))


@transaction.atomic
def start_thread(network, user, *, title, body):
    require_reader(user, network)
    thread = Thread.objects.create(network=network, title=title, author=user)
    reply(thread, user, body=body)
    return thread


@transaction.atomic
def reply(thread, user, *, body):
    require_reader(user, thread.network)
    membership = active_membership(user)
    post = Post.objects.create(
        thread=thread,
        author=user,
        body=body,
        author_organisation=membership.organisation if membership else None,
    )
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at)
    notify_reply(post)
    return post


def report_post(post, user, *, reason):
    require_reader(user, post.thread.network)
    report = post.reports.create(reporter=user, reason=reason)
    notify(
        "reported",
        network_coordinators(post.thread.network),
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
