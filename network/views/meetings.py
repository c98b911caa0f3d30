"""A network's meetings: the list with agendas and minutes, the .ics of one meeting, and
the coordinator's planning, changing, cancelling and minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.calendar import ICS_MIMETYPE

from ..forms import MeetingForm, MinutesForm
from ..models import Meeting, Network
from ..services import networks as network_services
from ..services.networks import meetings as meeting_services


def _network_for_readers(request, slug):
    network = get_object_or_404(Network, slug=slug)
    if not meeting_services.can_see_meetings(request.user, network):
        raise PermissionDenied
    return network


def _meeting_for_coordinators(request, slug, pk):
    meeting = get_object_or_404(
        Meeting.objects.select_related("network"), pk=pk, network__slug=slug
    )
    if not network_services.can_coordinate(request.user, meeting.network):
        raise PermissionDenied
    return meeting


def _closed(request, meeting):
    """Back to the list with the reason, when the meeting can no longer be changed."""
    reason = meeting_services.closed_reason(meeting)
    if reason:
        messages.error(request, reason)
        return redirect(meeting.get_absolute_url())
    return None


@login_required
def meeting_list(request, slug):
    network = _network_for_readers(request, slug)
    context = {
        "network": network,
        "upcoming": meeting_services.upcoming_meetings(network),
        "past": meeting_services.past_meetings(network),
        "coordinates": network_services.can_coordinate(request.user, network),
    }
    return render(request, "network/meeting_list.html", context)


@login_required
def meeting_ics(request, slug, pk):
    network = _network_for_readers(request, slug)
    meeting = get_object_or_404(Meeting.objects.select_related("network"), pk=pk, network=network)
    response = HttpResponse(
        meeting_services.meeting_calendar(meeting),
        content_type=f"{ICS_MIMETYPE}; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mote.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def _render_form(request, network, form, meeting=None):
    return render(
        request,
        "network/meeting_form.html",
        {"network": network, "form": form, "meeting": meeting},
    )


@login_required
def meeting_new(request, slug):
    network = get_object_or_404(Network, slug=slug)
    if not network_services.can_coordinate(request.user, network):
        raise PermissionDenied
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = network_services.schedule_meeting(
                network, request.user, **form.meeting_fields()
            )
        except network_services.MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Mötet är planerat. Nätverkets medlemmar har fått en inbjudan."),
            )
            return redirect(meeting.get_absolute_url())
    return _render_form(request, network, form)


@login_required
def meeting_edit(request, slug, pk):
    meeting = _meeting_for_coordinators(request, slug, pk)
    if closed := _closed(request, meeting):
        return closed
    form = MeetingForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            told = network_services.change_meeting(meeting, request.user, **form.meeting_fields())
        except network_services.MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Mötet är ändrat. Nätverkets medlemmar har fått en uppdaterad inbjudan.")
                if told
                else _("Mötet är ändrat."),
            )
            return redirect(meeting.get_absolute_url())
    return _render_form(request, meeting.network, form, meeting)


@login_required
def meeting_cancel(request, slug, pk):
    meeting = _meeting_for_coordinators(request, slug, pk)
    if closed := _closed(request, meeting):
        return closed
    if request.method == "POST":
        try:
            network_services.cancel_meeting(meeting, request.user)
        except network_services.MeetingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Mötet är inställt. Nätverkets medlemmar har fått besked."))
        return redirect(meeting.get_absolute_url())
    return render(
        request, "network/meeting_cancel.html", {"network": meeting.network, "meeting": meeting}
    )


@login_required
def meeting_minutes(request, slug, pk):
    meeting = _meeting_for_coordinators(request, slug, pk)
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        try:
            network_services.write_minutes(meeting, request.user, **form.cleaned_data)
        except network_services.MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Minnesanteckningarna är sparade."))
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "network/meeting_minutes.html",
        {"network": meeting.network, "meeting": meeting, "form": form},
    )
