from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from organisations.models import Municipality
from portal.models import Challenge

from .services.grouping import MAX_SIZE, MIN_SIZE, suggest_networks
from .services.networks import create_network


@permission_required("network.add_network")
def proposals(request):
    return TemplateResponse(
        request, "network/admin/proposals.html", {"proposals": suggest_networks()}
    )


@permission_required("network.add_network")
@require_POST
def create_from_proposal(request):
    challenge = get_object_or_404(Challenge, slug=request.POST.get("challenge"))
    municipalities = list(
        Municipality.objects.filter(code__in=request.POST.getlist("codes")).select_related(
            "county", "organisation"
        )
    )
    if not MIN_SIZE <= len(municipalities) <= MAX_SIZE:
        messages.error(request, _("Ett nätverk behöver 4–8 kommuner."))
        return redirect("network_admin:proposals")
    counties = sorted({m.county.name for m in municipalities})
    network = create_network(
        name=_("%(challenge)s – %(counties)s")
        % {"challenge": challenge.name, "counties": ", ".join(counties)},
        challenge=challenge,
        purpose=_("Kommuner som arbetar med %(challenge)s delar erfarenheter och lär av varandra.")
        % {"challenge": challenge.name.lower()},
        description="",
        by=request.user,
        invite=[m.organisation for m in municipalities],
    )
    messages.success(
        request,
        _("Nätverket ”%(name)s” är skapat och %(count)s kommuner är inbjudna.")
        % {"name": network.name, "count": len(municipalities)},
    )
    return redirect(network.get_absolute_url())
