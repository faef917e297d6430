# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.kpa_cooperative.services.formatting import (
    fmt_hours, fmt_percent)


class ReportCapeAgreement(models.AbstractModel):
    """The written CAPE: the contracts as the user reads them (their access
    rules apply), with the French formatters of rates and hours."""

    _name = "report.kpa_cape.report_cape_agreement"
    _description = "CAPE agreement"

    @api.model
    def get_report_values(self, docids, data=None):
        del data  # the contracts say it all
        return {
            "doc_ids": docids,
            "doc_model": "hr.contract",
            "docs": self.env["hr.contract"].browse(docids),
            # Rates and hours as French write them: "10 %", "12 h 30".
            "fmt_percent": fmt_percent,
            "fmt_hours": fmt_hours,
        }
