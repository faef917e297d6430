# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KpaCapeBenefit(models.Model):
    """A social benefit the person keeps while under CAPE (RSA, ARE...).

    A list the CAE can extend: funders ask how many people kept which one.
    """

    _name = "kpa.cape.benefit"
    _description = "Social benefit kept under CAPE"
    _order = "sequence, code"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "This benefit code already exists."),
    ]
