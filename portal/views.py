from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .accounts.roles import active_membership
from .forms import GoodExampleSubmissionForm, MethodFilterForm
from .models import GoodExamplePage, GuidancePage, Method
from .services.methods import filter_methods
from .services.submissions import (
    SubmissionError,
    form_initial,
    submission_status,
    submit_good_example,
)


def method_list(request):
    form = MethodFilterForm.from_query(request)
    methods = filter_methods(Method.objects.order_by("name"), **form.active_filters())
    return render(
        request,
        "portal/method_list.html",
        {"methods": methods, "filter_form": form, "total": len(methods)},
    )


def method_detail(request, slug):
    method = get_object_or_404(Method, slug=slug)
    context = {
        "method": method,
        "support_areas": method.support_areas.live().public().order_by("path"),
        "guidance_pages": GuidancePage.objects.live().public().filter(methods=method),
        "examples": GoodExamplePage.objects.for_listing().filter(methods=method)[:6],
    }
    return render(request, "portal/method_detail.html", context)


@login_required
def submission_new(request):
    if active_membership(request.user) is None:
        messages.info(request, _("Du behöver företräda en kommun för att skicka in exempel."))
        return redirect("accounts:membership_request")
    return _submission_form(request, page=None)


@login_required
def submission_edit(request, pk):
    page = get_object_or_404(GoodExamplePage, pk=pk, owner=request.user)
    if submission_status(page)[0] != "returned":
        messages.info(request, _("Exemplet granskas eller är publicerat och kan inte ändras nu."))
        return redirect("accounts:my_pages")
    return _submission_form(request, page=page)


def _submission_form(request, page):
    initial = form_initial(page) if page else None
    form = GoodExampleSubmissionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            submit_good_example(request.user, form.cleaned_data, page=page)
        except SubmissionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Tack! Exemplet är skickat till förstärkningsteamet för granskning."),
            )
            return redirect("accounts:my_pages")
    return render(
        request,
        "portal/submission_form.html",
        {"form": form, "page": page, "membership": active_membership(request.user)},
    )
