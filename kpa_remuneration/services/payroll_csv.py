# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The files of the payroll hand-off (no Odoo here).

Both files are CSV, UTF-8, ";" between columns, French headers on the
first line, amounts with a decimal comma or point ("1 234,56" or "1234.56").

Export (to the payroll provider): EXPORT_HEADERS.
Import (from the payroll provider), one line per exported line, in any
order, other columns ignored: IMPORT_HEADERS; "reference" is the exported
line's reference, each amount in euros, zero or more.
"""
import csv
import io

EXPORT_HEADERS = (
    "reference", "nom", "kpa", "contrat", "semaines", "heures",
    "net_demande", "brut_estime", "charges_patronales_estimees")
# header: the line's field it fills
IMPORT_COLUMNS = (
    ("brut", "real_gross"),
    ("charges_patronales", "real_employer"),
    ("net_paye", "real_net_paid"),
    ("net_social", "real_net_social"),
    ("prelevement_source", "real_withholding"),
)
IMPORT_HEADERS = ("reference", "nom") + tuple(
    header for header, _field in IMPORT_COLUMNS)
DELIMITER = ";"


def french_number(value):
    """1234.5 -> "1234,50" (what a French spreadsheet reads as a number)."""
    return ("%.2f" % value).replace(".", ",")


def write_csv(rows):
    """The export file (bytes, UTF-8 with a BOM for spreadsheets) of
    ``rows``: tuples in the order of EXPORT_HEADERS."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADERS)
    for row in rows:
        writer.writerow([french_number(value) if isinstance(value, float)
                         else value for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read_csv(data):
    """(headers, [(line number, {header: text})]) of an uploaded file;
    raises UnicodeDecodeError when it is not UTF-8 (nor Latin-1 text) and
    csv.Error when it is no CSV. Headers come lower-cased and stripped;
    empty lines are skipped."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    if "\x00" in text:
        raise csv.Error("binary file")
    sample = text.split("\n", 1)[0]
    delimiter = DELIMITER if sample.count(DELIMITER) >= sample.count(",") \
        else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    headers = None
    rows = []
    for number, cells in enumerate(reader, start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if headers is None:
            headers = [cell.strip().lower() for cell in cells]
            continue
        rows.append((number, {
            header: (cells[index].strip() if index < len(cells) else "")
            for index, header in enumerate(headers)}))
    return headers or [], rows
