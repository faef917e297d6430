# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prestations, invoices and analytic lines: tested from the refused side."""
from odoo.exceptions import AccessError

from .common import KpaInvoiceCase


class TestPrestationAccess(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice_a = cls._invoice(cls.task_a)
        cls.invoice_b = cls._invoice(cls.task_b)
        cls.accountant = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Comptable", "login": "comptable@example.org",
                "groups_id": [(6, 0, [
                    cls.env.ref("account.group_account_manager").id])]})

    def test_coordinator_cannot_read_another_kpa_invoice(self):
        with self.assertRaises(AccessError):
            self.invoice_b.sudo(self.coordinator_a).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.invoice_b.sudo(self.coordinator_a).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.invoice_b.invoice_line_ids.sudo(self.coordinator_a).read(
                ["price_unit"])
        Invoice = self.env["account.invoice"].sudo(self.coordinator_a)
        self.assertEqual(Invoice.search([("kpa_id", "!=", False)]),
                         self.invoice_a)

    def test_coordinator_cannot_invoice_in_another_kpa(self):
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env["account.invoice"].sudo(self.coordinator_a).create({
                "partner_id": self.client.id, "kpa_id": self.kpa_b.id})

    def test_coordinator_cannot_see_another_kpa_prestations(self):
        Task = self.env["project.task"].sudo(self.coordinator_a)
        self.assertEqual(Task.search([("kpa_id", "!=", False)]), self.task_a)
        with self.assertRaises(AccessError):
            self.task_b.sudo(self.coordinator_a).read(["name"])

    def test_coordinator_invoices_own_prestation(self):
        task = self.task_a.sudo(self.coordinator_a)
        action = task.action_kpa_invoice()
        invoice = self.env["account.invoice"].sudo(
            self.coordinator_a).browse(action["res_id"])
        self.assertEqual(invoice.kpa_id, self.kpa_a)

    def test_coordinator_cannot_read_another_kpa_cashed_revenue(self):
        self.invoice_b.action_invoice_open()
        self._pay(self.invoice_b)
        Report = self.env["kpa.cashed.report"].sudo(self.coordinator_a)
        self.assertFalse(Report.search([("kpa_id", "=", self.kpa_b.id)]))
        self.assertTrue(self.env["kpa.cashed.report"].sudo(
            self.coordinator_b).search([("kpa_id", "=", self.kpa_b.id)]))

    def test_coordinator_cannot_read_another_kpa_analytic_lines(self):
        line = self.env["account.analytic.line"].create({
            "name": "Heures sérigraphie", "account_id":
                self.kpa_b.analytic_account_id.id,
            "amount": -40})
        Line = self.env["account.analytic.line"].sudo(self.coordinator_a)
        self.assertNotIn(line, Line.search([]))
        with self.assertRaises(AccessError):
            line.sudo(self.coordinator_a).read(["amount"])

    def test_accountant_sees_every_kpa_invoice(self):
        Invoice = self.env["account.invoice"].sudo(self.accountant)
        self.assertEqual(
            Invoice.search([("id", "in", (self.invoice_a | self.invoice_b).ids)]),
            self.invoice_a | self.invoice_b)

    def test_member_sees_only_prestations_they_signed_up_for(self):
        Task = self.env["project.task"].sudo(self.member_user_a)
        self.assertEqual(Task.search([]), self.task_a)
        with self.assertRaises(AccessError):
            self.task_b.sudo(self.member_user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.task_a.sudo(self.member_user_a).write({"name": "Mine"})
        self.assertFalse(self.env["project.task"].sudo(
            self.member_user_b).search([]))

    def test_member_cannot_read_invoices(self):
        with self.assertRaises(AccessError):
            self.invoice_a.sudo(self.member_user_a).read(["amount_total"])
