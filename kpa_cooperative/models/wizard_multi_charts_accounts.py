# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class WizardMultiChartsAccounts(models.TransientModel):
    """A company that gets its chart of accounts after the module was
    installed gets the KPA products' taxes and accounts with it."""

    _inherit = "wizard.multi.charts.accounts"

    @api.multi
    def execute(self):
        res = super().execute()
        self.mapped("company_id").sudo()._kpa_setup_company_sales()
        self.mapped("company_id").sudo()._kpa_setup_company_contribution()
        self.env["sale.order"].sudo()._kpa_setup_quotes()
        return res
