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
    person_count = fields.Integer(
        string="People", compute="_compute_person_count")

    _sql_constraints = [
        ("name_uniq", "unique(name)", "This skill already exists."),
    ]

    def _compute_person_count(self):
        self.env.cr.execute("""
            SELECT skill_id, count(*) FROM res_partner_kpa_skill_rel
            WHERE skill_id IN %s GROUP BY skill_id""", (tuple(self.ids or [0]),))
        counts = dict(self.env.cr.fetchall())
        for skill in self:
            skill.person_count = counts.get(skill.id, 0)
