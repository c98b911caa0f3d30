"""Municipality pages, their profiles and the municipality search."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from organisations.models import County, Municipality, organisations_serving
from portal.accounts.roles import is_coordinator_of
from portal.models import GoodExamplePage

from ..forms import MunicipalitySearchForm, ProfileForm
from ..models import Network
from ..services.maps import sweden_map
from ..services.matching import suggest_matches
from ..services.profiles import can_edit_profile, profile_for, save_profile, search_municipalities
from .contact import contact_context


def municipality_list(request):
    counties = County.objects.prefetch_related("municipalities")
    return render(request, "network/municipality_list.html", {"counties": counties})


def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality.objects.select_related("county"), slug=slug)
    profile = profile_for(municipality)
    suggestions = suggest_matches(municipality, limit=5) if profile.looking_for_peers else []
    codes = [s.organisation.key for s in suggestions]
    names = [s.organisation.name for s in suggestions]
    context = {
        "municipality": municipality,
        "profile": profile,
        "examples": GoodExamplePage.objects.for_listing().filter(municipality=municipality),
        "suggestions": suggestions,
        "serving": organisations_serving(municipality),
        "networks": Network.objects.filter(
            memberships__organisation__municipality=municipality, memberships__status="active"
        ),
        "can_edit": request.user.is_authenticated and can_edit_profile(request.user, municipality),
        "can_propose": is_coordinator_of(request.user, municipality.organisation),
        "map": sweden_map(
            codes,
            primary=municipality.pk,
            title=_("Karta: %(name)s och liknande kommuner") % {"name": municipality.name},
            label=_("%(name)s och liknande kommuner: %(others)s")
            % {"name": municipality.name, "others": ", ".join(names) or _("inga")},
        ),
        **contact_context(request, municipality),
    }
    return render(request, "network/municipality_detail.html", context)


@login_required
def profile_edit(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    if not can_edit_profile(request.user, municipality):
        raise PermissionDenied
    form = ProfileForm(request.POST or None, instance=profile_for(municipality))
    if request.method == "POST" and form.is_valid():
        save_profile(form, by=request.user)
        messages.success(request, _("Profilen för %(name)s är sparad.") % {"name": municipality})
        return redirect(municipality.get_absolute_url())
    return render(
        request, "network/profile_form.html", {"form": form, "municipality": municipality}
    )


def municipality_search(request):
    form = MunicipalitySearchForm(request.GET or None)
    results = Municipality.objects.none()
    if form.is_bound and form.is_valid() and form.active_filters():
        results = search_municipalities(**form.active_filters())
    results = list(results)
    names = ", ".join(m.name for m in results)
    return render(
        request,
        "network/municipality_search.html",
        {
            "form": form,
            "results": results,
            "searched": bool(form.is_bound and form.active_filters()),
            "map": sweden_map(
                [m.pk for m in results],
                title=_("Karta över kommunerna i resultatet"),
                label=_("Kommuner i resultatet: %(names)s") % {"names": names or _("inga")},
            ),
        },
    )
