# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountPaymentOrder(models.Model):
    _inherit = "account.payment.order"

    kpa_missing_bank = fields.Text(
        string="Left out: no IBAN", readonly=True,
        help="The members whose net pay of these weeks is not in this "
             "transfer because they gave no IBAN yet, with the amounts. "
             "Their pay stays on 421 until a later transfer.")
    kpa_date_from = fields.Date(string="Weeks from", readonly=True)
    kpa_date_to = fields.Date(string="Weeks to", readonly=True)

    @api.model
    def _prepare_field(self, field_name, field_value, eval_ctx,
                       max_size=0, gen_args=None):
        """The creditor of a transfer is the account's holder, when the
        account names one (pain_base names the partner)."""
        bank = eval_ctx.get("partner_bank") if isinstance(
            eval_ctx, dict) else None
        if field_value == "partner_bank.partner_id.name" and bank \
                and bank.acc_holder_name:
            field_value = "partner_bank.acc_holder_name"
        return super()._prepare_field(field_name, field_value, eval_ctx,
                                      max_size=max_size, gen_args=gen_args)
