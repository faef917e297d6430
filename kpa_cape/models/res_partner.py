# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Funders count people by gender: declared by the person, never guessed.
    kpa_gender = fields.Selection([
        ("female", "Woman"),
        ("male", "Man"),
        ("other", "Other"),
        ("undisclosed", "Not stated"),
    ], string="Gender", default="undisclosed")
    kpa_qpv_id = fields.Many2one(
        "kpa.qpv", string="Priority neighbourhood (QPV)",
        ondelete="restrict",
        help="The QPV the person lives in, from the CAE's list.")
    kpa_residence_permit_end = fields.Date(
        string="Residence permit valid until",
        help="Only where the person needs one to work in France.")

    def _kpa_private_fields(self):
        """Social data, private like the birthdate: the person, their
        KPA's coordinators and the CAE only."""
        result = super()._kpa_private_fields()
        result.update(kpa_gender="social", kpa_qpv_id="social",
                      kpa_residence_permit_end="social")
        return result

    @api.onchange("kpa_qpv_id")
    def _onchange_kpa_qpv_id(self):
        if self.kpa_qpv_id:
            self.kpa_qpv_resident = True
