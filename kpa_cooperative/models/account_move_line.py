# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..services.trust import is_trusted


class AccountMoveLine(models.Model):
    """A journal item belongs to its entry's KPA (a pay entry's 421 and 431
    lines too, though only its expense lines carry the analytic account)."""

    _inherit = "account.move.line"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", related="move_id.kpa_id",
        readonly=True)

    def _kpa_check_not_contribution(self):
        """The lines of a contribution entry change with it only."""
        if not is_trusted(self) and self.ids:
            self.mapped("move_id")._kpa_check_not_contribution()

    @api.model
    def create(self, vals):
        if not is_trusted(self) and vals.get("move_id"):
            self.env["account.move"].browse(
                vals["move_id"])._kpa_check_not_contribution()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._kpa_check_not_contribution()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._kpa_check_not_contribution()
        return super().unlink()
