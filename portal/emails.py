"""Emails to people, rendered from a pair of templates: <prefix>_subject.txt, _body.txt.

They leave through the outbox (`portal/services/email_queue.py`): rendered at once,
queued in the caller's transaction, sent after it commits or by the worker."""

from django.conf import settings
from django.template.loader import render_to_string

from portal.services import email_queue


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template, recipients, context, attachments=(), *, reply_to=""):
    """Queue e.g. template="portal/emails/membership_approved" for each recipient.

    One email each: nobody sees the others' addresses. attachments: (filename, content,
    mimetype) triples. reply_to: the address replies go to, when a person wrote the
    message (the portal stays the sender, so the mail passes SPF and DMARC). Returns the
    number queued; they are sent after the current transaction commits (or by
    `manage.py send_queued_emails`), and retried if the mail server is down."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    context = {**context, "site_name": settings.WAGTAIL_SITE_NAME}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context)
    return email_queue.enqueue(
        recipients, subject, body, attachments, template=template, reply_to=reply_to
    )
