# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import KpaInvoiceCase


class TestPrestationInvoicing(KpaInvoiceCase):

    def test_kpa_project_has_the_prestation_board(self):
        steps = self.kpa_a.project_id.type_ids.mapped("kpa_stage")
        self.assertEqual(steps, ["todo", "progress", "done", "invoiced"])
        self.assertEqual(self.task_a.kpa_id, self.kpa_a)
        self.assertEqual(self.task_a.stage_id.kpa_stage, "todo")

    def test_invoice_in_the_kpa_journal_with_its_analytic_account(self):
        invoice = self._invoice(self.task_a)
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.type, "out_invoice")
        self.assertEqual(invoice.kpa_id, self.kpa_a)
        self.assertEqual(invoice.kpa_task_id, self.task_a)
        self.assertEqual(invoice.journal_id, self.kpa_a.journal_id)
        self.assertEqual(invoice.partner_id, self.client)
        self.assertEqual(invoice.amount_untaxed, 1000.0)
        self.assertEqual(invoice.amount_total, 1200.0)
        self.assertEqual(invoice.invoice_line_ids.account_analytic_id,
                         self.kpa_a.analytic_account_id)
        self.assertEqual(self.task_a.kpa_invoice_ids, invoice)

    def test_validation_numbers_it_and_moves_the_prestation(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        self.assertTrue(invoice.number.startswith("ALPH/"))
        self.assertRegex(invoice.number, r"^ALPH/\d{4}/0001$")
        self.assertEqual(self.task_a.stage_id.kpa_stage, "invoiced")

    def test_the_cae_validates_any_kpas_invoice_other_coordinators_not(self):
        """Validation writes the analytic lines of the KPA: the CAE manager
        and the accountant may, the coordinator of another KPA may not."""
        accountant = self.env["res.users"].create({
            "name": "Comptable", "login": "compta_invoicing@example.org",
            "groups_id": [(6, 0, self.env.ref(
                "account.group_account_manager").ids)]})
        refused = self._invoice(self.task_a)
        with self.assertRaises(AccessError), self.cr.savepoint():
            refused.sudo(self.coordinator_b).action_invoice_open()
        for user in (self.manager, accountant):
            invoice = self._invoice(self.task_a)
            invoice.sudo(user).action_invoice_open()
            self.assertEqual(invoice.state, "open")
            self.assertTrue(invoice.move_id.line_ids.mapped(
                "analytic_line_ids"))

    def test_no_client_or_no_price_is_refused(self):
        self.task_a.partner_id = False
        with self.assertRaisesRegex(UserError, "Buffet"):
            self.task_a.action_kpa_invoice()
        self.task_a.partner_id = self.client
        self.task_a.kpa_amount = 0
        with self.assertRaises(UserError):
            self.task_a.action_kpa_invoice()
        self.assertFalse(self.task_a.kpa_invoice_ids)

    def test_a_task_outside_any_kpa_is_refused(self):
        project = self.env["project.project"].create({"name": "Interne"})
        task = self.env["project.task"].create({
            "name": "Tâche interne", "project_id": project.id,
            "partner_id": self.client.id, "kpa_amount": 10})
        with self.assertRaises(UserError):
            task.action_kpa_invoice()

    def test_every_line_takes_the_kpa_analytic_account(self):
        invoice = self._invoice(self.task_a)
        other = self.env["account.analytic.account"].create({"name": "Autre"})
        account = invoice.invoice_line_ids.account_id
        invoice.write({"invoice_line_ids": [(0, 0, {
            "name": "Location de vaisselle", "account_id": account.id,
            "quantity": 1, "price_unit": 50,
            "account_analytic_id": other.id})]})
        self.assertEqual(invoice.invoice_line_ids.mapped("account_analytic_id"),
                         self.kpa_a.analytic_account_id)
        invoice.kpa_id = self.kpa_b
        self.assertEqual(invoice.journal_id, self.kpa_b.journal_id)
        self.assertEqual(invoice.invoice_line_ids.mapped("account_analytic_id"),
                         self.kpa_b.analytic_account_id)

    def test_vendor_bill_carries_a_kpa(self):
        expense = self.env["account.account"].search([
            ("code", "=like", "606%"), ("company_id", "=", self.company.id)],
            limit=1)
        Invoice = self.env["account.invoice"].with_context(type="in_invoice")
        bill = Invoice.create({
            "type": "in_invoice",
            "partner_id": self.client.id,
            "kpa_id": self.kpa_a.id,
            "invoice_line_ids": [(0, 0, {
                "name": "Farine", "account_id": expense.id,
                "quantity": 1, "price_unit": 80})],
        })
        self.assertEqual(bill.journal_id.type, "purchase")
        self.assertEqual(bill.invoice_line_ids.account_analytic_id,
                         self.kpa_a.analytic_account_id)

    def test_a_kpa_of_another_company_is_refused(self):
        other = self.env["res.company"].create({"name": "Autre CAE"})
        invoice = self._invoice(self.task_a)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            invoice.company_id = other

    def test_pdf_carries_the_brand_and_every_legal_mention(self):
        self.company.write({
            "siret": "48123456510001", "ape": "7022Z",
            "vat": "FR36481234565", "street": "51 rue de l'Alma",
            "zip": "59100", "city": "Roubaix"})
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        html = self.env.ref("account.account_invoices").render_qweb_html(
            invoice.ids)[0].decode()
        for mention in ("KPA Alpha", self.company.name, "48123456510001",
                        "7022Z", "FR36481234565", "40,00",
                        "mille deux cents euros", "BCE"):
            self.assertIn(mention, html)
