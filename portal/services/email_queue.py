"""The email outbox: queue rendered emails in the caller's transaction, send them later.

`portal.emails.send` writes one OutgoingEmail row per recipient in the transaction that
caused the email, so the email exists exactly when the change does. `drain()` sends
them: it claims due rows (a short transaction; `SELECT ... FOR UPDATE SKIP LOCKED` on
PostgreSQL, SQLite's IMMEDIATE transactions serialize the claim), sends each outside the
transaction, and marks it sent only after the mail server accepted it. A failed try is
retried after 1 min, 5 min, 30 min, 2 h and 12 h; after the sixth it is given up and
shown to editors (*Rapporter → E-post som inte gick fram*).

In the embedded default the rows are sent right after the enqueueing transaction
commits (EMAIL_DRAIN_ON_COMMIT); failures there are logged, never raised into the
request. In production `manage.py send_queued_emails` sends them.

A claimed row is not claimed again unless its worker died mid-send (after
CLAIM_TIMEOUT): that is the only case in which an email can go out twice.
"""

import base64
import contextlib
import logging
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from portal.models import OutgoingEmail

logger = logging.getLogger(__name__)
Status = OutgoingEmail.Status

BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
CLAIM_TIMEOUT = timedelta(minutes=15)
BATCH = 50
# After a commit, a request also sends this many older due emails (retries), so the
# embedded default heals without a worker; the worker does the rest.
RETRIES_AFTER_COMMIT = 5


def _encode(attachment):
    filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename,
        "mimetype": mimetype,
        "content": base64.b64encode(content).decode("ascii"),
    }


def enqueue(recipients, subject, body, attachments=(), *, template="", reply_to=""):
    """Queue one email per recipient in the current transaction; returns how many.

    reply_to: an address replies go to instead of the portal's (a person who wrote)."""
    people = {
        user.email.lower(): user
        for user in get_user_model().objects.filter(email__in=[r.lower() for r in recipients])
    }
    stored_attachments = [_encode(attachment) for attachment in attachments]
    now = timezone.now()
    rows = OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            recipient=recipient,
            user=people.get(recipient.lower()),
            template=template,
            reply_to=reply_to,
            subject=subject,
            body=body,
            attachments=stored_attachments,
            next_attempt_at=now,
        )
        for recipient in recipients
    )
    if getattr(settings, "EMAIL_DRAIN_ON_COMMIT", True):
        ids = [row.pk for row in rows]
        if None in ids:  # a backend that returns no keys from bulk_create
            ids = None
        transaction.on_commit(partial(drain_after_commit, ids))
    return len(rows)


def _due(now):
    return Q(status=Status.QUEUED, next_attempt_at__lte=now) | Q(
        status=Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
    )


def claim(limit=BATCH, ids=None, now=None):
    """Take up to `limit` due rows for this caller alone, counting the attempt."""
    now = now or timezone.now()
    token = uuid.uuid4().hex
    with transaction.atomic():
        due = OutgoingEmail.objects.filter(_due(now))
        if ids is not None:
            due = due.filter(pk__in=ids)
        pks = list(
            due.select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not pks:
            return []
        # Conditional as well, so a backend without row locks still never hands out a
        # row twice.
        OutgoingEmail.objects.filter(_due(now), pk__in=pks).update(
            status=Status.SENDING,
            claimed_by=token,
            claimed_at=now,
            attempts=F("attempts") + 1,
        )
    return list(OutgoingEmail.objects.filter(claimed_by=token, status=Status.SENDING))


def _message(row, connection):
    message = EmailMessage(
        row.subject,
        row.body,
        settings.DEFAULT_FROM_EMAIL,
        [row.recipient],
        connection=connection,
        reply_to=[row.reply_to] if row.reply_to else None,
    )
    for attachment in row.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


def _describe(error):
    """A short description for editors: the kind of error and the server's words."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text[:300]


def _mark_sent(row, now):
    OutgoingEmail.objects.filter(pk=row.pk, claimed_by=row.claimed_by).update(
        status=Status.SENT, sent_at=now, claimed_by="", last_error=""
    )


def _mark_failed(row, error, now):
    changes = {"claimed_by": "", "last_error": _describe(error)}
    if row.attempts >= MAX_ATTEMPTS:
        changes["status"] = Status.FAILED
    else:
        changes["status"] = Status.QUEUED
        changes["next_attempt_at"] = now + BACKOFF[row.attempts - 1]
    OutgoingEmail.objects.filter(pk=row.pk, claimed_by=row.claimed_by).update(**changes)
    logger.warning(
        "Email %s (%s) failed on attempt %s: %s",
        row.pk,
        row.template,
        row.attempts,
        changes["last_error"],
    )


def drain(limit=None, ids=None, stop_on_failure=False, now=None):
    """Send due emails; returns (sent, failed). `ids` limits it to those rows.

    `now` is for tests that travel in time; it defaults to the clock at each batch."""
    sent = failed = 0
    fixed_now = now
    while limit is None or sent + failed < limit:
        batch = BATCH if limit is None else min(BATCH, limit - sent - failed)
        now = fixed_now or timezone.now()
        rows = claim(batch, ids=ids, now=now)
        if not rows:
            break
        connection = None
        for index, row in enumerate(rows):
            try:
                if connection is None:  # one connection for the batch
                    connection = get_connection()
                    connection.open()
                _message(row, connection).send()
            except Exception as error:  # any backend error: the row is retried later
                _mark_failed(row, error, now)
                failed += 1
                if connection is not None:  # it may be broken; a new one for the next row
                    with contextlib.suppress(Exception):
                        connection.close()
                connection = None
                if stop_on_failure:  # the server is likely down: the rest would fail too
                    for untried in rows[index + 1 :]:
                        _mark_failed(untried, error, now)
                        failed += 1
                    return sent, failed
            else:
                _mark_sent(row, now)
                sent += 1
        if connection is not None:
            with contextlib.suppress(Exception):  # closing a broken connection may fail
                connection.close()
    return sent, failed


def drain_after_commit(ids=None):
    """Send what a transaction just queued, then a few older due emails.

    Runs after the commit of a request: nothing it meets may reach the person, so every
    error is logged and the rows stay for the next drain or the worker."""
    try:
        sent, failed = drain(ids=ids, stop_on_failure=True)
        if ids is not None and not failed:
            drain(limit=RETRIES_AFTER_COMMIT, stop_on_failure=True)
    except Exception:
        logger.exception("Sending queued emails after commit failed; they stay queued.")


def retry(email):
    """Queue a given-up email again, with a fresh set of tries (an editor's action)."""
    updated = OutgoingEmail.objects.filter(pk=email.pk, status=Status.FAILED).update(
        status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), claimed_by=""
    )
    if updated and getattr(settings, "EMAIL_DRAIN_ON_COMMIT", True):
        transaction.on_commit(partial(drain_after_commit, [email.pk]))
    return bool(updated)


def keep_days():
    return getattr(settings, "EMAIL_KEEP_DAYS", 30)


def purge(now=None):
    """Forget emails sent, or given up, more than EMAIL_KEEP_DAYS days ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=keep_days())
    deleted, _ = OutgoingEmail.objects.filter(
        Q(status=Status.SENT, sent_at__lt=cutoff)
        | Q(status=Status.FAILED, next_attempt_at__lt=cutoff)
    ).delete()
    return deleted


def personal_data(user):
    """The person's emails still kept, for the data export (Mina sidor)."""
    return (
        "e-post",
        [
            {
                "ämne": email.subject,
                "status": email.get_status_display(),
                "skapad": email.created_at.isoformat(),
                "skickad": email.sent_at.isoformat() if email.sent_at else None,
            }
            for email in OutgoingEmail.objects.filter(user=user).order_by("created_at")
        ],
    )
