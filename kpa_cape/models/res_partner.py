# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Funders count people by gender: declared by the person, never guessed.
    kpa_gender = fields.Selection([
        ("female", "Woman"),
        ("male", "Man"),
        ("other", "Other"),
        ("undisclosed", "Not stated"),
    ], string="Gender", default="undisclosed")

    def _kpa_private_fields(self):
        """The gender is social data, private like the birthdate."""
        result = super()._kpa_private_fields()
        result["kpa_gender"] = "social"
        return result
