"""A network's workspace: adding and removing its links and documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ..forms import DocumentForm, LinkForm
from ..models import Network, NetworkLink
from ..services.networks import can_read_discussion, workspace


def _readable_network(request, slug):
    network = get_object_or_404(Network, slug=slug)
    if not can_read_discussion(request.user, network):
        raise PermissionDenied
    return network


def _add(request, slug, form_class, add, heading, done):
    network = _readable_network(request, slug)
    posted = request.method == "POST"
    form = form_class(request.POST, request.FILES) if posted else form_class()
    if posted and form.is_valid():
        try:
            add(network, request.user, **form.cleaned_data)
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        messages.success(request, done)
        return redirect(f"{network.get_absolute_url()}#links-heading")
    return render(
        request,
        "network/workspace_form.html",
        {"network": network, "form": form, "heading": heading, "has_file": "file" in form.fields},
    )


@login_required
def document_new(request, slug):
    return _add(
        request,
        slug,
        DocumentForm,
        workspace.add_document,
        _("Ladda upp ett dokument"),
        _("Dokumentet är uppladdat. Bara nätverkets medlemmar kan se och ladda ned det."),
    )


@login_required
def link_new(request, slug):
    return _add(
        request,
        slug,
        LinkForm,
        workspace.add_link,
        _("Lägg till en länk"),
        _("Länken är tillagd."),
    )


@login_required
def item_remove(request, slug, pk):
    """Confirm (GET), then remove (POST) a link or a document."""
    item = get_object_or_404(
        NetworkLink.objects.select_related("network", "document"), pk=pk, network__slug=slug
    )
    if not workspace.can_remove(request.user, item):
        raise PermissionDenied
    if request.method == "POST":
        workspace.remove(item, request.user)
        messages.success(request, _("”%(title)s” är borttaget.") % {"title": item.title})
        return redirect(f"{item.network.get_absolute_url()}#links-heading")
    return render(request, "network/workspace_remove.html", {"network": item.network, "item": item})
