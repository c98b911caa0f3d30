"""Portal's own panels on "Mina sidor" and its part of a person's data export."""

from wagtail.models import ModelLogEntry

from portal.models import Membership
from portal.services.submissions import submissions_of

from .forms import DeclineForm
from .my_pages import Panel
from .roles import active_membership, is_coordinator_of, is_editor


def membership_panel(request):
    user = request.user
    return Panel(
        order=10,
        template="portal/my_pages/membership.html",
        context={
            "membership": active_membership(user),
            "pending": Membership.objects.filter(user=user, status=Membership.Status.PENDING)
            .select_related("organisation")
            .first(),
        },
    )


def approvals_panel(request):
    """Pending requests for coordinators (their organisation) and editors (every one)."""
    user = request.user
    membership = active_membership(user)
    pending = Membership.objects.filter(status=Membership.Status.PENDING).select_related(
        "user", "organisation"
    )
    colleagues = Membership.objects.none()
    if membership and is_coordinator_of(user, membership.organisation):
        pending = pending.filter(organisation=membership.organisation)
        colleagues = (
            Membership.objects.filter(
                organisation=membership.organisation, status=Membership.Status.APPROVED
            )
            .exclude(user=user)
            .select_related("user")
            .order_by("user__first_name", "user__last_name")
        )
    elif not is_editor(user):
        return None
    return Panel(
        order=20,
        template="portal/my_pages/approvals.html",
        context={
            "pending": pending.order_by("requested_at")[:50],
            "colleagues": colleagues,
            "decline_form": DeclineForm(),
            "is_editor": is_editor(user),
        },
    )


def account_panel(request):
    return Panel(order=90, template="portal/my_pages/account.html")


def personal_data(user):
    return (
        "konto",
        {
            "e-post": user.email,
            "förnamn": user.first_name,
            "efternamn": user.last_name,
            "skapat": user.date_joined.isoformat(),
            "senast inloggad": user.last_login.isoformat() if user.last_login else None,
            "medlemskap": [
                {
                    "organisation": m.organisation.name,
                    "slag": m.organisation.get_kind_display(),
                    "roll": m.get_role_display(),
                    "status": m.get_status_display(),
                    "befattning": m.job_title,
                    "begärt": m.requested_at.isoformat(),
                    "beslutat": m.decided_at.isoformat() if m.decided_at else None,
                    "skäl till avslag": m.decline_reason,
                }
                for m in user.memberships.select_related("organisation")
            ],
            "händelser du har gjort": [
                {
                    "tid": entry.timestamp.isoformat(),
                    "händelse": entry.action,
                    "objekt": entry.label,
                }
                for entry in ModelLogEntry.objects.filter(user=user).order_by("timestamp")
            ],
        },
    )


def submissions_panel(request):
    """The good examples the person has submitted, and where each one stands."""
    submissions = submissions_of(request.user)
    if not submissions and active_membership(request.user) is None:
        return None
    return Panel(
        order=30,
        template="portal/my_pages/submissions.html",
        context={"submissions": submissions},
    )


def submissions_personal_data(user):
    return (
        "inskickade goda exempel",
        [
            {"rubrik": item["page"].title, "status": str(item["label"])}
            for item in submissions_of(user)
        ],
    )
