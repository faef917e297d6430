# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.kpa_membership import EXIT_OUTCOMES


class KpaMembershipLeave(models.TransientModel):
    """Asks what the person goes on to do when leaving the KPA."""

    _name = "kpa.membership.leave"
    _description = "Leave a KPA"

    membership_ids = fields.Many2many(
        "kpa.membership", string="Memberships", required=True,
        default=lambda self: self.env.context.get("active_ids"))
    date_leave = fields.Date(
        string="Left on", required=True, default=fields.Date.context_today)
    exit_outcome = fields.Selection(EXIT_OUTCOMES, required=True)

    def action_leave(self):
        self.ensure_one()
        self.membership_ids.action_leave(self.exit_outcome, self.date_leave)
        return {"type": "ir.actions.act_window_close"}
