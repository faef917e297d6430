# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import KpaInvoiceCase


class TestCashedRevenue(KpaInvoiceCase):

    def _cashed(self, kpa):
        rows = self.env["kpa.cashed.report"].search([
            ("kpa_id", "=", kpa.id), ("kind", "=", "revenue")])
        return round(sum(rows.mapped("amount_cashed")), 2)

    def test_a_paid_invoice_counts_its_untaxed_amount(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        self.assertEqual(self._cashed(self.kpa_a), 0.0)
        self._pay(invoice)
        self.assertEqual(invoice.state, "paid")
        self.assertEqual(self._cashed(self.kpa_a), 1000.0)
        self.assertEqual(self._cashed(self.kpa_b), 0.0)

    def test_a_partial_payment_counts_its_untaxed_share(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        self._pay(invoice, amount=600.0)
        self.assertEqual(self._cashed(self.kpa_a), 500.0)

    def test_a_refund_set_against_the_invoice_moves_no_money(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        self._pay(invoice, amount=600.0)
        refund = invoice.refund(description="Annulation partielle")
        self.assertEqual(refund.kpa_id, self.kpa_a)
        refund.action_invoice_open()
        self.assertEqual(self._cashed(self.kpa_a), 500.0)

    def test_a_refund_paid_back_counts_negative(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        self._pay(invoice)
        refund = invoice.refund(description="Remboursement")
        refund.action_invoice_open()
        self._pay(refund, amount=240.0)
        self.assertEqual(self._cashed(self.kpa_a), 800.0)

    def test_kanban_figures(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        self.assertEqual(self.kpa_b.open_task_count, 1)
        self.assertEqual(self.kpa_a.open_task_count, 0)

    def test_a_paid_vendor_bill_is_an_expense(self):
        self._paid_bill(80)
        rows = self.env["kpa.cashed.report"].search([
            ("kpa_id", "=", self.kpa_a.id), ("kind", "=", "expense")])
        self.assertEqual(sum(rows.mapped("amount_cashed")), 80.0)
        self.assertEqual(self._cashed(self.kpa_a), 0.0)
