# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..services.people import age_on


class ResPartner(models.Model):
    _inherit = "res.partner"

    kpa_birthdate = fields.Date(string="Birthdate")
    kpa_age = fields.Integer(string="Age", compute="_compute_kpa_age")
    kpa_qpv_resident = fields.Boolean(
        string="Lives in a QPV",
        help="Lives in a priority neighbourhood of the city policy "
             "(quartier prioritaire de la ville): funders ask for it.")
    kpa_membership_ids = fields.One2many(
        "kpa.membership", "partner_id", string="KPA memberships")
    kpa_skill_ids = fields.Many2many(
        "kpa.skill", "res_partner_kpa_skill_rel", "partner_id", "skill_id",
        string="Skills")

    @api.depends("kpa_birthdate")
    def _compute_kpa_age(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for partner in self:
            partner.kpa_age = age_on(
                fields.Date.from_string(partner.kpa_birthdate), today) or 0
