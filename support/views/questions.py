"""Questions to the team, on the site (/stod/fragor/): asking, in two steps without
JavaScript, and reading one's own question and its answer.

Asking: "Fortsätt" checks the form and shows published answers to similar questions with
the question as typed, carried in hidden fields; "Skicka frågan" sends it, "Ändra" goes
back to the form with everything kept. Both steps check the whole form again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from ..forms.questions import QuestionForm
from ..services import access, questions

STEP_CONTINUE, STEP_CHANGE, STEP_SEND = "fortsatt", "andra", "skicka"


def _organisation_or_403(user):
    organisation = access.organisation_of(user)
    if organisation is None:
        raise PermissionDenied(
            _("Bara den som är godkänd för en organisation kan ställa frågor till teamet.")
        )
    return organisation


@login_required
def question_new(request):
    organisation = _organisation_or_403(request.user)
    context = {"organisation": organisation}
    if request.method != "POST":
        return render(
            request, "support/questions/question_form.html", {**context, "form": QuestionForm()}
        )
    form = QuestionForm(request.POST)
    step = request.POST.get("steg", STEP_CONTINUE)
    if not form.is_valid() or step == STEP_CHANGE:
        return render(request, "support/questions/question_form.html", {**context, "form": form})
    if step == STEP_SEND:
        try:
            question = questions.ask(by=request.user, **form.service_arguments())
        except questions.QuestionError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return render(
                request, "support/questions/question_form.html", {**context, "form": form}
            )
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        messages.success(
            request,
            _(
                "Frågan är skickad till förstärkningsteamet. Du får ett mejl när den är "
                "besvarad, och svaret syns här och på Mina sidor."
            ),
        )
        return redirect("support:question_detail", pk=question.pk)
    data = form.cleaned_data
    return render(
        request,
        "support/questions/question_confirm.html",
        {
            **context,
            "form": form,
            "question": form.service_arguments(),
            "similar": questions.similar_answers(f"{data['subject']} {data['text']}"),
        },
    )


@login_required
def question_detail(request, pk):
    question = get_object_or_404(questions.questions_of(request.user), pk=pk)
    return render(request, "support/questions/question_detail.html", {"question": question})


urlpatterns = [
    path("ny/", question_new, name="question_new"),
    path("<int:pk>/", question_detail, name="question_detail"),
]
