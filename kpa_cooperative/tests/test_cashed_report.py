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
        expense = self.env["account.account"].search([
            ("code", "=like", "606%"), ("company_id", "=", self.company.id)],
            limit=1)
        bill = self.env["account.invoice"].with_context(
            type="in_invoice").create({
                "type": "in_invoice", "partner_id": self.client.id,
                "kpa_id": self.kpa_a.id,
                "invoice_line_ids": [(0, 0, {
                    "name": "Farine", "account_id": expense.id,
                    "quantity": 1, "price_unit": 80,
                    "invoice_line_tax_ids": [(6, 0, [])]})]})
        bill.action_invoice_open()
        payment = self.env["account.payment"].create({
            "payment_type": "outbound", "partner_type": "supplier",
            "partner_id": self.client.id, "amount": bill.amount_total,
            "journal_id": self.bank.id, "payment_date": "2026-03-21",
            "payment_method_id": self.env.ref(
                "account.account_payment_method_manual_out").id,
            "invoice_ids": [(6, 0, bill.ids)]})
        payment.post()
        rows = self.env["kpa.cashed.report"].search([
            ("kpa_id", "=", self.kpa_a.id), ("kind", "=", "expense")])
        self.assertEqual(sum(rows.mapped("amount_cashed")), 80.0)
        self.assertEqual(self._cashed(self.kpa_a), 0.0)
