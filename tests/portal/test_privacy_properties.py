"""Property-based tests of the privacy guard: any valid personal identity or coordination
number is caught however it is separated and whatever surrounds it; a number whose check
digit is wrong never is."""

import datetime
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.privacy import find_personal_numbers, luhn_is_valid

# Everything people put between the date and the last four digits.
SEPARATORS = [
    "",
    "-",
    "+",
    " ",
    "\u2010",  # hyphen
    "\u2011",  # non-breaking hyphen
    "\u2012",  # figure dash
    "\u2013",  # en dash
    "\u2014",  # em dash
    "\u2015",  # horizontal bar
    "\u2212",  # minus sign
    "\ufe63",  # small hyphen-minus
    "\uff0d",  # full-width hyphen-minus
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space
    "\u2009",  # thin space
    "\u2002",  # en space
    "\u3000",  # ideographic space
    "\u200b-",  # zero-width space, then a hyphen
    "-\u00ad",  # hyphen, then a soft hyphen
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark
]


def _has_no_digit(char):
    return not any(c.isdigit() for c in unicodedata.normalize("NFKC", char))


# Letters, punctuation and spaces around the number: no digits (a digit next to the
# number makes it part of a longer number, which is rightly not reported).
surrounding = st.text(
    alphabet=st.characters(categories=("L", "P", "Zs"), exclude_characters="").filter(
        _has_no_digit
    ),
    max_size=20,
)


def check_digit(nine_digits):
    return next(str(d) for d in range(10) if luhn_is_valid(nine_digits + str(d)))


@st.composite
def personal_numbers(draw, valid=True):
    born = draw(
        st.dates(min_value=datetime.date(1890, 1, 1), max_value=datetime.date(2025, 12, 31))
    )
    day = born.day + (60 if draw(st.booleans()) else 0)  # coordination number
    date = f"{born:%y%m}{day:02d}"
    serial = f"{draw(st.integers(0, 999)):03d}"
    right = check_digit(date + serial)
    digit = right if valid else draw(st.sampled_from([d for d in "0123456789" if d != right]))
    century = f"{born.year // 100}" if draw(st.booleans()) else ""
    separator = draw(st.sampled_from(SEPARATORS))
    return f"{century}{date}{separator}{serial}{digit}"


@settings(max_examples=300, deadline=None)
@given(number=personal_numbers(), before=surrounding, after=surrounding)
def test_every_valid_number_is_found_whatever_the_separator_and_surrounding_text(
    number, before, after
):
    assert find_personal_numbers(before + number + after) == [number]


@settings(max_examples=300, deadline=None)
@given(number=personal_numbers(valid=False), before=surrounding, after=surrounding)
def test_a_number_with_a_wrong_check_digit_is_never_found(number, before, after):
    assert find_personal_numbers(before + number + after) == []
