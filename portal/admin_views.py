"""Editors' screens in Wagtail's admin that are not snippets or pages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_required

from .models import OutgoingEmail
from .services import email_queue


@permission_required("portal.view_outgoingemail")
def failed_emails(request):
    """Emails the mail server would not take: given up, and those waiting for a retry."""
    if request.method == "POST":
        return _retry(request)
    failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).order_by(
        "-next_attempt_at"
    )
    retrying = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.QUEUED, attempts__gt=0
    ).order_by("next_attempt_at")
    return TemplateResponse(
        request,
        "portal/admin/failed_emails.html",
        {
            "failed": Paginator(failed, 50).get_page(request.GET.get("p")),
            "retrying": retrying[:50],
            "can_retry": request.user.has_perm("portal.change_outgoingemail"),
            "keep_days": email_queue.keep_days(),
        },
    )


def _retry(request):
    if not request.user.has_perm("portal.change_outgoingemail"):
        messages.error(request, _("Du får inte skicka om e-post."))
        return redirect("portal_admin:failed_emails")
    email = get_object_or_404(OutgoingEmail, pk=request.POST.get("email"))
    if email_queue.retry(email):
        messages.success(
            request,
            _("E-posten till %(recipient)s skickas igen.") % {"recipient": email.recipient},
        )
    else:
        messages.warning(request, _("E-posten är redan skickad eller i kö."))
    return redirect("portal_admin:failed_emails")
