# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    """The user's KPAs, as the record rules read them (``user.kpa_...``)."""

    _inherit = "res.users"

    kpa_member_kpa_ids = fields.Many2many(
        "kpa.cooperative", compute="_compute_kpa_member_kpa_ids",
        string="KPAs I am a member of",
        help="Current memberships (newcomers included): what one may "
             "write in.")
    kpa_known_kpa_ids = fields.Many2many(
        "kpa.cooperative", compute="_compute_kpa_member_kpa_ids",
        string="KPAs I was or am a member of",
        help="Current and former memberships: what one may read.")

    def _compute_kpa_member_kpa_ids(self):
        Membership = self.env["kpa.membership"]
        for user in self:
            user.kpa_member_kpa_ids = Membership._kpa_current_kpas(
                user.partner_id)
            user.kpa_known_kpa_ids = Membership._kpa_known_kpas(
                user.partner_id)
