"""Writing to another organisation's coordinators, and how the team's contact person and
the contact options show on a municipality's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from organisations.models import Municipality
from portal.accounts.roles import active_membership, is_editor
from portal.services.memberships import coordinators_of

from ..forms import ContactForm
from ..services.contact import (
    ContactError,
    contact_access,
    contact_organisation,
    no_coordinator_message,
    team_contact_for,
)


def can_reach_team(user):
    """Signed-in members and editors see how to reach the team's contact person."""
    return user.is_authenticated and (is_editor(user) or active_membership(user) is not None)


def team_contact_context(user, municipality):
    person = team_contact_for(municipality)
    reach = can_reach_team(user)
    return {
        "team_contact": person,
        "team_contact_name": person.get_full_name() if person else "",
        "can_reach_team": reach,
    }


def contact_context(request, municipality):
    """What the municipality's page shows about contacting it and its team contact."""
    organisation = getattr(municipality, "organisation", None)
    if organisation is None:  # reference data not loaded in full: nothing to contact
        return team_contact_context(request.user, municipality)
    own = active_membership(request.user)
    return {
        "contact": contact_access(request.user, organisation),
        "has_coordinators": bool(coordinators_of(organisation)),
        # Suggestions are other municipalities; the viewer's own gets no Kontakta link.
        "own_municipality_code": own.organisation.municipality_id if own else None,
        **team_contact_context(request.user, municipality),
    }


def _municipality(slug):
    municipality = get_object_or_404(Municipality.objects.select_related("county"), slug=slug)
    if getattr(municipality, "organisation", None) is None:
        raise Http404
    return municipality


@login_required
def contact(request, slug):
    municipality = _municipality(slug)
    organisation = municipality.organisation
    access = contact_access(request.user, organisation)
    recipients = coordinators_of(organisation)
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if not access.allowed:
            raise PermissionDenied(access.reason)
        if form.is_valid():
            try:
                contact_organisation(
                    sender=request.user,
                    organisation=organisation,
                    subject=form.cleaned_data["subject"],
                    message=form.cleaned_data["message"],
                )
            except PermissionError as error:
                raise PermissionDenied(str(error)) from error
            except ContactError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Ditt meddelande har skickats till kontaktpersonerna för %(name)s. "
                        "Svaren kommer till din e-post, och du har fått en kopia där."
                    )
                    % {"name": organisation.name},
                )
                return redirect(municipality.get_absolute_url())
    return render(
        request,
        "network/contact_form.html",
        {
            "municipality": municipality,
            "organisation": organisation,
            "access": access,
            "form": form,
            "recipient_count": len(recipients),
            "no_coordinator": no_coordinator_message(organisation) if not recipients else "",
            **team_contact_context(request.user, municipality),
        },
    )
