"""The privacy guard: keep Swedish personal identity numbers out of everything people type.

The portal must never hold personal data about children or clients. Every free-text field
of every form goes through this module, normally by way of `PrivacyGuardMixin`.

A personal identity number (personnummer) is a date of birth and four digits, the last a
Luhn check digit computed over the ten-digit form: YYMMDD-NNNC, or with the century,
YYYYMMDD-NNNC. A coordination number (samordningsnummer) is the same with 60 added to
the day. The separator is "-", "+" (people aged 100 or more), a space, or nothing.

Text is normalised before it is searched, so that the way a number was typed or pasted
does not hide it: Unicode NFKC (full-width digits become digits), every dash and minus
sign becomes "-", every space character (no-break, narrow, thin ...) becomes " ", and
invisible format characters (zero-width space and joiners, word joiner, byte order mark,
soft hyphen) are dropped. What is reported is the number as the person wrote it.
"""

import datetime
import functools
import json
import re
import unicodedata

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.rich_text import RichTextMaxLengthValidator

# Ten or twelve digits with an optional separator before the last four, not part of a
# longer run of digits nor the decimals of a number ("3.1212121212"). Punctuation before
# the number is fine: "Pnr.121212-1212", "nr,121212-1212".
_CANDIDATE = re.compile(
    r"(?<!\d)(?<!\d[.,])"
    r"(?P<century>\d{2})?(?P<date>\d{6})(?P<separator>[-+ ]?)(?P<serial>\d{4})"
    r"(?!\d)"
)

_MINUS_SIGNS = {"\u2212", "\u207b", "\u208b", "\ufe63", "\uff0d"}


@functools.lru_cache(maxsize=4096)
def _normalise_character(char: str) -> str:
    """What one character counts as when looking for numbers."""
    category = unicodedata.category(char)
    if category == "Cf":  # zero-width space/joiners, word joiner, BOM, soft hyphen, ...
        return ""
    if category == "Pd" or char in _MINUS_SIGNS:
        return "-"
    if category == "Zs":
        return " "
    normalised = unicodedata.normalize("NFKC", char)
    if len(normalised) == 1 and (
        unicodedata.category(normalised) == "Pd" or normalised in _MINUS_SIGNS
    ):
        return "-"
    return normalised


def normalise(text: str) -> tuple[str, list[int]]:
    """The text as the guard reads it, and for each of its characters where it was written.

    Normalised character by character, so that every character of the result points back
    into `text` and a match can be reported as the person wrote it.
    """
    if text.isascii():
        return text, list(range(len(text)))
    pieces, origins = [], []
    for index, char in enumerate(text):
        normalised = _normalise_character(char)
        pieces.append(normalised)
        origins.extend([index] * len(normalised))
    return "".join(pieces), origins


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
    text = str(text)
    normalised, origins = normalise(text)
    found = []
    for match in _CANDIDATE.finditer(normalised):
        century, date, serial = match["century"], match["date"], match["serial"]
        if not _is_valid_birth_date(century, date):
            continue
        if not luhn_is_valid(date + serial):
            continue
        start, end = origins[match.start()], origins[match.end() - 1] + 1
        found.append(text[start:end])
    return found


def contains_personal_number(text: str) -> bool:
    return bool(find_personal_numbers(text))


# Free text without a length of its own gets one of these (a model field's max_length wins).
SHORT_TEXT_MAX_LENGTH = 255  # one-line inputs
LONG_TEXT_MAX_LENGTH = 10_000  # text areas, rich text (counted without markup), hidden inputs

TOO_LONG_MESSAGE = _(
    "Texten är för lång: den får ha högst %(limit_value)d tecken men har %(show_value)d. "
    "Korta den och skicka igen – resten av det du skrev finns kvar."
)

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
    """Checks every text field of a form for personal identity numbers, and limits its length.

    Mix it into every form that takes text from people, before forms.Form or ModelForm
    (Wagtail's admin forms included, through `PrivacyGuardedPageForm` and friends). Each
    offending field gets its own error naming the field; everything else the person
    typed is shown again as it was. A text field without a maximum length gets one
    (`SHORT_TEXT_MAX_LENGTH` or `LONG_TEXT_MAX_LENGTH`), so no text is unbounded.
    """

    privacy_guard = True
    _not_free_text = (forms.EmailField, forms.URLField, forms.SlugField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            self._limit_length(name, field)

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

    def _limit_length(self, name, field):
        if not isinstance(field, forms.CharField) or field.max_length is not None:
            return
        if isinstance(field.widget, forms.PasswordInput):
            return
        model_field = self._model_field(name)
        limit = getattr(model_field, "max_length", None)
        if limit is None:
            widget = field.widget
            is_one_line = isinstance(widget, forms.widgets.Input) and not isinstance(
                widget, forms.HiddenInput
            )
            limit = SHORT_TEXT_MAX_LENGTH if is_one_line else LONG_TEXT_MAX_LENGTH
        validator = (
            RichTextMaxLengthValidator  # counts what the reader sees, not the markup
            if isinstance(model_field, RichTextField)
            else MaxLengthValidator
        )
        field.max_length = limit
        field.validators.append(validator(limit, message=TOO_LONG_MESSAGE))

    def _model_field(self, name):
        model = getattr(getattr(self, "_meta", None), "model", None)
        if model is None:
            return None
        try:
            return model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
