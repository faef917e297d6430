# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class TestChartSetup(SavepointCase):
    """A company that gets the French chart after the module is installed
    gets the KPA products' VAT and income accounts with it, without a
    module update."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({
            "name": "CAE Nord-Est", "currency_id": cls.env.ref("base.EUR").id,
            "country_id": cls.env.ref("base.fr").id})
        cls.env.user.write({
            "company_ids": [(4, cls.company.id)],
            "company_id": cls.company.id})
        cls.env.ref("l10n_fr.l10n_fr_pcg_chart_template") \
            .try_loading_for_current_company()

    def test_products_get_the_new_company_taxes(self):
        service = self.env.ref("kpa_cooperative.product_kpa_service")
        taxes = service.taxes_id.filtered(
            lambda tax: tax.company_id == self.company)
        self.assertEqual(taxes, self.env.ref(
            "l10n_fr.%d_tva_normale_encaissement" % self.company.id))
        takeaway = self.env.ref("kpa_cooperative.product_kpa_takeaway")
        self.assertEqual(
            takeaway.taxes_id.filtered(
                lambda tax: tax.company_id == self.company).amount, 5.5)

    def test_products_get_the_new_company_income_account(self):
        service = self.env.ref("kpa_cooperative.product_kpa_service") \
            .with_context(force_company=self.company.id)
        self.assertEqual(service.property_account_income_id.code, "706000")
        self.assertEqual(service.property_account_income_id.company_id,
                         self.company)
        deposit = self.env.ref("kpa_cooperative.product_kpa_deposit") \
            .with_context(force_company=self.company.id)
        self.assertTrue(
            deposit.property_account_income_id.code.startswith("4191"))
