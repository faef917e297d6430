# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KpaRemunerationCriterion(models.Model):
    """A criterion the members of a KPA chose to guide their declarations."""

    _name = "kpa.remuneration.criterion"
    _description = "Remuneration criterion"
    _order = "kpa_id, sequence, id"

    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", required=True,
                             index=True, ondelete="cascade")
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
