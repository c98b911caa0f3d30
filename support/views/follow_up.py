"""The follow-up questionnaire on the site (/stod/uppfoljning/<pk>/), for the members of
the organisation it was sent to: the form while it is open, then the answers and the
comparison with the self-assessment made before the support, read-only.

Anyone else gets 404, the team included (it reads follow-ups in the admin): the link in
the email is only an address, it grants nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from ..forms.follow_up import SUBMIT, FollowUpForm
from ..models import EngagementFollowUp
from ..services import follow_up as services


@login_required
def follow_up(request, pk):
    follow_up = get_object_or_404(
        EngagementFollowUp.objects.select_related(
            "engagement", "organisation", "answered_by", "updated_by"
        ),
        pk=pk,
    )
    if not services.can_answer(request.user, follow_up):
        raise Http404
    if follow_up.is_answered:
        if request.method == "POST":
            messages.error(
                request,
                _(
                    "Uppföljningen skickades till teamet innan dina ändringar sparades. "
                    "Den kan inte ändras."
                ),
            )
        return render(
            request,
            "support/follow_up/result.html",
            {"follow_up": follow_up, "comparison": services.comparison(follow_up)},
        )
    before = {row.area.pk: row for row in services.comparison(follow_up)}
    form = FollowUpForm(
        services.support_areas(),
        request.POST or None,
        follow_up=follow_up,
        levels=services.levels_of(follow_up),
        before=before,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save(follow_up, form.answers(), by=request.user, submit=form.submitting)
        except services.FollowUpError as error:
            messages.error(request, str(error))
        else:
            if form.submitting:
                messages.success(request, _("Tack! Uppföljningen är skickad till teamet."))
            else:
                messages.success(
                    request,
                    _("Svaren är sparade. Du och dina kolleger kan fortsätta när ni vill."),
                )
        return redirect("support:follow_up", pk=follow_up.pk)
    return render(
        request,
        "support/follow_up/form.html",
        {"follow_up": follow_up, "form": form, "submit_action": SUBMIT},
    )


urlpatterns = [
    path("<int:pk>/", follow_up, name="follow_up"),
]
