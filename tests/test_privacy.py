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
