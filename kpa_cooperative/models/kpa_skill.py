# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KpaSkill(models.Model):
    """A skill shared by the whole network: who can teach screen printing?"""

    _name = "kpa.skill"
    _description = "Skill"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    partner_ids = fields.Many2many(
        "res.partner", "res_partner_kpa_skill_rel", "skill_id", "partner_id",
        string="People")

    _sql_constraints = [
        ("name_uniq", "unique(name)", "This skill already exists."),
    ]
