"""The privacy guard catches Swedish personal identity and coordination numbers, and only them.

The valid numbers below were generated with a Luhn implementation separate from the one in
portal.privacy; none belongs to a real person except Skatteverket's test person 121212-1212.
"""

import pytest
from django import forms

from portal.privacy import PrivacyGuardMixin, find_personal_numbers

MUST_BE_CAUGHT = [
    # (text, what must be reported)
    ("121212-1212", ["121212-1212"]),
    ("19121212-1212", ["19121212-1212"]),
    ("191212121212", ["191212121212"]),
    ("1212121212", ["1212121212"]),
    ("121212+1212", ["121212+1212"]),
    ("121212 1212", ["121212 1212"]),
    ("900101-9703", ["900101-9703"]),
    ("8506151540", ["8506151540"]),
    ("070423 4046", ["070423 4046"]),
    ("20070423-4046", ["20070423-4046"]),
    ("100228-6662", ["100228-6662"]),
    ("040229-0498", ["040229-0498"]),  # leap day
    ("20040229-0498", ["20040229-0498"]),
    ("991231+0746", ["991231+0746"]),
    ("19991231-0746", ["19991231-0746"]),
    ("0110018405", ["0110018405"]),
    ("150505-5481", ["150505-5481"]),
    ("2003100969", ["2003100969"]),
    ("750101-3747", ["750101-3747"]),
    ("196606065966", ["196606065966"]),
    ("090909-0599", ["090909-0599"]),
    ("130731 9317", ["130731 9317"]),
    ("030317-5194", ["030317-5194"]),
    ("120272-2193", ["120272-2193"]),  # coordination number, day 12 + 60
    ("900161-0386", ["900161-0386"]),
    ("19900161-0386", ["19900161-0386"]),
    ("0704830884", ["0704830884"]),
    ("150591-4448", ["150591-4448"]),  # coordination number, day 31 + 60
    ("200369 4284", ["200369 4284"]),
    ("000229-1235", ["000229-1235"]),  # 2000 was a leap year
    ("Pojken (070423-4046) behöver stöd.", ["070423-4046"]),
    ("Se 1212121212.", ["1212121212"]),
    ("Två barn: 121212-1212 och 900101-9703", ["121212-1212", "900101-9703"]),
    ("Rad ett\n040229-0498\nrad tre", ["040229-0498"]),
    ("pnr:121212-1212", ["121212-1212"]),
]

MUST_PASS = [
    "070-123 45 67",  # mobile phone number
    "08-123 456 78",
    "+46 70 123 45 67",
    "0046 70 123 45 67",
    "031-12 34 56",
    "Ring 0771-567 567",
    "0701234567",  # a phone number whose last digit is not a Luhn check digit
    "2024-05-12",  # dates
    "20240512",
    "12/05/2024",
    "121212",
    "12121212",
    "121212-1213",  # wrong check digit
    "19121212-1213",
    "1212121213",
    "900101-9704",
    "991332-1239",  # month 13
    "990230-1234",  # 30 February
    "990100-1231",  # day 0
    "990192-1230",  # coordination day 92 (day 32)
    "010229-1234",  # 29 February in a year that is not a leap year
    "19000229-1235",  # 1900 was not a leap year
    "16121212-1212",  # no one alive was born in the 1600s
    "212000-1231",  # organisation numbers have month 20 or more
    "556016-1233",
    "1234567890123",  # order numbers and long identifiers
    "12345678901234567890",
    "ORD-2024-0001234",
    "3 944 000 kr",  # amounts
    "243 501 000",
    "753 20 Uppsala",  # postal code
    "10:30-12:00",
    "Dnr 109444/2023",
    "S2023/02342",
    "ISBN 978-91-7555-123-4",
    "Ärende 2025-00123",
    "IBAN SE45 5000 0000 0583 9825 7466",
    "",
]


@pytest.mark.parametrize(("text", "expected"), MUST_BE_CAUGHT)
def test_personal_numbers_are_caught(text, expected):
    assert find_personal_numbers(text) == expected


@pytest.mark.parametrize("text", MUST_PASS)
def test_look_alikes_pass(text):
    assert find_personal_numbers(text) == []


def test_there_are_at_least_thirty_cases_of_each_kind():
    assert len(MUST_BE_CAUGHT) >= 30
    assert len([text for text in MUST_PASS if text]) >= 30


class ExampleForm(PrivacyGuardMixin, forms.Form):
    title = forms.CharField(label="Rubrik")
    story = forms.CharField(label="Vad som hände", widget=forms.Textarea)
    email = forms.EmailField(label="E-post", required=False)


def test_form_names_the_field_and_keeps_what_was_typed():
    data = {
        "title": "Samverkan kring skolan",
        "story": "Vi träffade flickan, 070423-4046, och hennes skola.",
        "email": "kontakt@example.se",
    }
    form = ExampleForm(data)
    assert not form.is_valid()
    assert list(form.errors) == ["story"]
    message = form.errors["story"][0]
    assert "”Vad som hände”" in message
    assert "070423-4046" in message
    assert "personnummer" in message
    # Nothing is lost: the bound fields still carry what the person typed.
    assert form["title"].value() == "Samverkan kring skolan"
    assert form["story"].value() == data["story"]
    assert form["email"].value() == "kontakt@example.se"


def test_every_offending_field_gets_its_own_error():
    form = ExampleForm({"title": "Om 121212-1212", "story": "och 900101-9703"})
    assert not form.is_valid()
    assert set(form.errors) == {"title", "story"}


def test_a_clean_form_is_valid():
    form = ExampleForm({"title": "Samverkan", "story": "Ring 070-123 45 67 om mötet."})
    assert form.is_valid(), form.errors


# Issue 11: numbers written with other dashes and spaces, hidden characters, or right
# after punctuation slipped through. The number is reported as the person wrote it.
WRITTEN_OTHERWISE = [
    ("121212\u20131212", "en dash"),
    ("121212\u20141212", "em dash"),
    ("121212\u22121212", "minus sign"),
    ("121212\u20111212", "non-breaking hyphen"),
    ("121212\u20101212", "hyphen"),
    ("121212\u00a01212", "no-break space"),
    ("121212\u202f1212", "narrow no-break space"),
    ("121212\u20091212", "thin space"),
    ("19121212\u20131212", "en dash, with century"),
    ("12\u200b1212-1212", "zero-width space inside"),
    ("121212\u200d-1212", "zero-width joiner"),
    ("12\u20601212\u20601212", "word joiners"),
    ("1212\ufeff12-1212", "byte order mark inside"),
    ("121212\u00ad-1212", "soft hyphen"),
    ("\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12", "full-width digits"),
]


@pytest.mark.parametrize(
    ("number", "how"), WRITTEN_OTHERWISE, ids=[how for _, how in WRITTEN_OTHERWISE]
)
def test_privacy_guard_catches_numbers_written_with_other_dashes_spaces_and_hidden_characters(
    number, how
):
    assert find_personal_numbers(f"Barnet har nummer {number} i journalen.") == [number]


AFTER_PUNCTUATION = [
    ("Pnr.121212-1212", "121212-1212"),
    ("nr,121212-1212", "121212-1212"),
    ("pnr.19121212-1212", "19121212-1212"),
    ("(nr.1212121212)", "1212121212"),
    ("Pnr.121212\u20131212", "121212\u20131212"),
    ("se;121212-1212", "121212-1212"),
    ("nr:-121212-1212", "121212-1212"),
]


@pytest.mark.parametrize(("text", "number"), AFTER_PUNCTUATION)
def test_privacy_guard_catches_numbers_right_after_punctuation(text, number):
    assert find_personal_numbers(text) == [number]


NOT_PERSONAL_NUMBERS = [
    # dates and date ranges
    "2024-01-15",
    "20240115",
    "2024-01-01\u20132024-12-31",
    "2024-01-01 \u2013 2024-12-31",
    "20240101-20241231",
    "20240101\u201420241231",
    "240101-241231",
    "240101\u2013241231",
    "Från 2024-01-01 till 2024-12-31.",
    # times
    "12:00-13:00",
    "12:00\u201313:00",
    "kl. 9.00\u201316.30",
    # phone numbers
    "070-123 45 67",
    "070\u2011123\u00a045\u00a067",
    "08-123 456 78",
    "08\u2013123\u00a0456\u00a078",
    "+46 70 123 45 67",
    "+46\u00a070\u00a0123\u00a045\u00a067",
    # decimals and version numbers
    "3.14159265",
    "3,14159265",
    "0.1212121212",
    "1,1212121212",
    "1,5",
    "1.2.3",
    "2.7.5",
    "version 10.1212121212",
    # case numbers
    "Dnr 2024-1234",
    "Dnr\u00a02024\u20131234",
    "SoS 3.1-12345/2024",
    # money
    "12 500 000 kr",
    "12\u00a0500\u00a0000 kr",
    "12\u202f500\u202f000\u00a0kr",
    # organisation numbers (month 20 or more)
    "202100-5489",
    "202100\u20135489",
    "Org.nr 202100-5489",
]


@pytest.mark.parametrize("text", NOT_PERSONAL_NUMBERS)
def test_privacy_guard_leaves_dates_times_phone_numbers_decimals_and_case_numbers_alone(text):
    assert find_personal_numbers(text) == []


def test_form_error_names_the_field_and_shows_the_number_as_written():
    form = ExampleForm({"title": "Samverkan", "story": "Pnr.121212\u20131212 gick hem."})
    assert not form.is_valid()
    message = form.errors["story"][0]
    assert "”Vad som hände”" in message
    assert "121212\u20131212" in message
