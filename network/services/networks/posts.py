"""What the author of a post may do with it afterwards, and pinning threads.

The author edits or deletes their own post while they can still read the discussion (their
organisation is an active member, or they are an editor). An edit replaces the text and
marks the post "Redigerat"; no earlier text is kept. A post that an editor has hidden
cannot be edited or deleted by its author: it stays hidden, with the editor's reason, until
the team acts on it.

Deleting a reply removes it. Deleting the opening post of a thread with replies erases its
text and leaves a placeholder ("Inlägget är borttaget av skribenten"), so that the replies
still read; a thread with nothing left to read (its only post deleted) disappears.

Pinning is of a thread (which is what a reader sees pinned: the thread and its opening
post, first on the network page, marked "Fäst"); the network's coordinators and editors
pin and unpin.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from network.models import Thread

from .discussion import require_reader
from .membership import NetworkError
from .permissions import can_coordinate, can_read_discussion


def is_opening_post(post):
    first = post.thread.posts.order_by("created_at", "id").values_list("pk", flat=True).first()
    return first == post.pk


def may_change_post(user, post):
    """Whether the page offers the person to edit or delete the post."""
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and post.hidden_at is None
        and post.deleted_at is None
        and can_read_discussion(user, post.thread.network)
    )


def require_author(user, post):
    """PermissionError for anyone but the author; NetworkError if the post cannot change."""
    if not (user.is_authenticated and post.author_id == user.pk):
        raise PermissionError(_("Bara den som skrev inlägget kan ändra eller ta bort det."))
    require_reader(user, post.thread.network)
    if post.deleted_at is not None:
        raise NetworkError(_("Inlägget är redan borttaget."))
    if post.hidden_at is not None:
        raise NetworkError(
            _(
                "Inlägget är dolt av en redaktör och kan inte ändras eller tas bort. "
                "Kontakta förstärkningsteamet om du har frågor."
            )
        )


def may_retitle(user, post):
    """The opening post's author, who started the thread, may change its title too."""
    return post.thread.author_id == user.pk and is_opening_post(post)


@transaction.atomic
def edit_post(post, user, *, body, title=None):
    require_author(user, post)
    changed = body != post.body
    if title is not None and title != post.thread.title and may_retitle(user, post):
        post.thread.title = title
        post.thread.save(update_fields=["title"])
        changed = True
    if changed:
        post.body = body
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "edited_at"])
    return post


@transaction.atomic
def delete_post(post, user):
    """Delete the post; returns False when its thread went with it."""
    require_author(user, post)
    thread = post.thread
    others = thread.posts.exclude(pk=post.pk).filter(deleted_at__isnull=True)
    if not others.exists():
        thread.delete()
        return False
    if is_opening_post(post):
        post.body = ""
        post.deleted_at = timezone.now()
        post.edited_at = None
        post.save(update_fields=["body", "deleted_at", "edited_at"])
        post.reports.all().delete()  # their reasons may quote what the author took back
    else:
        post.delete()
        latest = thread.posts.aggregate(latest=Max("created_at"))["latest"]
        Thread.objects.filter(pk=thread.pk).update(last_post_at=latest)
    return True


def may_pin(user, network):
    return (
        user.is_authenticated
        and can_coordinate(user, network)
        and can_read_discussion(user, network)
    )


def pin_thread(thread, user, *, pinned):
    if not may_pin(user, thread.network):
        raise PermissionError(_("Bara nätverkets samordnare och redaktörer kan fästa trådar."))
    if thread.pinned != pinned:
        thread.pinned = pinned
        thread.save(update_fields=["pinned"])
        log(thread, "network.thread.pinned" if pinned else "network.thread.unpinned", user=user)
    return thread
