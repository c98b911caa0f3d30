import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.models import Membership
from portal.services import memberships
from portal.services.accounts import delete_account

from .forms import DeclineForm, DeleteAccountForm, MembershipRequestForm
from .my_pages import panels_for, personal_data_for
from .roles import active_membership, can_manage_memberships, role_label


@login_required
def my_pages(request):
    return render(
        request,
        "portal/my_pages/index.html",
        {"panels": panels_for(request), "role": role_label(request.user)},
    )


@login_required
def membership_request(request):
    form = MembershipRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = memberships.request_membership(
                request.user, form.cleaned_data["organisation"], form.cleaned_data["job_title"]
            )
        except memberships.MembershipError as error:
            form.add_error("organisation", str(error))
        else:
            if membership.status == Membership.Status.APPROVED:
                messages.success(
                    request,
                    _("Klart! Din e-postadress hör till %(name)s, så du är nu medlem.")
                    % {"name": membership.organisation},
                )
            else:
                messages.success(
                    request,
                    _(
                        "Din förfrågan är skickad till %(name)s. "
                        "Du får ett mejl när den är hanterad."
                    )
                    % {"name": membership.organisation},
                )
            return redirect("accounts:my_pages")
    return render(
        request,
        "portal/my_pages/membership_request.html",
        {"form": form, "current": active_membership(request.user)},
    )


def _decide(request, membership, approver, *, from_email_link=False):
    """Carry out the decision posted in `request` on behalf of `approver`."""
    action = request.POST.get("action")
    if action == "approve":
        memberships.approve_membership(membership, by=approver, from_email_link=from_email_link)
        messages.success(request, _("%(name)s är godkänd.") % {"name": membership.user})
        return True
    if action == "decline":
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return form
        memberships.decline_membership(
            membership,
            by=approver,
            reason=form.cleaned_data["reason"],
            from_email_link=from_email_link,
        )
        messages.success(
            request, _("Förfrågan från %(name)s är avslagen.") % {"name": membership.user}
        )
        return True
    if action in Membership.Role.values and not from_email_link:
        memberships.set_role(membership, action, by=approver)
        messages.success(request, _("Rollen för %(name)s är ändrad.") % {"name": membership.user})
        return True
    raise PermissionDenied


@login_required
@require_POST
def membership_decide(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("user", "organisation"), pk=pk)
    if not can_manage_memberships(request.user, membership.organisation):
        raise PermissionDenied
    try:
        result = _decide(request, membership, request.user)
    except memberships.MembershipError as error:
        messages.error(request, str(error))
        result = True
    if result is not True:
        messages.error(request, " ".join(result.errors.get("reason", [])))
    return redirect("accounts:my_pages")


@login_required
def membership_decision(request, token):
    """The one-click page an approver reaches from the email. The link leads through
    sign-in first; then whoever is signed in decides, if they may decide for the
    organisation, and the log records them and that the decision came from the link."""
    try:
        membership = memberships.read_decision_token(token)
    except memberships.MembershipError as error:
        return render(
            request, "portal/my_pages/decision_invalid.html", {"error": error}, status=400
        )
    if not can_manage_memberships(request.user, membership.organisation):
        raise PermissionDenied
    decline_form = DeclineForm()
    if request.method == "POST" and membership.status == Membership.Status.PENDING:
        try:
            result = _decide(request, membership, request.user, from_email_link=True)
        except memberships.MembershipError as error:
            messages.error(request, str(error))
            result = True
        if result is True:
            return redirect("accounts:membership_decision", token=token)
        decline_form = result
    return render(
        request,
        "portal/my_pages/decision.html",
        {"membership": membership, "decline_form": decline_form},
    )


@login_required
@require_POST
def membership_leave(request):
    membership = active_membership(request.user)
    if membership is not None:
        memberships.leave_organisation(membership, by=request.user)
        messages.success(
            request,
            _("Du är inte längre kopplad till %(name)s.") % {"name": membership.organisation},
        )
    return redirect("accounts:my_pages")


@login_required
def personal_data_export(request):
    data = {
        "portal": "Kunskapsnätverket",
        "exporterad": timezone.now().isoformat(),
        **personal_data_for(request.user),
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mina-uppgifter.json"'
    return response


@login_required
def account_delete(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, _("Ditt konto är raderat."))
        return redirect("/")
    return render(request, "portal/my_pages/delete_account.html", {"form": form})
