# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KpaPlace(models.Model):
    """A place where a KPA works: tiers-lieu, fablab, shared kitchen..."""

    _name = "kpa.place"
    _description = "KPA place"
    _order = "kpa_id, name"

    name = fields.Char(required=True)
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, ondelete="cascade",
        index=True)
    company_id = fields.Many2one(related="kpa_id.company_id", store=True,
                                 readonly=True)
    kind = fields.Selection([
        ("third_place", "Tiers-lieu"),
        ("fablab", "Fablab"),
        ("kitchen", "Shared kitchen"),
        ("social_centre", "Social centre"),
        ("other", "Other"),
    ], required=True, default="third_place")
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    equipment = fields.Text(
        help="What is there to use: machines, kitchen, tools, rooms.")
    active = fields.Boolean(default=True)
