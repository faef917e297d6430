# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    """A journal item belongs to its entry's KPA (a pay entry's 421 and 431
    lines too, though only its expense lines carry the analytic account)."""

    _inherit = "account.move.line"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", related="move_id.kpa_id",
        readonly=True)
