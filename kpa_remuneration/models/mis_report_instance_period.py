# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MisReportInstancePeriod(models.Model):
    """The columns of a KPA dashboard read the journal items and the rows
    of the queries of its KPA only, or of every KPA for the whole CAE;
    drill-downs get the same filter."""

    _inherit = "mis.report.instance.period"

    def _kpa_filter(self):
        instance = self.report_instance_id
        if not instance.report_id.kpa_dashboard:
            return []
        if instance.kpa_id:
            return [("kpa_id", "=", instance.kpa_id.id)]
        return [("kpa_id", "!=", False)]

    def _get_additional_move_line_filter(self):
        return super()._get_additional_move_line_filter() + self._kpa_filter()

    def _get_additional_query_filter(self, query):
        domain = super()._get_additional_query_filter(query)
        if "kpa_id" in self.env[query.model_id.model]._fields:
            domain = domain + self._kpa_filter()
        return domain
