# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProjectTaskType(models.Model):
    _inherit = "project.task.type"

    kpa_stage = fields.Selection([
        ("todo", "To do"),
        ("progress", "In progress"),
        ("done", "Done"),
        ("invoiced", "Invoiced"),
    ], string="Prestation step",
        help="What this stage means for a KPA prestation: invoicing moves "
             "the prestation to the \"Invoiced\" stage.")
