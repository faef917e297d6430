# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
import re

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.kpa_cooperative.services.formatting import fmt_hours

MONTH_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class ReportRemunerationStatement(models.AbstractModel):
    """A member's validated remuneration of a month (for CAF or France
    Travail): one line per week, paid on its Sunday.

    Whoever asks (the portal, Odoo's generic ``/report/...`` routes, an
    RPC call), the statement is given only to the person, a coordinator of
    one of their KPAs, the CAE (manager) and its accountant; server code
    that already checked (the member's own portal page) renders it as
    superuser."""

    _name = "report.kpa_remuneration.report_statement"
    _description = "Monthly remuneration statement"

    @api.model
    def _kpa_check_statement_access(self, partners):
        """Raise AccessError unless the user may read the pay of every one
        of ``partners``."""
        if self.env.uid == SUPERUSER_ID:
            return
        user = self.env.user
        if user.has_group("kpa_cooperative.group_kpa_manager") \
                or user.has_group("account.group_account_manager"):
            return
        Membership = self.env["kpa.membership"]
        for partner in partners:
            if partner == user.partner_id:
                continue
            coordinators = Membership._kpa_known_kpas(partner).sudo() \
                .mapped("coordinator_ids")
            if user in coordinators:
                continue
            raise AccessError(_(
                "This remuneration statement is not yours: only the person, "
                "the coordinators of their KPA and the CAE may read it."))

    @api.model
    def get_report_values(self, docids, data=None):
        month = (data or {}).get("month")
        if not isinstance(month, str) or not MONTH_PATTERN.match(month):
            month = fields.Date.context_today(self)[:7]
        year, number = int(month[:4]), int(month[5:7])
        first = "%s-01" % month
        last = "%s-%02d" % (month, calendar.monthrange(year, number)[1])
        partners = self.env["res.partner"].browse(docids).exists()
        self._kpa_check_statement_access(partners)
        # Checked above: the person's own lines, read as superuser (the
        # weeks and KPAs are not the member's to browse).
        partners = partners.sudo()
        declarations = self.env["kpa.remuneration.declaration"].sudo().search([
            ("partner_id", "in", partners.ids), ("state", "=", "validated"),
            ("period_id.date_end", ">=", first),
            ("period_id.date_end", "<=", last)], order="date_start")
        # What the CAE's payroll really paid that month (its figures
        # imported): what CAF and France Travail compare against.
        payroll = self.env["kpa.payroll.export.line"].sudo().search([
            ("partner_id", "in", partners.ids),
            ("export_id.state", "=", "imported"),
            ("export_id.month", ">=", first),
            ("export_id.month", "<=", last)])
        return {
            "doc_ids": docids,
            "payroll": {partner.id: payroll.filtered(
                lambda l, p=partner: l.partner_id == p)
                for partner in partners},
            "doc_model": "res.partner",
            "docs": partners,
            "month": "%02d/%d" % (number, year),
            "lines": {partner.id: declarations.filtered(
                lambda d, p=partner: d.partner_id == p)
                for partner in partners},
            "company": self.env.user.company_id.sudo(),
            # Hours as on the member's pages: "4 h 30".
            "fmt_hours": fmt_hours,
        }
