"""CSV exports that a spreadsheet program cannot turn into formulas.

Excel, LibreOffice and Numbers run a cell that begins with `=`, `+`, `-` or `@` (or a tab
or carriage return before one) as a formula, so a person who names themselves
`=HYPERLINK(...)` could make an editor's export call out or run commands. Every CSV the
portal writes goes through `csv_safe`: text that begins with one of those characters gets a
leading single quote, as OWASP recommends ("CSV Injection"). Numbers the code itself writes
(a count, a place in the queue) are not text and stay numbers.
"""

import csv

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The value to write in a CSV cell: text that a spreadsheet would read as a formula
    gets a leading single quote; everything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeCsvWriter:
    """`csv.writer` whose every cell goes through `csv_safe`."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([csv_safe(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def neutralise_wagtail_csv_exports():
    """Wagtail's own CSV exports (the reports, such as the site history, and listing
    exports) write titles and names as they are. Route their cells through `csv_safe`
    too. Their XLSX exports already store formula-like text as text."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return csv_safe(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
