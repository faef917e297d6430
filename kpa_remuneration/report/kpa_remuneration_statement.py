# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar

from odoo import api, fields, models


class ReportRemunerationStatement(models.AbstractModel):
    """A member's validated remuneration of a month (for CAF or France
    Travail): one line per week, paid on its Sunday."""

    _name = "report.kpa_remuneration.report_statement"
    _description = "Monthly remuneration statement"

    @api.model
    def get_report_values(self, docids, data=None):
        month = (data or {}).get("month") \
            or fields.Date.context_today(self)[:7]
        year, number = int(month[:4]), int(month[5:7])
        first = "%s-01" % month
        last = "%s-%02d" % (month, calendar.monthrange(year, number)[1])
        partners = self.env["res.partner"].browse(docids)
        declarations = self.env["kpa.remuneration.declaration"].sudo().search([
            ("partner_id", "in", partners.ids), ("state", "=", "validated"),
            ("period_id.date_end", ">=", first),
            ("period_id.date_end", "<=", last)], order="date_start")
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "month": "%02d/%d" % (number, year),
            "lines": {partner.id: declarations.filtered(
                lambda d, p=partner: d.partner_id == p)
                for partner in partners},
            "company": self.env.user.company_id,
        }
