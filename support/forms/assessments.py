"""The self-assessment's answer form: one field per question, grouped by support area."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from portal.privacy import TOO_LONG_MESSAGE, PrivacyGuardMixin
from support.models import Question
from support.models.assessments import Scale

DONT_KNOW = "vet-inte"
TEXT_MAX_LENGTH = 3000

SAVE = "save"
COMPLETE = "complete"

MISSING_FOR_COMPLETION = _(
    "Välj ett svar eller ”Vet inte” för att kunna markera analysen som klar. Utkastet kan "
    "sparas utan svar."
)


def field_name(question):
    return f"fraga-{question.pk}"


class AnswersForm(PrivacyGuardMixin, forms.Form):
    """Scale questions as radio buttons (the scale's labels and "Vet inte"), free-text
    questions as text areas. Nothing is required for a draft; to mark the assessment as
    completed every scale question needs a value or "Vet inte"."""

    def __init__(self, questions, *args, answers=None, **kwargs):
        self.questions = list(questions)
        answers = answers or {}
        initial = {}
        for question in self.questions:
            answer = answers.get(question.pk)
            if answer is None:
                continue
            if question.kind == Question.Kind.TEXT:
                initial[field_name(question)] = answer.text
            elif answer.dont_know:
                initial[field_name(question)] = DONT_KNOW
            elif answer.value is not None:
                initial[field_name(question)] = str(answer.value)
        super().__init__(*args, initial=initial, **kwargs)
        for question in self.questions:
            self.fields[field_name(question)] = self._field_for(question)

    @staticmethod
    def _field_for(question):
        if question.kind == Question.Kind.TEXT:
            field = forms.CharField(
                label=question.text,
                help_text=question.help_text
                or _("Skriv inget om enskilda barn, unga eller klienter."),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            # The privacy guard's own limit, with its message (the fields are added after
            # the guard has set the limits of the form's declared fields).
            field.max_length = TEXT_MAX_LENGTH
            field.validators.append(MaxLengthValidator(TEXT_MAX_LENGTH, message=TOO_LONG_MESSAGE))
            return field
        choices = [(str(value), label) for value, label in Scale.choices]
        choices.append((DONT_KNOW, _("Vet inte")))
        return forms.ChoiceField(
            label=question.text,
            help_text=question.help_text,
            required=False,
            choices=choices,
            widget=forms.RadioSelect,
        )

    @property
    def completing(self):
        return self.is_bound and self.data.get("action") == COMPLETE

    def clean(self):
        cleaned_data = super().clean()
        if self.completing:
            for question in self.questions:
                name = field_name(question)
                missing = question.kind == Question.Kind.SCALE and not cleaned_data.get(name)
                if missing and name not in self.errors:
                    self.add_error(name, MISSING_FOR_COMPLETION)
        return cleaned_data

    def answers(self):
        """{question: (value, dont_know, text)} from the valid form."""
        result = {}
        for question in self.questions:
            raw = self.cleaned_data.get(field_name(question)) or ""
            if question.kind == Question.Kind.TEXT:
                result[question] = (None, False, raw.strip())
            elif raw == DONT_KNOW:
                result[question] = (None, True, "")
            else:
                result[question] = (int(raw) if raw else None, False, "")
        return result

    def groups(self):
        """[(support area or None, [bound fields])]: one group per support area, in the
        order its first question comes."""
        groups = {}
        for question in self.questions:
            area = question.area
            groups.setdefault(area.pk if area else None, (area, []))[1].append(
                self[field_name(question)]
            )
        return list(groups.values())
