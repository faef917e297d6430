# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", index=True, readonly=True,
        help="Set on the \"Prestations\" project of a KPA.")
