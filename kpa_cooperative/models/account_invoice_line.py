# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountInvoiceLine(models.Model):
    _inherit = "account.invoice.line"

    @api.model
    def create(self, vals):
        # A line added later to a KPA invoice joins the KPA's analytic account.
        invoice = self.env["account.invoice"].browse(vals.get("invoice_id"))
        if invoice.kpa_id and invoice.state == "draft":
            vals["account_analytic_id"] = \
                invoice.kpa_id.sudo().analytic_account_id.id
        return super().create(vals)
