# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every validated KPA invoice is an e-invoice: its Factur-X XML says what
the PDF says and passes the XSD, the PDF carries it, and an invoice that
would lack a mandatory element is not issued."""
import base64

from lxml import etree

from odoo.exceptions import UserError

from ..services import facturx
from .common import KpaInvoiceCase
from .test_facturx_rules import blank_pdf

RAM = "{%s}" % facturx.NS["ram"]


class TestFacturxInvoice(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buffet = cls._buffet()

    def _issued(self, task=None):
        invoice = self._invoice(task or self.buffet)
        invoice.action_invoice_open()
        return invoice

    def _pdf(self, invoice):
        """What Odoo does with wkhtmltopdf's PDF of one invoice (under
        tests Odoo 11 renders HTML instead: the browser tests print for
        real)."""
        return self.env.ref("account.account_invoices")._post_pdf(
            {}, pdf_content=blank_pdf(), res_ids=invoice.ids)

    def _tree(self, invoice):
        xml = invoice.kpa_facturx_xml()
        facturx.check_xsd(xml)
        return etree.fromstring(xml)

    def test_the_xml_says_what_the_invoice_says(self):
        invoice = self._issued()
        tree = self._tree(invoice)
        self.assertEqual(tree.findtext(".//%sID" % RAM, namespaces=None),
                         facturx.EN16931)
        self.assertEqual(tree.find(".//{*}ExchangedDocument/{*}ID").text,
                         invoice.number)
        seller = tree.find(".//%sSellerTradeParty" % RAM)
        self.assertEqual(seller.findtext(RAM + "Name"), self.company.name)
        self.assertEqual(seller.findtext(".//%sTradingBusinessName" % RAM),
                         "KPA Alpha")
        self.assertEqual(seller.findtext(".//%sSpecifiedLegalOrganization/"
                                         "%sID" % (RAM, RAM)), "481234565")
        buyer = tree.find(".//%sBuyerTradeParty" % RAM)
        self.assertEqual(buyer.findtext(".//%sSpecifiedLegalOrganization/"
                                        "%sID" % (RAM, RAM)), "775678907")
        self.assertEqual(tree.findtext(".//%sBuyerOrderReferencedDocument/"
                                       "%sIssuerAssignedID" % (RAM, RAM)),
                         "BC-2026-117")
        taxes = {node.findtext(RAM + "RateApplicablePercent"): (
            node.findtext(RAM + "BasisAmount"),
            node.findtext(RAM + "CalculatedAmount"),
            node.findtext(RAM + "DueDateTypeCode"))
            for node in tree.find(".//%sApplicableHeaderTradeSettlement"
                                  % RAM).findall(RAM + "ApplicableTradeTax")}
        # Services: VAT due when paid (72); goods: on delivery, no code.
        self.assertEqual(taxes, {"10": ("1000.00", "100.00", "72"),
                                 "5.5": ("200.00", "11.00", None),
                                 "20": ("100.00", "20.00", "72")})
        self.assertEqual(tree.findtext(".//%sGrandTotalAmount" % RAM),
                         "%.2f" % invoice.amount_total)
        self.assertEqual(facturx.inconsistencies(
            invoice._kpa_facturx_data()), [])

    def test_the_pdf_is_the_facturx_and_so_is_its_kept_copy(self):
        invoice = self._issued()
        pdf = self._pdf(invoice)
        self.assertEqual(facturx.xml_of(pdf), invoice.kpa_facturx_xml())
        kept = self.env["ir.attachment"].search([
            ("res_model", "=", "account.invoice"),
            ("res_id", "=", invoice.id)])
        self.assertEqual(len(kept), 1)
        self.assertEqual(facturx.xml_of(base64.b64decode(kept.datas)),
                         invoice.kpa_facturx_xml())

    def test_a_draft_pdf_carries_no_xml(self):
        invoice = self._invoice(self.buffet)
        pdf = self._pdf(invoice)
        self.assertIsNone(facturx.xml_of(pdf))

    def test_a_missing_element_stops_the_invoice_and_says_which(self):
        self.client.country_id = False
        invoice = self._invoice(self.buffet)
        with self.assertRaises(UserError) as caught:
            invoice.action_invoice_open()
        self.assertIn("buyer country", caught.exception.name)
        self.assertIn(self.client.name, caught.exception.name)
        self.client.country_id = self.env.ref("base.fr")
        invoice.action_invoice_open()
        self.assertEqual(invoice.state, "open")

    def test_the_refusal_is_in_the_users_language(self):
        self.client.country_id = False
        invoice = self._invoice(self.buffet).with_context(lang="fr_FR")
        with self.assertRaises(UserError) as caught:
            invoice.action_invoice_open()
        self.assertIn("une facture électronique demande le pays du client",
                      caught.exception.name)

    def test_a_french_business_needs_its_siren(self):
        self.client.siret = False
        invoice = self._invoice(self.buffet)
        with self.assertRaises(UserError) as caught:
            invoice.action_invoice_open()
        self.assertIn("SIREN", caught.exception.name)
        self.assertEqual(invoice.state, "draft")

    def test_a_public_body_gets_chorus_fields(self):
        self.client.write({"kpa_is_public_body": True,
                           "kpa_service_code": "SERV-JEUNESSE"})
        tree = self._tree(self._issued())
        self.assertEqual(tree.findtext(".//%sBuyerReference" % RAM),
                         "SERV-JEUNESSE")
        legal = tree.find(".//%sBuyerTradeParty/%sSpecifiedLegalOrganization"
                          "/%sID" % (RAM, RAM, RAM))
        self.assertEqual((legal.text, legal.get("schemeID")),
                         ("77567890700012", facturx.SIRET_SCHEME))
        self.client.kpa_service_code = False
        with self.assertRaises(UserError) as caught:
            self._issued()
        self.assertIn("service code", caught.exception.name)

    def test_a_belgian_business_is_reverse_charged(self):
        self.buffet.partner_id = self._belgian_business()
        tree = self._tree(self._issued())
        categories = {node.text for node in tree.iter(RAM + "CategoryCode")}
        # Services reverse-charged, the baskets (goods) an intra-EU supply.
        self.assertEqual(categories, {"AE", "K"})
        self.assertEqual(
            {node.text for node in tree.iter(RAM + "ExemptionReasonCode")},
            {"VATEX-EU-AE", "VATEX-EU-IC"})

    def test_a_credit_note_is_a_381(self):
        invoice = self._issued()
        refund = invoice.refund(description="Buffet annulé")
        refund.action_invoice_open()
        tree = self._tree(refund)
        self.assertEqual(tree.find(".//{*}ExchangedDocument/{*}TypeCode")
                         .text, "381")
        self.assertEqual(tree.findtext(".//%sGrandTotalAmount" % RAM),
                         "%.2f" % refund.amount_total)
