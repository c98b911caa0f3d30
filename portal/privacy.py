"""The privacy guard: keep Swedish personal identity numbers out of everything people type.

The portal must never hold personal data about children or clients. Every free-text field
of every form goes through this module, normally by way of `PrivacyGuardMixin`.

A personal identity number (personnummer) is a date of birth and four digits, the last a
Luhn check digit computed over the ten-digit form: YYMMDD-NNNC, or with the century,
YYYYMMDD-NNNC. A coordination number (samordningsnummer) is the same with 60 added to
the day. The separator is "-", "+" (people aged 100 or more), a space, or nothing.
"""

import datetime
import json
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Ten or twelve digits with an optional separator before the last four, not part of a
# longer run of digits or of a number with a decimal point.
_CANDIDATE = re.compile(
    r"(?<![\d.,])(?P<century>\d{2})?(?P<date>\d{6})(?P<separator>[-+ ]?)(?P<serial>\d{4})(?![\d])"
)


def luhn_is_valid(digits: str) -> bool:
    """True if the last digit is the Luhn check digit of the others."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _is_valid_birth_date(century: str | None, yymmdd: str) -> bool:
    year, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    if day > 60:  # a coordination number
        day -= 60
    # Without the century any year is possible; 2000 is a leap year, so 29 February
    # passes for every two-digit year divisible by four.
    full_year = int(century) * 100 + year if century else 2000 + year
    if century and int(century) not in (18, 19, 20):
        return False
    try:
        datetime.date(full_year, month, day)
    except ValueError:
        return False
    return True


def find_personal_numbers(text: str) -> list[str]:
    """Every Swedish personal identity or coordination number in `text`, as written there."""
    if not text:
        return []
    found = []
    for match in _CANDIDATE.finditer(str(text)):
        century, date, serial = match["century"], match["date"], match["serial"]
        if not _is_valid_birth_date(century, date):
            continue
        if not luhn_is_valid(date + serial):
            continue
        found.append(match.group(0))
    return found


def contains_personal_number(text: str) -> bool:
    return bool(find_personal_numbers(text))


PERSONAL_NUMBER_MESSAGE = _(
    "Fältet ”%(field)s” innehåller något som ser ut som ett personnummer eller "
    "samordningsnummer (%(found)s). Portalen får aldrig innehålla personuppgifter om barn "
    "eller klienter. Ta bort numret och skicka igen – resten av det du skrev finns kvar."
)


def validate_no_personal_numbers(value, field_label=""):
    found = find_personal_numbers(value)
    if found:
        raise ValidationError(
            PERSONAL_NUMBER_MESSAGE,
            code="personal_number",
            params={"field": field_label or _("texten"), "found": ", ".join(found)},
        )


class PrivacyGuardMixin:
    """Checks every text field of a form for personal identity numbers.

    Mix it into every form that takes text from people, before forms.Form or ModelForm
    (Wagtail's admin forms included, through `PrivacyGuardedPageForm` and friends). Each
    offending field gets its own error naming the field; everything else the person
    typed is shown again as it was.
    """

    privacy_guard = True
    _not_free_text = (forms.EmailField, forms.URLField, forms.SlugField)

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            text = self._free_text(name, field)
            if not text:
                continue
            try:
                validate_no_personal_numbers(text, field.label or name)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned_data

    def _free_text(self, name, field):
        if isinstance(field, self._not_free_text) or isinstance(field.widget, forms.PasswordInput):
            return None
        if isinstance(field, forms.CharField):
            # What the person typed, before any cleaning that might hide it.
            return self.data.get(self.add_prefix(name)) if self.is_bound else None
        value = self.cleaned_data.get(name)
        if hasattr(value, "get_prep_value"):  # StreamField content
            return json.dumps(value.get_prep_value(), ensure_ascii=False)
        return None
