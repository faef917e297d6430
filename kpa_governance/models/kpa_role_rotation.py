# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KpaRoleRotation(models.Model):
    """Who held a role, from when to when."""

    _name = "kpa.role.rotation"
    _description = "KPA role rotation"
    _order = "date_start desc, id desc"
    _rec_name = "referent_id"

    role_id = fields.Many2one("kpa.role", string="Role", required=True,
                              index=True, ondelete="cascade")
    kpa_id = fields.Many2one(related="role_id.kpa_id", store=True,
                             readonly=True)
    referent_id = fields.Many2one("res.partner", string="Referent",
                                  required=True)
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To")
