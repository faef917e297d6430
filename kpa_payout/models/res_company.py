# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    kpa_payout_mode_id = fields.Many2one(
        "account.payment.mode", string="Pay-out payment mode",
        help="The SEPA credit transfer mode of the members' net pay: "
             "made at install, on the company's bank journals.")

    @api.model
    def _kpa_setup_payout(self):
        """Idempotent: each company gets its pay-out mode (SEPA credit
        transfer, pain.001.001.03, one entry per day of transfer that pays
        off the 421 lines, posted)."""
        method = self.env.ref(
            "account_banking_sepa_credit_transfer.sepa_credit_transfer")
        for company in self.sudo().search([]):
            if company.kpa_payout_mode_id:
                continue
            journals = self.env["account.journal"].sudo().search([
                ("type", "=", "bank"), ("company_id", "=", company.id)])
            journals.write({"outbound_payment_method_ids": [(4, method.id)]})
            company.kpa_payout_mode_id = self.env[
                "account.payment.mode"].sudo().create({
                    "name": _("Net pay transfer (SEPA)"),
                    "company_id": company.id,
                    "payment_method_id": method.id,
                    "bank_account_link": "variable",
                    "variable_journal_ids": [(6, 0, journals.ids)],
                    "payment_order_ok": True,
                    "default_payment_mode": "same",
                    "group_lines": False,
                    "generate_move": True,
                    "offsetting_account": "bank_account",
                    "move_option": "date",
                    "post_move": True,
                })
        return True
