"""Emails to people, rendered from a pair of templates: <prefix>_subject.txt, _body.txt."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template, recipients, context, attachments=()):
    """Send e.g. template="portal/emails/membership_approved" to each recipient.

    attachments: (filename, content, mimetype) triples. Returns the number sent."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    context = {**context, "site_name": settings.WAGTAIL_SITE_NAME}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context)
    sent = 0
    for recipient in recipients:  # one message each: nobody sees the others' addresses
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
        for attachment in attachments:
            message.attach(*attachment)
        sent += message.send()
    return sent
