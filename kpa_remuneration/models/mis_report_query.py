# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MisReportQuery(models.Model):
    _inherit = "mis.report.query"

    kpa_from_start = fields.Boolean(
        string="From the start",
        help="Sum from the first record up to the end of each column, "
             "instead of over the column's dates (a running total).")
