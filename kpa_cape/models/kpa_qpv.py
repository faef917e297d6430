# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KpaQpv(models.Model):
    """A "quartier prioritaire de la politique de la ville": funders count
    the people accompanied who live in one, by name and code. The CAE
    imports the official list (a CSV) with Odoo's import: code, name,
    city."""

    _name = "kpa.qpv"
    _description = "Priority neighbourhood (QPV)"
    _order = "city, name"

    name = fields.Char(required=True)
    code = fields.Char(required=True, index=True,
                       help="The official code of the neighbourhood.")
    city = fields.Char(help="The town (or towns) it lies in.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)",
         "Another neighbourhood has this code already."),
    ]

    def name_get(self):
        return [(qpv.id, "%s (%s)" % (qpv.name, qpv.city) if qpv.city
                 else qpv.name) for qpv in self]
