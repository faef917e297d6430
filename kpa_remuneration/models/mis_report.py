# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# Where "from the start" begins: before any KPA existed.
FROM_START = "1900-01-01"


class MisReport(models.Model):
    """A report template read per KPA: its instances are filtered on their
    KPA (or on every KPA of the CAE), and its queries may sum from the
    start (a treasury is a running total, not a month's movement)."""

    _inherit = "mis.report"

    kpa_dashboard = fields.Boolean(
        string="Per KPA",
        help="Each report of this template shows one KPA (or every KPA of "
             "the CAE): journal items and queries are filtered on it, and "
             "a coordinator sees the reports of his KPAs only.")

    def _fetch_queries(self, date_from, date_to,
                       get_additional_query_filter=None):
        res = super()._fetch_queries(date_from, date_to,
                                     get_additional_query_filter)
        cumulative = self.query_ids.filtered("kpa_from_start")
        if cumulative:
            start = super()._fetch_queries(FROM_START, date_to,
                                           get_additional_query_filter)
            for query in cumulative:
                res[query.name] = start[query.name]
        return res
