# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    kpa_bank_id = fields.Many2one(
        "res.partner.bank", string="Account for my pay",
        domain="[('partner_id', '=', id)]", ondelete="restrict", copy=False,
        groups="kpa_cooperative.group_kpa_manager,"
               "account.group_account_manager",
        help="The account the net pay is transferred to. The member sets "
             "it on their page (/my/bank); the earlier ones stay, for the "
             "transfers already made to them.")
