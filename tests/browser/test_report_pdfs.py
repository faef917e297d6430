"""Every PDF report of the demo, looked at as a picture: printed by the demo
user who prints it, through the real server (wkhtmltopdf fetches the report
stylesheet from it over HTTP), turned into an image by pdftoppm at 50 dpi.

An unstyled PDF (the report stylesheet failed to compile, as when Odoo's
``website`` files were missing) puts every block under the previous one at
the left margin and draws no table rule: the checks below see that.
tests/test_report_rendering.py checks the stylesheet itself.
scripts/report_pictures.py prints the same documents (DOCUMENTS) for
docs/screenshots/.
"""
import os
import subprocess
import sys

import pytest
from PIL import Image

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import report_pictures  # noqa: E402

DPI = 50
INK = 160        # darker than this: text, logo, a black rule
NOT_PAPER = 246  # lighter than this is paper; a grey table rule is below

# What a French reader must find in each document (its text layer).
FRENCH = {
    "invoice": ["Facture", "Description", "Quantité", "Montant",
                "Date de la prestation", "Votre référence", "SIREN",
                "nom commercial d'Optéos", "SCOP SA à capital variable",
                "TVA à l'encaissement 10%"],
    "invoice-reverse-charge": ["Facture", "Autoliquidation", "283-2",
                               "BE0477472701"],
    "quote": ["Devis", "Bon pour accord", "nom commercial d'Optéos",
              "Votre référence"],
    "cape-agreement": ["Contrat d'appui au projet d'entreprise",
                       "Entre les soussignés", "Signature pour la CAE"],
    "cape-amendment": ["Avenant 1", "Renouvellement",
                       "Signature du ou de la bénéficiaire"],
    "cape-activity": ["Rapport d'activité CAPE", "Personnes en CAPE",
                      "Situations à la sortie"],
    "statement": ["Relevé de rémunération", "Semaine", "Charges patronales",
                  "Total"],
}
# Documents made of tables: the rows are ruled.
TABLES = ("invoice", "invoice-reverse-charge", "quote", "cape-activity",
          "statement")
# Documents signed: boxes to sign in.
SIGNED = ("cape-agreement", "cape-amendment")


@pytest.fixture(scope="module")
def demo(odoo_url):
    demo = report_pictures.Demo(odoo_url, os.environ["KPA_TEST_DB"])
    with report_pictures.ReportUrl(demo):
        yield demo


def text_lines(image, top, bottom):
    """(first row, last row) of each text line between ``top`` and
    ``bottom``: runs of rows holding ink."""
    pixels = image.load()
    width = image.size[0]
    lines, start = [], None
    for y in range(top, bottom):
        inked = any(pixels[x, y] < INK for x in range(width))
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            lines.append((start, y - 1))
            start = None
    if start is not None:
        lines.append((start, bottom - 1))
    return lines


def segments(image, line, gap):
    """Blocks of ink of a text line, apart by at least ``gap`` pixels of
    paper: [(x0, x1)]."""
    pixels = image.load()
    top, bottom = line
    columns = [x for x in range(image.size[0])
               if any(pixels[x, y] < INK for y in range(top, bottom + 1))]
    blocks = []
    for x in columns:
        if blocks and x - blocks[-1][1] <= gap:
            blocks[-1][1] = x
        else:
            blocks.append([x, x])
    return [tuple(block) for block in blocks]


def right_blocks(image):
    """Height (pixels) of the text lines of the top quarter of the page that
    hold a block standing apart on the right half: a right-aligned
    letterhead, an address column. Unstyled, every block starts at the
    left margin, under the previous one."""
    width, height = image.size
    total = 0
    for line in text_lines(image, 0, height // 4):
        blocks = segments(image, line, gap=int(width * 0.08))
        if any(x0 >= width * 0.55 for x0, _x1 in blocks):
            total += line[1] - line[0] + 1
    return total


def rules(image):
    """Horizontal lines (table rule, edge of a box) of at least 60 % of
    the page width: at most 2 rows thick, paper above and below (text
    rows, however dense, have text rows around them). Their rows."""
    pixels = image.load()
    width, height = image.size

    def marked(y):
        return [x for x in range(width) if pixels[x, y] < NOT_PAPER]

    def is_line(y):
        xs = marked(y)
        return len(xs) >= width * 0.6 \
            and len(xs) >= 0.9 * (xs[-1] - xs[0] + 1)

    def is_paper(y):
        return y < 0 or y >= height or len(marked(y)) < width * 0.2

    found, y = [], 0
    while y < height:
        if not is_line(y):
            y += 1
            continue
        end = y
        while end + 1 < height and is_line(end + 1):
            end += 1
        if end - y <= 1 and is_paper(y - 1) and is_paper(end + 1):
            found.append(y)
        y = end + 1
    return found


def pdf_text(pdf, tmp_path):
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    return subprocess.check_output(
        ["pdftotext", "-layout", str(source), "-"]).decode()


@pytest.mark.parametrize("name,login,path_of", report_pictures.DOCUMENTS,
                         ids=[doc[0] for doc in report_pictures.DOCUMENTS])
def test_the_pdf_looks_as_designed(demo, tmp_path, name, login, path_of):
    pdf = report_pictures.fetch_pdf(demo, login, path_of(demo))
    pages = [Image.open(path).convert("L") for path in
             report_pictures.pdf_to_png(pdf, str(tmp_path / name), DPI,
                                        first_page_only=False)]
    first = pages[0]
    # Portrait A4 at 50 dpi.
    assert first.size[1] > first.size[0] > 350
    # The letterhead in the top part, its columns apart (not stacked).
    assert right_blocks(first) >= 10, (
        "%s: nothing laid out on the right of the letterhead: "
        "the report stylesheet is missing" % name)
    ruled = sum(len(rules(page)) for page in pages)
    if name in TABLES:
        assert ruled >= 3, "%s: table rows are not ruled (%d)" % (name, ruled)
    if name in SIGNED:
        # top and bottom edges of the signature boxes, side by side
        assert ruled >= 2, "%s: no box to sign in (%d)" % (name, ruled)
    text = pdf_text(pdf, tmp_path)
    for words in FRENCH[name]:
        assert words in text, "%s: %r not in the PDF" % (name, words)
