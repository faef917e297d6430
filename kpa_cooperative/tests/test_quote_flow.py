# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A KPA quote from its prestation to the balance invoice: numbering in
the KPA's series, acceptance, a deposit carrying the VAT of what it pays
for (one line per rate), the balance deducting it; who may do what."""
import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from ..wizards.sale_advance_payment_inv import split_deposit
from .common import KpaInvoiceCase

YEAR = r"\d{4}"


class TestQuoteFlow(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deposit_product = cls.env.ref(
            "kpa_cooperative.product_kpa_deposit")
        cls.event = cls.env["project.task"].create({
            "name": "Repas de quartier pour 80",
            "project_id": cls.kpa_a.project_id.id,
            "partner_id": cls.client.id,
            "kpa_date_planned": "2026-06-20",
            "kpa_date_service": "2026-06-21",
            "kpa_client_ref": "BC-2026-042",
            "kpa_referent_ids": [(6, 0, cls.partner_a.ids)],
            "kpa_line_ids": [
                (0, 0, {"product_id": cls.onsite.id, "name": "Repas servi",
                        "quantity": 80, "price_unit": 12.5}),
                (0, 0, {"product_id": cls.service.id,
                        "name": "Animation", "quantity": 1,
                        "price_unit": 500}),
            ],
        })

    # -- helpers ------------------------------------------------------------
    def _quote(self, task=None, user=None):
        task = task or self.event
        action = task.sudo(user or self.coordinator_a).action_kpa_quote()
        return self.env["sale.order"].browse(action["res_id"])

    def _accepted_quote(self):
        order = self._quote()
        order.sudo(self.coordinator_a).print_quotation()
        self.assertEqual(order.state, "sent")
        order._kpa_accept("Mme Claire Dupont")
        return order

    def _deposit(self, order, method="percentage", amount=30.0, user=None):
        wizard = self.env["sale.advance.payment.inv"].sudo(
            user or self.coordinator_a).with_context(
            active_model="sale.order", active_ids=order.ids,
            active_id=order.id).create({
                "advance_payment_method": method, "amount": amount})
        wizard.create_invoices()
        return order.invoice_ids.sorted("id")[-1]

    @staticmethod
    def _by_rate(invoice):
        """{VAT rate: (untaxed, tax)} of an invoice."""
        result = {}
        for line in invoice.tax_line_ids:
            result[line.tax_id.amount] = (round(line.base, 2),
                                          round(line.amount, 2))
        return result

    # -- the quote ------------------------------------------------------------
    def test_quote_from_the_prestation_in_the_kpa_series(self):
        order = self._quote()
        self.assertEqual(order.state, "draft")
        self.assertRegex(order.name, r"^DEV-ALPH/%s/0001$" % YEAR)
        self.assertEqual(order.kpa_id, self.kpa_a)
        self.assertEqual(order.kpa_task_id, self.event)
        self.assertEqual(order.partner_id, self.client)
        self.assertEqual(order.client_order_ref, "BC-2026-042")
        self.assertEqual(order.user_id, self.coordinator_a)
        self.assertEqual(order.analytic_account_id,
                         self.kpa_a.analytic_account_id)
        today = fields.Date.from_string(fields.Date.context_today(order))
        self.assertEqual(order.validity_date, fields.Date.to_string(
            today + datetime.timedelta(days=30)))
        self.assertEqual(order.kpa_date_service, "2026-06-21")
        # Lines through sale's product onchange: the product's VAT.
        rates = {line.name: line.tax_id.mapped("amount")
                 for line in order.order_line}
        self.assertEqual(rates, {"Repas servi": [10.0], "Animation": [20.0]})
        self.assertEqual(order.amount_untaxed, 1500.0)
        self.assertEqual(order.amount_tax, 200.0)
        self.assertEqual(order.amount_total, 1700.0)
        self.assertEqual(self.event.kpa_sale_state, "quoted")
        # The next one follows, another KPA has its own series.
        self.assertRegex(self._quote().name, r"^DEV-ALPH/%s/0002$" % YEAR)
        self.task_b.kpa_line_ids.product_id = self.service
        other = self._quote(self.task_b, self.coordinator_b)
        self.assertRegex(other.name, r"^DEV-BETA/%s/0001$" % YEAR)

    def test_validity_follows_the_kpa(self):
        self.kpa_a.quote_validity_days = 15
        order = self._quote()
        today = fields.Date.from_string(fields.Date.context_today(order))
        self.assertEqual(order.validity_date, fields.Date.to_string(
            today + datetime.timedelta(days=15)))
        with self.assertRaises(ValidationError):
            self.kpa_a.quote_validity_days = 0

    def test_a_prestation_without_lines_or_client_is_not_quoted(self):
        self.event.partner_id = False
        with self.assertRaisesRegex(UserError, "Repas de quartier"):
            self.event.action_kpa_quote()
        self.event.partner_id = self.client
        self.event.kpa_line_ids.unlink()
        with self.assertRaisesRegex(UserError, "Repas de quartier"):
            self.event.action_kpa_quote()
        self.assertFalse(self.event.kpa_sale_order_ids)

    def test_orders_outside_any_kpa_keep_odoo_numbering(self):
        salesman = self.env["res.users"].create({
            "name": "Vendeur CAE", "login": "vendeur@example.org",
            "groups_id": [(6, 0, self.env.ref(
                "sales_team.group_sale_salesman").ids)]})
        order = self.env["sale.order"].sudo(salesman).create({
            "partner_id": self.client.id})
        self.assertFalse(order.name.startswith("DEV-"))
        self.assertTrue(order.sudo(salesman).read(["name"]))
        # ... and a KPA's quotes are not theirs to see.
        kpa_order = self._quote()
        self.assertFalse(self.env["sale.order"].sudo(salesman).search(
            [("id", "=", kpa_order.id)]))

    # -- acceptance, deposit, balance -----------------------------------------
    def test_quote_accept_deposit_balance(self):
        order = self._accepted_quote()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.kpa_accepted_by, "Mme Claire Dupont")
        self.assertTrue(order.kpa_accepted_on)
        self.assertEqual(self.event.kpa_sale_state, "accepted")

        # A 30 % deposit: 450 € untaxed, split as the quote (1000 € at
        # 10 %, 500 € at 20 %), on the deposit account 4191.
        deposit = self._deposit(order)
        self.assertEqual(deposit.kpa_id, self.kpa_a)
        self.assertEqual(deposit.journal_id, self.kpa_a.journal_id)
        self.assertEqual(deposit.kpa_task_id, self.event)
        self.assertEqual(deposit.name, "BC-2026-042")
        self.assertEqual(deposit.kpa_date_service, "2026-06-21")
        self.assertEqual(len(deposit.invoice_line_ids), 2)
        self.assertEqual(set(deposit.invoice_line_ids.mapped(
            "account_id.code")), {"419100"})
        self.assertEqual(deposit.invoice_line_ids.mapped(
            "account_analytic_id"), self.kpa_a.analytic_account_id)
        self.assertEqual(self._by_rate(deposit),
                         {10.0: (300.0, 30.0), 20.0: (150.0, 30.0)})
        self.assertEqual(deposit.amount_untaxed, 450.0)
        self.assertEqual(deposit.amount_total, 510.0)
        deposit.sudo(self.manager).action_invoice_open()
        self.assertRegex(deposit.number, r"^ALPH/%s/0001$" % YEAR)
        self._pay(deposit)
        self.assertEqual(deposit.state, "paid")
        self.assertEqual(self.event.kpa_sale_state, "invoiced")

        # The balance deducts the deposit, rate by rate.
        ids = order.sudo(self.coordinator_a).action_invoice_create(
            final=True)
        balance = self.env["account.invoice"].browse(ids)
        self.assertEqual(balance.type, "out_invoice")
        self.assertEqual(balance.kpa_id, self.kpa_a)
        self.assertEqual(balance.journal_id, self.kpa_a.journal_id)
        self.assertEqual(balance.name, "BC-2026-042")
        self.assertEqual(self._by_rate(balance),
                         {10.0: (700.0, 70.0), 20.0: (350.0, 70.0)})
        self.assertEqual(balance.amount_untaxed, 1050.0)
        self.assertEqual(balance.amount_total, 1190.0)
        self.assertEqual(deposit.amount_total + balance.amount_total,
                         order.amount_total)
        balance.sudo(self.manager).action_invoice_open()
        self.assertRegex(balance.number, r"^ALPH/%s/0002$" % YEAR)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertEqual(self.event.kpa_sale_state, "invoiced")
        self._pay(balance)
        self.event.invalidate_cache()
        self.assertEqual(self.event.kpa_sale_state, "paid")
        Task = self.env["project.task"].sudo(self.coordinator_a)
        self.assertIn(self.event, Task.search(
            [("kpa_sale_state", "=", "paid")]))
        self.assertNotIn(self.event, Task.search(
            [("kpa_sale_state", "in", ["quoted", "accepted"])]))
        self.assertIn(self.task_a, Task.search(
            [("kpa_sale_state", "=", False)]))

    def test_fixed_deposit_is_split_to_the_cent(self):
        order = self._accepted_quote()
        deposit = self._deposit(order, "fixed", 100.0)
        self.assertEqual(self._by_rate(deposit),
                         {10.0: (66.67, 6.67), 20.0: (33.33, 6.67)})
        self.assertEqual(deposit.amount_untaxed, 100.0)
        with self.assertRaisesRegex(UserError, order.name):
            self._deposit(order, "fixed", 5000.0)

    def test_split_deposit(self):
        self.assertEqual(split_deposit(450, [("a", 1000), ("b", 500)]),
                         [("a", 300.0), ("b", 150.0)])
        shares = split_deposit(100, [("a", 1000), ("b", 500), ("c", 0)])
        self.assertEqual(shares, [("a", 66.67), ("b", 33.33)])
        self.assertEqual(split_deposit(10, [("a", 1), ("b", 1), ("c", 1)]),
                         [("a", 3.33), ("b", 3.33), ("c", 3.34)])
        self.assertEqual(split_deposit(10, []), [])

    def test_an_accepted_quote_does_not_change(self):
        order = self._accepted_quote()
        as_coordinator = order.sudo(self.coordinator_a)
        with self.assertRaisesRegex(UserError, order.name):
            as_coordinator.order_line[0].write({"price_unit": 1.0})
        with self.assertRaisesRegex(UserError, order.name):
            as_coordinator.write({"order_line": [
                (1, order.order_line[0].id, {"product_uom_qty": 2})]})
        with self.assertRaisesRegex(UserError, order.name):
            as_coordinator.write({"client_order_ref": "AUTRE"})
        with self.assertRaises(UserError):
            as_coordinator.write({"kpa_accepted_by": "Quelqu'un d'autre"})
        with self.assertRaises(UserError):
            as_coordinator.write({"kpa_id": self.kpa_b.id})
        self.assertEqual(order.amount_untaxed, 1500.0)
        self.assertEqual(order.kpa_accepted_by, "Mme Claire Dupont")
        # Same values, Odoo's own flows: allowed.
        as_coordinator.order_line[0].write({"price_unit": 12.5})
        as_coordinator.action_done()

    def test_acceptance_fields_are_never_a_client_value(self):
        with self.assertRaises(UserError):
            self.env["sale.order"].sudo(self.coordinator_a).create({
                "partner_id": self.client.id, "kpa_id": self.kpa_a.id,
                "kpa_accepted_by": "Faux"})

    def test_coordinator_records_the_acceptance(self):
        order = self._quote()
        wizard = self.env["kpa.quote.accept"].sudo(
            self.coordinator_a).with_context(
            active_model="sale.order", active_id=order.id).create({
                "name": "M. Martin", "date": "2026-03-01"})
        wizard.action_accept()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.kpa_accepted_by, "M. Martin")
        self.assertEqual(order.kpa_accepted_on[:10], "2026-03-01")

    # -- who may --------------------------------------------------------------
    def test_coordinator_of_another_kpa_is_refused(self):
        order = self._quote()
        Order = self.env["sale.order"].sudo(self.coordinator_b)
        self.assertFalse(Order.search([("id", "=", order.id)]))
        self.assertFalse(self.env["sale.order.line"].sudo(
            self.coordinator_b).search([("order_id", "=", order.id)]))
        as_b = order.sudo(self.coordinator_b)
        for call in (lambda: as_b.read(["name"]),
                     lambda: as_b.write({"note": "x"}),
                     lambda: as_b.action_confirm(),
                     lambda: as_b.action_quotation_send()):
            with self.assertRaises(AccessError), self.cr.savepoint():
                call()
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env["kpa.quote.accept"].sudo(self.coordinator_b).create({
                "order_id": order.id, "name": "Moi", "date": "2026-03-01"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env["sale.advance.payment.inv"].sudo(
                self.coordinator_b).with_context(
                active_model="sale.order", active_ids=order.ids).create({
                    "advance_payment_method": "percentage",
                    "amount": 30}).create_invoices()
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.event.sudo(self.coordinator_b).action_kpa_quote()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.invoice_ids)

    def test_the_cae_manager_sees_every_kpa_quote(self):
        order = self._quote()
        self.assertTrue(self.env["sale.order"].sudo(self.manager).search(
            [("id", "=", order.id)]))

    def test_member_drafts_for_their_prestation_only(self):
        specs = [{"product_id": self.onsite.id, "name": "Repas",
                  "quantity": 10, "price_unit": 12.0}]
        order = self.event.sudo(self.member_user_a)._kpa_member_draft(
            "quote", specs, self.partner_a)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.kpa_drafted_by_id, self.partner_a)
        self.assertEqual(order.kpa_id, self.kpa_a)
        self.assertEqual(order.amount_untaxed, 120.0)
        self.assertEqual(order.order_line.tax_id.amount, 10.0)
        activity = self.env["mail.activity"].search([
            ("res_model", "=", "sale.order"), ("res_id", "=", order.id)])
        self.assertEqual(activity.user_id, self.coordinator_a)
        self.assertIn(activity.summary, ("To validate", "À valider"))
        invoice = self.event.sudo(self.member_user_a)._kpa_member_draft(
            "invoice", specs, self.partner_a)
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.journal_id, self.kpa_a.journal_id)
        self.assertEqual(invoice.amount_untaxed, 120.0)
        # Not a referent, or another KPA's member: refused.
        for partner in (self.partner_b,):
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.event._kpa_member_draft("quote", specs, partner)
        self.task_b.kpa_referent_ids = self.partner_a
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.task_b._kpa_member_draft("quote", specs, self.partner_a)

    def test_member_never_sends_confirms_or_changes(self):
        order = self.event.sudo(self.member_user_a)._kpa_member_draft(
            "quote", [{"product_id": self.onsite.id, "name": "Repas",
                       "quantity": 10, "price_unit": 12.0}], self.partner_a)
        invoice = self._invoice(self.event)
        member = self.member_user_a
        calls = [
            lambda: self.env["sale.order"].sudo(member).create({
                "partner_id": self.client.id, "kpa_id": self.kpa_a.id}),
            lambda: order.sudo(member).write({"note": "changé"}),
            lambda: order.sudo(member).action_confirm(),
            lambda: order.sudo(member).action_quotation_send(),
            lambda: order.sudo(member).print_quotation(),
            lambda: order.order_line.sudo(member).write({"price_unit": 1}),
            lambda: invoice.sudo(member).action_invoice_open(),
            lambda: self.env["kpa.quote.accept"].sudo(member).create({
                "order_id": order.id, "name": "Moi",
                "date": "2026-03-01"}),
        ]
        for call in calls:
            with self.assertRaises(AccessError), self.cr.savepoint():
                call()
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.amount_untaxed, 120.0)
        self.assertEqual(invoice.state, "draft")

    # -- the PDF --------------------------------------------------------------
    def test_the_pdf_names_the_issuer_and_the_agreement(self):
        self.company.write({"siret": "48123456510001",
                            "kpa_legal_form": "SCOP SA"})
        order = self._accepted_quote()
        html = self.env.ref("sale.action_report_saleorder").render_qweb_html(
            order.ids)[0].decode()
        self.assertIn("KPA Alpha", html)
        self.assertIn("BC-2026-042", html)
        self.assertIn("775 678 907", html)
        self.assertIn("SIRET 48123456510001", html)
        self.assertIn("Mme Claire Dupont", html)
        self.assertIn("kpa_agreement", html)
        self.assertIn("kpa_date_service", html)
        self.assertIn(order.kpa_issuer_line(), html.replace("&#39;", "'"))
