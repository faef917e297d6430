# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPA invoices as French law wants them: VAT per activity and on payment
for services, fiscal positions, mentions, credit notes in the KPA's
series."""
from odoo.exceptions import UserError, ValidationError

from ..services.issuer import elide_de
from .common import KpaInvoiceCase


class TestInvoiceLaw(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({
            "kpa_legal_form": "SCOP SA à capital variable",
            "kpa_share_capital": "capital variable",
            "company_registry": "RCS Lille Métropole 481 234 565",
            "siret": "48123456510001",
        })
        cls.buffet = cls._buffet()

    def _tax(self, product):
        return product.taxes_id.filtered(
            lambda tax: tax.company_id == self.company)

    def _html(self, invoice):
        return self.env.ref("account.account_invoices").render_qweb_html(
            invoice.ids)[0].decode()

    # VAT ------------------------------------------------------------------
    def test_each_activity_has_its_rate_services_on_payment(self):
        expected = {
            self.service: (20.0, "on_payment", "706000"),
            self.onsite: (10.0, "on_payment", "706000"),
            self.takeaway: (5.5, "on_invoice", "701100"),
            self.goods: (20.0, "on_invoice", "701100"),
        }
        for product, (rate, exigibility, account) in expected.items():
            tax = self._tax(product)
            self.assertEqual((tax.amount, tax.tax_exigibility),
                             (rate, exigibility), product.name)
            income = product.product_tmpl_id.with_context(
                force_company=self.company.id).property_account_income_id
            self.assertEqual(income.code, account, product.name)
        # Made from l10n_fr's 10 %, without its translations: the invoice
        # says "on payment" in French too.
        self.assertEqual(self._tax(self.onsite).with_context(
            lang="fr_FR").description, "TVA à l'encaissement 10%")

    def test_the_debit_option_puts_services_on_invoice_and_is_printed(self):
        self.company.kpa_vat_on_debits = True
        self.assertEqual(self._tax(self.onsite).tax_exigibility,
                         "on_invoice")
        self.assertEqual(self._tax(self.onsite).amount, 10.0)
        invoice = self._invoice(self.task_a)
        self.assertEqual(
            invoice.invoice_line_ids.invoice_line_tax_ids.tax_exigibility,
            "on_invoice")
        self.assertIn("paiement de la taxe d'après les débits",
                      self._html(invoice))
        self.company.kpa_vat_on_debits = False
        self.assertEqual(self._tax(self.onsite).tax_exigibility,
                         "on_payment")
        self.assertNotIn("débits", self._html(self._invoice(self.task_a)))

    def test_several_lines_each_with_its_vat(self):
        self.assertEqual(self.buffet.kpa_amount, 1300.0)
        invoice = self._invoice(self.buffet)
        lines = invoice.invoice_line_ids.sorted("sequence")
        self.assertEqual(len(lines), 3)
        by_name = {line.name: line for line in lines}
        self.assertEqual(by_name["Buffet"].invoice_line_tax_ids.amount, 10.0)
        self.assertEqual(by_name["Buffet"].account_id.code, "706000")
        self.assertEqual(by_name["Paniers repas"].invoice_line_tax_ids.amount,
                         5.5)
        self.assertEqual(by_name["Paniers repas"].account_id.code, "701100")
        self.assertEqual(invoice.amount_untaxed, 1300.0)
        # 1000 x 10 % + 200 x 5.5 % + 100 x 20 %
        self.assertAlmostEqual(invoice.amount_tax, 100 + 11 + 20)
        self.assertEqual(invoice.kpa_operation_nature, "goods_and_services")
        self.assertEqual(
            set(lines.mapped("account_analytic_id")),
            {self.kpa_a.analytic_account_id})

    def test_service_vat_is_due_when_the_client_pays(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        final = self._tax(self.service).cash_basis_account
        tax_lines = invoice.move_id.line_ids.filtered("tax_line_id")
        self.assertEqual(tax_lines.tax_line_id.tax_exigibility, "on_payment")
        self.assertNotEqual(tax_lines.account_id, final)
        self._pay(invoice)
        cash_basis = self.env["account.move"].search([
            ("tax_cash_basis_rec_id", "in",
             invoice.move_id.line_ids.mapped("matched_credit_ids").ids)])
        self.assertTrue(cash_basis)
        moved = cash_basis.mapped("line_ids").filtered(
            lambda line: line.account_id == final)
        self.assertAlmostEqual(sum(moved.mapped("credit")), 200.0)

    def test_a_belgian_business_is_reverse_charged(self):
        belgian = self._belgian_business()
        fpos = belgian.property_account_position_id
        self.buffet.partner_id = belgian
        invoice = self._invoice(self.buffet)
        self.assertEqual(invoice.fiscal_position_id, fpos)
        self.assertEqual(
            invoice.invoice_line_ids.mapped("invoice_line_tax_ids.amount"),
            [0.0])
        self.assertEqual(invoice.amount_tax, 0.0)
        self.assertFalse(invoice.kpa_siren_missing)
        html = self._html(invoice)
        self.assertIn("Autoliquidation", html)
        self.assertIn("283-2", html)

    def test_the_agreed_price_follows_a_single_line(self):
        task = self.task_a
        self.assertEqual(len(task.kpa_line_ids), 1)
        self.assertEqual(task.kpa_line_ids.product_id, self.service)
        task.kpa_amount = 1250.0
        self.assertEqual(task.kpa_line_ids.price_unit, 1250.0)
        with self.assertRaisesRegex(UserError, "Buffet et paniers"):
            self.buffet.kpa_amount = 50.0

    def test_a_line_with_no_quantity_or_a_negative_price_is_refused(self):
        Line = self.env["kpa.prestation.line"]
        for values in ({"quantity": 0}, {"price_unit": -5}):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                Line.create(dict({"task_id": self.task_a.id,
                                  "product_id": self.service.id,
                                  "name": "Erreur"}, **values))

    # Credit notes ---------------------------------------------------------
    def test_a_credit_note_is_numbered_in_the_kpas_own_series(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        refund = invoice.refund(description="Annulation")
        refund.action_invoice_open()
        journal = self.kpa_a.journal_id
        self.assertEqual(refund.kpa_id, self.kpa_a)
        self.assertEqual(refund.journal_id, journal)
        self.assertTrue(journal.refund_sequence_id)
        self.assertNotEqual(refund.number.split("/")[0],
                            invoice.number.split("/")[0])
        self.assertIn(journal.code, refund.number)

    # Mentions -------------------------------------------------------------
    def test_every_mention_is_printed(self):
        delivery = self.env["res.partner"].create({
            "name": "Salle des fêtes", "type": "delivery",
            "parent_id": self.client.id, "street": "2 rue de la Fête",
            "city": "Roubaix"})
        self.buffet.kpa_delivery_partner_id = delivery
        invoice = self._invoice(self.buffet)
        self.assertEqual(invoice.kpa_date_service, "2026-03-14")
        self.assertEqual(invoice.name, "BC-2026-117")
        self.assertEqual(invoice.partner_shipping_id, delivery)
        invoice.action_invoice_open()
        html = self._html(invoice)
        for mention in (
                "Date de la prestation", "14/03/2026",
                "Votre référence", "BC-2026-117",
                "SIREN", "775 678 907",
                "Livraison de biens et prestation de services",
                "Adresse de livraison", "2 rue de la Fête",
                # "d'Optéos" when the CAE's name starts with a vowel.
                elide_de("KPA Alpha, nom commercial de %s"
                         % self.company.name),
                "SCOP SA à capital variable", "capital variable",
                "RCS Lille Métropole 481 234 565", "SIRET 48123456510001"):
            self.assertIn(mention, html)

    def test_a_public_body_gets_its_service_code_and_commitment(self):
        self.client.write({"kpa_is_public_body": True,
                           "kpa_service_code": "SERV-JEUNESSE"})
        html = self._html(self._invoice(self.buffet))
        self.assertIn("SERV-JEUNESSE", html)
        self.assertIn("Numéro d'engagement", html)

    def test_a_french_business_without_siren_is_warned(self):
        client = self.env["res.partner"].create({
            "name": "Traiteur sans SIREN", "is_company": True,
            "country_id": self.env.ref("base.fr").id})
        self.task_a.partner_id = client
        invoice = self._invoice(self.task_a)
        self.assertTrue(invoice.kpa_siren_missing)
        self.assertTrue(invoice.kpa_address_missing)
        onchange = invoice._onchange_partner_kpa_siren()
        self.assertIn("SIREN", onchange["warning"]["message"])
        client.write({"siret": "41234567000019",
                      "street": "3 rue du Moulin", "city": "Lille"})
        invoice.invalidate_cache()
        self.assertFalse(invoice.kpa_siren_missing)
        self.assertFalse(invoice.kpa_address_missing)
        person = self.env["res.partner"].create({"name": "Mme Dupont"})
        self.assertFalse(person._kpa_needs_siren())

    def test_a_wrong_siret_is_refused_with_a_clear_message(self):
        with self.assertRaisesRegex(ValidationError, "SIRET"), \
                self.cr.savepoint():
            self.client.siret = "12345"
        self.assertEqual(self.client.siret, "77567890700012")

    def test_only_the_cae_changes_the_vat_of_an_activity(self):
        """hr_timesheet lets coordinators write products: not the VAT,
        account, category or type of a KPA activity."""
        from odoo.exceptions import AccessError
        template = self.onsite.product_tmpl_id
        for values in ({"taxes_id": [(6, 0, [])]}, {"type": "consu"},
                       {"categ_id": self.env.ref(
                           "product.product_category_all").id}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                template.sudo(self.coordinator_a).write(values)
        self.assertEqual(self._tax(self.onsite).amount, 10.0)
        template.sudo(self.coordinator_a).write({"description_sale": "Buffet"})
        accountant = self.env["res.users"].create({
            "name": "Comptable TVA", "login": "compta_tva@example.org",
            "groups_id": [(6, 0, self.env.ref(
                "account.group_account_manager").ids)]})
        template.sudo(accountant).write({"taxes_id": [(6, 0, [])]})
        self.assertFalse(template.taxes_id)
