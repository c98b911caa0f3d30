"""allauth's emails (address confirmation, password reset, account notices) leave through
the portal's email outbox like every other email, so a mail server that is down never
turns a sign-up or a reset request into an error page, and a refused email is retried."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from portal.services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        email_queue.enqueue(message.to, message.subject, message.body, template=template_prefix)
