"""Editors' screens in Wagtail's admin that are not snippets or pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_required
from wagtail.models import Page

from .models import GuidancePage, OutgoingEmail
from .permissions import EDITOR_GROUPS
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


REVIEW_PER_PAGE = 25


def in_editor_group(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=EDITOR_GROUPS).exists()
    )


def overdue_guidance(today=None):
    """Published guidance whose review date has passed, the longest overdue first."""
    today = today or timezone.localdate()
    return (
        GuidancePage.objects.live()
        .filter(review_due__lt=today)
        .order_by("review_due", "title", "pk")
    )


def guidance_to_review(request):
    if not in_editor_group(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    pages = Paginator(overdue_guidance(today), REVIEW_PER_PAGE).get_page(request.GET.get("p"))
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in={page.path[: -Page.steplen] for page in pages})
    }
    rows = [
        {
            "page": page,
            "support_area": parents.get(page.path[: -Page.steplen]),
            "days_overdue": (today - page.review_due).days,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }
        for page in pages
    ]
    return TemplateResponse(
        request,
        "portal/admin/guidance_to_review.html",
        {"pages": pages, "rows": rows, "today": today},
    )
