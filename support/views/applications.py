"""Applications for support from the applicants' side, under /stod/ansokan/: start, the
draft and its co-applicants, naming managers, submitting and withdrawing; and the page a
manager answers an anchoring request on (/stod/ansokan/forankring/<token>/).

The views are thin: they ask support.services.access who may do what, call the services
and turn their errors into messages next to the fields."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.roles import is_coordinator_of
from portal.services.memberships import coordinators_of

from ..forms.applications import (
    AnchoringAnswerForm,
    ApplicationForm,
    CoApplicantsForm,
    CodeForm,
    ManagerForm,
    ParticipationForm,
)
from ..models import Application, ApplicationParticipant, SupportActivity
from ..services import access, anchoring, applications

Participation = ApplicationParticipant.Status


def _signed_in(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _readable(request, pk):
    application = get_object_or_404(Application.objects.select_related("round", "lead"), pk=pk)
    if not access.can_read_application(request.user, application):
        raise PermissionDenied(_("Ansökan är de sökande organisationernas."))
    return application


def _activity(request):
    value = request.POST.get("aktivitet") or request.GET.get("aktivitet") or ""
    if not value.isdigit():
        return None
    return SupportActivity.objects.filter(pk=int(value), is_offered=True).first()


def self_assessment_url(assessment):
    return reverse("support:assessment", args=[assessment.pk])


# Start ------------------------------------------------------------------------------


@_signed_in
def application_start(request):
    organisation = access.organisation_of(request.user)
    activity = _activity(request)
    context = {
        "organisation": organisation,
        "activity": activity,
        "round": applications.open_round(),
        "next_round": applications.next_round(),
    }
    if not access.can_apply_for(request.user, organisation):
        context["coordinators"] = coordinators_of(organisation) if organisation else []
        context["is_municipality"] = organisation is not None and organisation.municipality_id
        return render(request, "support/applications/start_not_allowed.html", context)
    if request.method == "POST":
        try:
            application, created = applications.start(by=request.user, activity=activity)
        except applications.ApplicationError as error:
            messages.error(request, str(error))
            context["round"] = applications.open_round()
        else:
            if created:
                messages.success(request, _("Utkastet är skapat. Det sparas när du sparar."))
            return redirect("support:application_edit", application.pk)
    if context["round"] is not None:
        context["existing"] = list(
            applications.applications_of(organisation)
            .filter(round=context["round"])
            .exclude(status=Application.Status.WITHDRAWN)
        )
        context["own"] = [a for a in context["existing"] if a.lead_id == organisation.pk]
    return render(request, "support/applications/start.html", context)


# The application page -----------------------------------------------------------------


def _page(request, application, status=200, **forms):
    """The application as the person may see it, with the forms they may use."""
    user = request.user
    mine = access.participant_for(user, application)
    can_edit = access.can_edit_application(user, application)
    participants = list(application.participants.select_related("organisation"))
    for participant in participants:
        participant.live_anchoring = applications.live_anchoring(participant)
    can_answer = (
        mine is not None
        and not mine.is_lead
        and mine.status == Participation.INVITED
        and access.can_answer_for_participant(user, mine)
    )
    can_name_manager = (
        mine is not None
        and application.is_draft
        and mine.status == Participation.CONFIRMED
        and access.can_answer_for_participant(user, mine)
    )
    latest = applications.latest_self_assessment(application.lead) if can_edit else None
    attached = latest if application.is_draft else application.self_assessment
    context = {
        "application": application,
        "participants": participants,
        "mine": mine,
        "can_edit": can_edit,
        "can_answer": can_answer,
        "can_name_manager": can_name_manager,
        "can_withdraw": application.status in ("draft", "submitted")
        and is_coordinator_of(user, application.lead),
        "self_assessment": attached,
        "self_assessment_url": self_assessment_url(attached) if attached else "",
        "activities": application.activities.select_related("support_area").order_by(
            "support_area__title", "title"
        ),
        "missing": applications.missing_for_submit(application) if can_edit else [],
    }
    if can_edit:
        context["form"] = forms.get("form") or ApplicationForm(instance=application)
        context["invite_form"] = forms.get("invite_form") or CoApplicantsForm(
            application=application
        )
    if can_answer:
        context["participation_form"] = forms.get("participation_form") or ParticipationForm()
    if can_name_manager:
        context["manager_form"] = forms.get("manager_form") or ManagerForm()
    context["submit_missing"] = forms.get("submit_missing")
    return render(request, "support/applications/application.html", context, status=status)


@_signed_in
def application_edit(request, pk):
    application = _readable(request, pk)
    if request.method != "POST":
        return _page(request, application)
    if not access.can_edit_application(request.user, application):
        raise PermissionDenied(_("Bara den sökande kommunens kontaktperson ändrar ansökan."))
    form = ApplicationForm(request.POST, instance=application)
    if form.is_valid():
        try:
            applications.update(
                application,
                by=request.user,
                activities=form.cleaned_data["activities"],
                goals=form.cleaned_data["goals"],
                integration=form.cleaned_data["integration"],
                collaboration=form.cleaned_data["collaboration"],
            )
        except applications.ApplicationError as error:
            form.add_error(None, str(error))
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(request, _("Ansökan är sparad."))
            return redirect("support:application_edit", application.pk)
    application.refresh_from_db()
    return _page(request, application, form=form)


@_signed_in
@require_POST
def application_invite(request, pk):
    application = _readable(request, pk)
    if not access.can_edit_application(request.user, application):
        raise PermissionDenied(_("Bara den sökande kommunens kontaktperson bjuder in."))
    form = CoApplicantsForm(request.POST, application=application)
    if form.is_valid():
        try:
            invited = applications.invite(
                application,
                by=request.user,
                organisations=form.cleaned_data["organisations"],
                network=form.cleaned_data["network"],
            )
        except applications.ApplicationError as error:
            form.add_error(error.field, str(error))
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        else:
            if invited:
                messages.success(
                    request,
                    _("Inbjudan är skickad till kontaktpersonerna för %(names)s.")
                    % {"names": ", ".join(p.organisation.name for p in invited)},
                )
            else:
                messages.info(request, _("Nätverkets kommuner är redan med i ansökan."))
            unreached = [
                p.organisation.name for p in invited if not coordinators_of(p.organisation)
            ]
            if unreached:
                messages.warning(
                    request,
                    _(
                        "%(names)s har ingen kontaktperson i portalen, så inbjudan når ingen. "
                        "Be kommunen utse en kontaktperson, eller ta bort den ur ansökan."
                    )
                    % {"names": ", ".join(unreached)},
                )
            return redirect(reverse("support:application_edit", args=[pk]) + "#medsokande")
    return _page(request, application, invite_form=form)


@_signed_in
@require_POST
def participant_remove(request, pk, participant_pk):
    application = _readable(request, pk)
    participant = get_object_or_404(
        ApplicationParticipant, pk=participant_pk, application=application
    )
    if not access.can_edit_application(request.user, application):
        raise PermissionDenied(_("Bara den sökande kommunens kontaktperson tar bort medsökande."))
    try:
        applications.remove_participant(participant, by=request.user)
    except applications.ApplicationError as error:
        messages.error(request, str(error))
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    else:
        messages.success(
            request,
            _("%(name)s är borttagen ur ansökan.") % {"name": participant.organisation.name},
        )
    return redirect(reverse("support:application_edit", args=[pk]) + "#medsokande")


@_signed_in
@require_POST
def participant_answer(request, pk):
    """A co-applicant's coordinator confirms or declines taking part."""
    application = _readable(request, pk)
    participant = access.participant_for(request.user, application)
    if participant is None or participant.is_lead:
        raise PermissionDenied(_("Bara en medsökande kommun svarar på inbjudan."))
    if not access.can_answer_for_participant(request.user, participant):
        raise PermissionDenied(_("Bara kommunens kontaktperson svarar på inbjudan."))
    form = ParticipationForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["answer"] == "confirm"
        try:
            applications.answer_invitation(participant, by=request.user, accept=accept)
        except applications.ApplicationError as error:
            form.add_error(None, str(error))
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        else:
            if not accept:
                messages.success(
                    request,
                    _("Ni har tackat nej till att söka tillsammans med %(lead)s.")
                    % {"lead": application.lead.name},
                )
                return redirect("accounts:my_pages")
            messages.success(
                request,
                _("Ni är med i ansökan. Ange nu vilken chef som bekräftar förankringen."),
            )
            return redirect(reverse("support:application_edit", args=[pk]) + "#forankring")
    return _page(request, application, participation_form=form)


@_signed_in
@require_POST
def anchoring_request(request, pk):
    """A participant's coordinator names the manager who anchors the application."""
    application = _readable(request, pk)
    participant = access.participant_for(request.user, application)
    if participant is None or not access.can_answer_for_participant(request.user, participant):
        raise PermissionDenied(_("Bara organisationens kontaktperson anger chef."))
    form = ManagerForm(request.POST)
    if form.is_valid():
        try:
            made = anchoring.request_anchoring(participant, by=request.user, **form.cleaned_data)
        except applications.ApplicationError as error:
            form.add_error(error.field, str(error))
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(
                request,
                _("%(name)s har fått ett mejl med en länk för att bekräfta förankringen.")
                % {"name": made.manager_name},
            )
            return redirect(reverse("support:application_edit", args=[pk]) + "#forankring")
    return _page(request, application, manager_form=form)


@_signed_in
def application_submit(request, pk):
    application = _readable(request, pk)
    if request.method != "POST":
        return redirect("support:application_edit", pk)
    if not is_coordinator_of(request.user, application.lead):
        raise PermissionDenied(_("Bara den sökande kommunens kontaktperson skickar in ansökan."))
    try:
        applications.submit(application, by=request.user)
    except applications.NotReady as error:
        return _page(request, application, submit_missing=error.missing)
    except applications.ApplicationError as error:
        messages.error(request, str(error))
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    else:
        messages.success(
            request,
            _(
                "Ansökan är inskickad till förstärkningsteamet. Alla sökande kommuners "
                "kontaktpersoner får en bekräftelse."
            ),
        )
    return redirect("support:application_edit", pk)


@_signed_in
def application_withdraw(request, pk):
    application = _readable(request, pk)
    if not is_coordinator_of(request.user, application.lead):
        raise PermissionDenied(_("Bara den sökande kommunens kontaktperson tar tillbaka ansökan."))
    if request.method == "POST":
        try:
            applications.withdraw(application, by=request.user)
        except applications.ApplicationError as error:
            messages.error(request, str(error))
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(request, _("Ansökan är tillbakatagen."))
        return redirect("support:application_edit", pk)
    return render(request, "support/applications/withdraw.html", {"application": application})


# The manager's answer -----------------------------------------------------------------


def _masked(email):
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def anchoring_respond(request, token):
    """The manager's page: prove the address, read the summary, confirm or decline."""
    try:
        found = anchoring.anchoring_for_token(token)
    except anchoring.LinkError as error:
        return _link_problem(request, error.reason)
    verified = anchoring.is_verified(request, found)
    code_form = CodeForm()
    answer_form = AnchoringAnswerForm()
    code_sent = False
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "send_code" and not verified:
            try:
                anchoring.send_code(found)
            except anchoring.CodeError as error:
                messages.error(request, str(error))
            code_sent = True
        elif action == "verify" and not verified:
            code_sent = True
            code_form = CodeForm(request.POST)
            if code_form.is_valid():
                try:
                    anchoring.verify_code(request, found, code_form.cleaned_data["code"])
                except anchoring.CodeError as error:
                    code_form.add_error("code", str(error))
                else:
                    return redirect("support:anchoring_respond", token)
        elif action == "answer" and verified:
            answer_form = AnchoringAnswerForm(request.POST)
            if answer_form.is_valid():
                confirm = answer_form.cleaned_data["decision"] == "confirm"
                try:
                    answered = anchoring.respond(
                        request, found, confirm=confirm, comment=answer_form.cleaned_data["comment"]
                    )
                except anchoring.LinkError as error:
                    return _link_problem(request, error.reason)
                return render(
                    request, "support/applications/anchoring_done.html", {"anchoring": answered}
                )
    context = {
        "anchoring": found,
        "verified": verified,
        "masked_email": _masked(found.manager_email),
        "code_form": code_form,
        "code_sent": code_sent or bool(found.code_hash),
        "login_url": reverse("account_login") + "?next=" + request.path,
    }
    if verified:
        application = found.participant.application
        context.update(
            application=application,
            organisation=found.participant.organisation,
            participants=applications.active_participants(application),
            activities=application.activities.select_related("support_area"),
            answer_form=answer_form,
        )
    return render(request, "support/applications/anchoring_respond.html", context)


def _link_problem(request, reason):
    status = 404 if reason == "invalid" else 410
    return render(
        request, "support/applications/anchoring_problem.html", {"reason": reason}, status=status
    )


urlpatterns = [
    path("", application_start, name="application_start"),
    path("<int:pk>/", application_edit, name="application_edit"),
    path("<int:pk>/medsokande/", application_invite, name="application_invite"),
    path(
        "<int:pk>/medsokande/<int:participant_pk>/ta-bort/",
        participant_remove,
        name="participant_remove",
    ),
    path("<int:pk>/svar/", participant_answer, name="participant_answer"),
    path("<int:pk>/chef/", anchoring_request, name="anchoring_request"),
    path("<int:pk>/skicka-in/", application_submit, name="application_submit"),
    path("<int:pk>/ta-tillbaka/", application_withdraw, name="application_withdraw"),
    path("forankring/<str:token>/", anchoring_respond, name="anchoring_respond"),
]
