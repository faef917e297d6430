# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pay-out of a validated week: a pain.001.001.03 file that the XSD
accepts, with the right amounts and IBANs; 421 paid off; the member told
where the money went; a member without IBAN listed."""
import base64
import os

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.modules.module import get_module_path

from .common import IBAN_A, IBAN_CAE, PayoutCase
from odoo.addons.kpa_remuneration.tests.common import SUNDAY

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


class TestPayoutSepa(PayoutCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._cash_a()
        cls.first = cls.env["kpa.remuneration.declaration"].create({
            "period_id": cls.week_a.id, "partner_id": cls.partner_a.id,
            "amount_net": 390})
        cls.second = cls.env["kpa.remuneration.declaration"].create({
            "period_id": cls.week_a.id, "partner_id": cls.partner_a2.id,
            "amount_net": 100})
        cls.week_a.sudo(cls.coordinator_a).action_validate()

    def _wizard(self, user=None):
        return self.env["kpa.payout.wizard"].sudo(
            user or self.accountant).create({
                "date_from": self.week_a.date_start, "date_to": SUNDAY,
                "journal_id": self.bank.id})

    def _order(self):
        action = self._wizard().action_create_order()
        return self.env["account.payment.order"].sudo(
            self.accountant).browse(action["res_id"])

    def _net_lines(self, partner):
        return self.week_a.move_id.line_ids.filtered(
            lambda l: l.account_id.code.startswith("421")
            and l.partner_id == partner)

    def test_sepa_file_valid_amounts_and_ibans(self):
        order = self._order()
        # A2 gave no IBAN: listed on the order, not paid, not dropped.
        self.assertIn(self.partner_a2.name, order.kpa_missing_bank)
        self.assertIn("100,00", order.kpa_missing_bank)
        self.assertEqual(order.payment_line_ids.mapped("partner_id"),
                         self.partner_a)
        order.draft2open()
        action = order.open2generated()
        attachment = self.env["ir.attachment"].browse(action["res_id"])
        xml = base64.b64decode(attachment.datas)
        xsd_path = os.path.join(
            get_module_path("account_banking_sepa_credit_transfer"),
            "data", "pain.001.001.03.xsd")
        schema = etree.XMLSchema(etree.parse(xsd_path))
        root = etree.fromstring(xml)
        schema.assertValid(root)
        self.assertEqual(root.xpath("//p:GrpHdr/p:CtrlSum/text()",
                                    namespaces=NS), ["390.00"])
        self.assertEqual(root.xpath("//p:GrpHdr/p:NbOfTxs/text()",
                                    namespaces=NS), ["1"])
        self.assertEqual(root.xpath("//p:DbtrAcct/p:Id/p:IBAN/text()",
                                    namespaces=NS), [IBAN_CAE])
        transfers = root.xpath("//p:CdtTrfTxInf", namespaces=NS)
        self.assertEqual(len(transfers), 1)
        self.assertEqual(transfers[0].xpath(
            "p:CdtrAcct/p:Id/p:IBAN/text()", namespaces=NS), [IBAN_A])
        self.assertEqual(transfers[0].xpath(
            "p:Amt/p:InstdAmt/text()", namespaces=NS), ["390.00"])
        self.assertEqual(transfers[0].xpath(
            "p:Cdtr/p:Nm/text()", namespaces=NS), ["Titulaire Alpha"])
        self.assertFalse(self.first.kpa_paid_date)

        order.generated2uploaded()
        self.assertEqual(order.state, "uploaded")
        net = self._net_lines(self.partner_a)
        self.assertTrue(net.reconciled)
        self.assertEqual(net.amount_residual, 0)
        self.assertFalse(self._net_lines(self.partner_a2).reconciled)
        self.first.invalidate_cache()
        self.assertEqual(self.first.kpa_paid_date, order.date_uploaded)
        self.assertEqual(self.first.kpa_paid_account, "\u20260189")
        self.assertFalse(self.second.kpa_paid_date)
        # The member reads it too (computed as superuser, own record).
        mine = self.first.sudo(self.member_user_a)
        self.assertEqual(mine.kpa_paid_account, "\u20260189")

        # Paid lines are not offered again; A2 still without IBAN: nothing
        # to transfer, and the message names her.
        with self.assertRaises(UserError) as caught:
            self._wizard().action_create_order()
        self.assertIn(self.partner_a2.name, caught.exception.name)

    def test_statement_says_paid(self):
        order = self._order()
        order.draft2open()
        order.open2generated()
        order.generated2uploaded()
        report = self.env.ref(
            "kpa_remuneration.kpa_remuneration_statement_report")
        html = report.render_qweb_html(
            [self.partner_a.id], data={"month": SUNDAY[:7]})[0].decode()
        self.assertIn("\u20260189", html)

    def test_nothing_owed(self):
        wizard = self._wizard()
        wizard.date_from = "2025-01-01"
        wizard.date_to = "2025-01-31"
        with self.assertRaises(UserError):
            wizard.action_create_order()

    def test_coordinator_cannot_pay_out(self):
        with self.assertRaises(AccessError):
            self._wizard(self.coordinator_a)
        with self.assertRaises(AccessError):
            self.env["account.payment.order"].sudo(
                self.coordinator_a).search([])
