"""Emails to people about their accounts and memberships, rendered from templates."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template, recipients, context):
    """Send templates/portal/emails/<template>_subject.txt and _body.txt to recipients."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    context = {**context, "site_name": settings.WAGTAIL_SITE_NAME}
    subject = render_to_string(f"portal/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"portal/emails/{template}_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
