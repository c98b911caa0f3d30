"""A coordinator proposes a network; the editors decide in the admin (admin_views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import ProposalForm
from ..services.networks import proposals


@login_required
def proposal_new(request):
    organisation = proposals.proposing_organisation(request.user)
    if organisation is None:
        raise PermissionDenied(_("Bara en organisations kontaktperson kan föreslå ett nätverk."))
    suggestions = proposals.suggested_invitees(organisation)
    form = ProposalForm(request.POST or None, organisation=organisation, suggestions=suggestions)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = proposals.propose(
                by=request.user,
                name=form.cleaned_data["name"],
                challenge=form.cleaned_data["challenge"],
                purpose=form.cleaned_data["purpose"],
                invitees=form.invitees,
            )
        except proposals.ProposalError as error:
            form.add_error(form.field_for(error), str(error))
        except PermissionError as error:  # no longer the coordinator since the form opened
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(
                request,
                _(
                    "Förslaget ”%(name)s” är skickat till förstärkningsteamet. Du får ett mejl "
                    "när det är avgjort."
                )
                % {"name": proposal.name},
            )
            return redirect("accounts:my_pages")
    return render(
        request,
        "network/proposal_form.html",
        {"form": form, "organisation": organisation, "has_suggestions": bool(suggestions)},
    )
