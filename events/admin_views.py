"""The editors' screens for workshops in Wagtail's admin."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log

from portal.exports import SafeCsvWriter

from . import services
from .forms import CopyWorkshopForm, OccasionMessageForm
from .models import (
    Feedback,
    Occasion,
    Registration,
    SeatCounter,
    SessionAttendance,
    WorkshopPage,
)
from .services import editor_tools, follow_up
from .services.attendance import record_attendance
from .services.charts import bar_chart
from .services.feedback import summarise, summary_by
from .services.interest import interest_per_county


@permission_required("events.view_registration")
def workshop_list(request):
    workshops = WorkshopPage.objects.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        offered=Count("registrations", filter=Q(registrations__status="offered")),
        waitlisted=Count("registrations", filter=Q(registrations__status="waitlisted")),
        occasion_count=Count("occasions", distinct=True),
    ).order_by("-first_published_at")
    return TemplateResponse(request, "events/admin/workshop_list.html", {"workshops": workshops})


@permission_required("events.view_registration")
def workshop_registrations(request, pk):
    workshop = get_object_or_404(WorkshopPage, pk=pk)
    if request.method == "POST":
        if not request.user.has_perm("events.change_registration"):
            messages.error(request, _("Du får inte ändra anmälningar."))
            return redirect("events_admin:registrations", pk=pk)
        _act(request, workshop)
        return redirect("events_admin:registrations", pk=pk)
    registrations = Registration.objects.filter(workshop=workshop).select_related(
        "user", "organisation", "registered_by", "occasion"
    )
    marks = {
        (row.registration_id, row.session_id): row.attended
        for row in SessionAttendance.objects.filter(registration__workshop=workshop)
    }
    occasions = []
    for occasion in workshop.occasion_times:
        counter = SeatCounter.objects.filter(occasion=occasion).first()
        sessions = occasion.session_times
        confirmed = [
            (r, [(session, marks.get((r.pk, session.pk))) for session in sessions])
            for r in registrations.filter(occasion=occasion, status="confirmed")
        ]
        occasions.append(
            {
                "occasion": occasion,
                "counter": counter,
                "kept_higher": counter is not None and counter.capacity > occasion.capacity,
                "confirmed": confirmed,
                "offered": registrations.filter(occasion=occasion, status="offered"),
                "waitlisted": registrations.filter(occasion=occasion, status="waitlisted"),
            }
        )
    return TemplateResponse(
        request,
        "events/admin/registrations.html",
        {
            "workshop": workshop,
            "occasions": occasions,
            "cancelled": registrations.filter(status="cancelled"),
            "feedback": summarise(Feedback.objects.filter(registration__workshop=workshop)),
        },
    )


def _act(request, workshop):
    registration = get_object_or_404(
        Registration, pk=request.POST.get("registration"), workshop=workshop
    )
    action = request.POST.get("action")
    if action in ("attended", "absent"):
        session = (
            registration.occasion
            and registration.occasion.sessions.filter(
                pk=request.POST.get("session") or None
            ).first()
        )
        record_attendance(registration, action == "attended", by=request.user, session=session)
        messages.success(
            request, _("Närvaron för %(name)s är sparad.") % {"name": registration.user}
        )
    elif action == "promote":
        try:
            services.move_from_waitlist(registration, by=request.user)
        except services.RegistrationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("%(name)s har fått en plats.") % {"name": registration.user}
            )


@permission_required("events.view_registration")
def registrations_csv(request, pk):
    """Who is coming, with no more personal data than the organisers need."""
    workshop = get_object_or_404(WorkshopPage, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="anmalningar-{workshop.slug}.csv"'
    response.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = SafeCsvWriter(response, delimiter=";")
    writer.writerow(
        ["Namn", "Organisation", "Slag", "Tillfälle", "Status", "Plats i kön", "Närvarade"]
    )
    for registration, waitlist_position in services.registrations_in_arrival_order(workshop):
        writer.writerow(
            [
                registration.user.get_full_name() or registration.user.email,
                registration.organisation.name,
                registration.organisation.get_kind_display(),
                _occasion_date(registration.occasion),
                registration.get_status_display(),
                waitlist_position or "",
                {True: "Ja", False: "Nej", None: ""}[registration.attended],
            ]
        )
    log(workshop, "events.registrations.exported", user=request.user)
    return response


def _occasion_date(occasion):
    starts = occasion.starts_at if occasion is not None else None
    return timezone.localtime(starts).strftime("%Y-%m-%d %H:%M") if starts else ""


@permission_required("events.view_feedback")
def feedback_report(request):
    by_workshop = summary_by("workshop")
    by_theme = summary_by("theme")
    chart_rows = [
        (row["title"], row["usefulness"] or 0, row["concreteness"] or 0) for row in by_theme
    ]
    return TemplateResponse(
        request,
        "events/admin/feedback_report.html",
        {
            "by_workshop": by_workshop,
            "by_theme": by_theme,
            "chart": bar_chart(chart_rows, series=(_("Användbar"), _("Konkret")), maximum=5),
        },
    )


@permission_required("events.view_themeinterest")
def interest_report(request):
    counties, rows = interest_per_county()
    return TemplateResponse(
        request,
        "events/admin/interest_report.html",
        {"rows": rows, "counties": counties},
    )


@permission_required("events.view_followup")
def follow_up_report(request):
    """Follow-up at 3 and 6 months, per theme and per workshop; the free-text answers of
    one workshop with ?workshop=<id>."""
    workshop = None
    if request.GET.get("workshop", "").isdigit():
        workshop = get_object_or_404(WorkshopPage, pk=request.GET["workshop"])
    return TemplateResponse(
        request,
        "events/admin/follow_up_report.html",
        {
            "by_theme": follow_up.summary_by("theme"),
            "by_workshop": follow_up.summary_by("workshop"),
            "workshops": WorkshopPage.objects.filter(follow_ups__isnull=False)
            .distinct()
            .order_by("title"),
            "workshop": workshop,
            "answers": follow_up.answers_of(workshop) if workshop else [],
        },
    )


def _may_edit(request, workshop):
    return workshop.permissions_for_user(request.user).can_edit()


@permission_required("events.view_registration")
def copy_workshop(request, pk):
    """A draft copy of the workshop on new dates, with no registrations."""
    workshop = get_object_or_404(WorkshopPage, pk=pk)
    parent = workshop.get_parent()
    if (
        not _may_edit(request, workshop)
        or not parent.permissions_for_user(request.user).can_add_subpage()
    ):
        messages.error(request, _("Du får inte kopiera den här workshoppen."))
        return redirect("events_admin:registrations", pk=pk)
    form = CopyWorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        copy = editor_tools.copy_to_new_dates(
            workshop, form.cleaned_data["first_day"], by=request.user
        )
        messages.success(
            request, _("Ett utkast med de nya datumen är skapat. Granska det och publicera.")
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return TemplateResponse(
        request, "events/admin/copy_workshop.html", {"workshop": workshop, "form": form}
    )


@permission_required("events.change_registration")
def message_occasion(request, pk, occasion_pk):
    """A message from the team to everyone registered for one occasion."""
    workshop = get_object_or_404(WorkshopPage, pk=pk)
    occasion = get_object_or_404(Occasion, pk=occasion_pk, workshop=workshop)
    form = OccasionMessageForm(request.POST or None)
    recipients = editor_tools.message_recipients(occasion)
    if request.method == "POST" and form.is_valid():
        count = editor_tools.send_occasion_message(
            occasion, form.cleaned_data["subject"], form.cleaned_data["body"], by=request.user
        )
        messages.success(
            request,
            _("Meddelandet är skickat till %(count)s personer.") % {"count": count},
        )
        return redirect("events_admin:registrations", pk=pk)
    return TemplateResponse(
        request,
        "events/admin/message_occasion.html",
        {
            "workshop": workshop,
            "occasion": occasion,
            "form": form,
            "recipient_count": len(recipients),
        },
    )
