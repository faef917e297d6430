# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Factur-X XML of an invoice, from plain data: no database."""
import copy
import datetime
import unittest

from lxml import etree

from ..services import facturx

RAM = "{%s}" % facturx.NS["ram"]


def sample():
    return {
        "number": "CAPE/2026/0004", "type": "invoice",
        "date": datetime.date(2026, 12, 27),
        "due_date": datetime.date(2027, 1, 26), "currency": "EUR",
        "buyer_reference": "BC-2026-118", "order_reference": None,
        "service_date": datetime.date(2026, 12, 27),
        "notes": ["Pénalités de retard : trois fois le taux d'intérêt "
                  "légal. Indemnité forfaitaire de recouvrement : 40 €."],
        "seller": {"name": "Optéos", "trading_name": "La Cape",
                   "siren": "123456782", "vat": "FR32123456782",
                   "street": "1 rue de la Coopération", "zip": "59100",
                   "city": "Roubaix", "country": "FR"},
        "buyer": {"name": "Centre social de l'Épeule", "siren": "732829320",
                  "vat": None, "street": "3 rue de l'Épeule",
                  "zip": "59100", "city": "Roubaix", "country": "FR",
                  "is_company": True},
        "payment": {"iban": "FR7630006000011234567890189",
                    "bic": "AGRIFRPP", "terms": "30 jours"},
        "lines": [
            {"name": "Repas complet servi sur place", "quantity": 80,
             "price": 12.5, "subtotal": 1000.0, "category": "S",
             "rate": 10.0},
            {"name": "Animation", "quantity": 1, "price": 300.0,
             "subtotal": 300.0, "category": "S", "rate": 20.0},
            {"name": "Acompte déduit", "quantity": -1, "price": 300.0,
             "subtotal": -300.0, "category": "S", "rate": 10.0},
        ],
        "taxes": [
            {"category": "S", "rate": 10.0, "base": 700.0, "amount": 70.0,
             "due_code": facturx.DUE_ON_PAYMENT},
            {"category": "S", "rate": 20.0, "base": 300.0, "amount": 60.0,
             "due_code": facturx.DUE_ON_PAYMENT},
        ],
        "totals": {"lines": 1000.0, "tax_basis": 1000.0, "tax": 130.0,
                   "grand": 1130.0, "prepaid": 0.0, "due": 1130.0},
    }


class TestFacturxXml(unittest.TestCase):

    def test_a_full_invoice_passes_the_xsd(self):
        xml = facturx.invoice_xml(sample())
        facturx.check_xsd(xml)
        tree = etree.fromstring(xml)
        self.assertEqual(tree.findtext(".//%sTypeCode" % RAM), "380")
        self.assertEqual(tree.findtext(".//%sTradingBusinessName" % RAM),
                         "La Cape")
        self.assertEqual(tree.findtext(".//%sGrandTotalAmount" % RAM),
                         "1130.00")
        self.assertEqual(
            [node.text for node in tree.iter(RAM + "DueDateTypeCode")],
            ["72", "72"])
        self.assertEqual(tree.findtext(".//%sBilledQuantity" % RAM), "80")

    def test_a_reverse_charge_credit_note_passes_the_xsd(self):
        data = sample()
        data.update(type="refund", buyer_reference=None)
        data["buyer"].update(country="BE", vat="BE0477472701", siren=None,
                             is_company=True)
        for line in data["lines"]:
            line.update(category="AE", rate=0.0)
        data["lines"] = data["lines"][:2]
        data["taxes"] = [{"category": "AE", "rate": 0.0, "base": 1300.0,
                          "amount": 0.0}]
        data["totals"].update(lines=1300.0, tax_basis=1300.0, tax=0.0,
                              grand=1300.0, due=1300.0)
        xml = facturx.invoice_xml(data)
        facturx.check_xsd(xml)
        tree = etree.fromstring(xml)
        self.assertEqual(tree.findtext(".//%sTypeCode" % RAM), "381")
        self.assertEqual(tree.findtext(".//%sExemptionReasonCode" % RAM),
                         "VATEX-EU-AE")
        self.assertIsNone(tree.find(".//%sBuyerReference" % RAM))

    def test_a_broken_xml_is_refused_by_the_xsd(self):
        xml = facturx.invoice_xml(sample()).replace(
            b"<ram:TypeCode>380", b"<ram:Kind>380</ram:Kind><ram:TypeCode>380")
        # The library logs its refusal as an error: kept out of the test log.
        with self.assertRaises(ValueError), \
                self.assertLogs("factur-x", level="ERROR"):
            facturx.check_xsd(xml)

    def test_nothing_missing_in_a_full_invoice(self):
        self.assertEqual(facturx.missing_elements(sample()), [])

    def test_missing_elements_are_named(self):
        data = sample()
        data["buyer"].update(siren=None, country=None)
        data["seller"].update(vat=None, siren=None)
        data["lines"][1]["name"] = ""
        data["due_date"] = None
        data["payment"]["terms"] = None
        terms = [term for term, _label in facturx.missing_elements(data)]
        self.assertEqual(terms, ["BT-31", "BT-55", "BT-153", "BT-9"])
        data["buyer"].update(country="FR")
        self.assertIn("BT-47", [term for term, _label in
                                facturx.missing_elements(data)])

    def test_a_public_client_needs_its_service_code(self):
        data = sample()
        data["buyer"]["public_body"] = True
        self.assertEqual(facturx.missing_elements(data), [])
        data["buyer_reference"] = None
        self.assertEqual(facturx.missing_elements(data),
                         [("BT-10", "service code of the public client "
                           "(Chorus Pro)")])

    def test_the_sums_add_up(self):
        self.assertEqual(facturx.inconsistencies(sample()), [])
        data = sample()
        data["lines"][0]["subtotal"] = 990.0
        data["totals"]["due"] = 1000.0
        rules = [rule for rule, _expected, _found in
                 facturx.inconsistencies(data)]
        self.assertEqual(rules, ["BR-CO-10", "BR-CO-13", "BR-S-08",
                                 "BR-CO-16"])

    def test_vat_categories(self):
        self.assertEqual(facturx.vat_category(20.0), "S")
        self.assertEqual(facturx.vat_category(0, "intraeub2b", True), "AE")
        self.assertEqual(facturx.vat_category(0, "intraeub2b", False), "K")
        self.assertEqual(facturx.vat_category(0, "import_export", False),
                         "G")
        self.assertEqual(facturx.vat_category(0, "import_export", True), "O")

    def test_the_xml_rides_inside_the_pdf(self):
        pdf = blank_pdf()
        xml = facturx.invoice_xml(sample())
        facturx_pdf = facturx.embed(pdf, xml)
        self.assertEqual(facturx.xml_of(facturx_pdf), xml)
        self.assertIsNone(facturx.xml_of(pdf))

    def test_sample_is_not_shared(self):
        data = copy.deepcopy(sample())
        data["lines"] = []
        self.assertIn(("BG-25", "invoice lines"),
                      facturx.missing_elements(data))


def blank_pdf():
    """A one-page PDF, as wkhtmltopdf would give."""
    import io
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
