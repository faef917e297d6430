# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KpaMembership(models.Model):
    _inherit = "kpa.membership"

    charter_accepted_id = fields.Many2one(
        "kpa.charter", string="Charter accepted", readonly=True,
        ondelete="set null", track_visibility="onchange",
        help="The charter version the member last accepted.")
    charter_accepted_date = fields.Date(
        string="Charter accepted on", readonly=True,
        track_visibility="onchange")
    charter_up_to_date = fields.Boolean(
        compute="_compute_charter_up_to_date",
        string="Accepted the charter in force")

    def _compute_charter_up_to_date(self):
        Charter = self.env["kpa.charter"].sudo()
        for membership in self:
            membership.charter_up_to_date = bool(
                membership.charter_accepted_id) and (
                membership.charter_accepted_id
                == Charter.current_for(membership.kpa_id))
