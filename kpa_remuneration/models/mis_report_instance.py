# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from babel.dates import format_date

from odoo import _, api, fields, models

DASHBOARD = "kpa_remuneration.mis_report_kpa_dashboard"
# The columns of a dashboard: the month before last, last month, this one.
MONTH_OFFSETS = (-2, -1, 0)


class MisReportInstance(models.Model):
    """A KPA dashboard: the report of one KPA, or of every KPA of the CAE
    when ``kpa_id`` is empty. Coordinators read their KPAs' ones only
    (security/kpa_remuneration_security.xml)."""

    _inherit = "mis.report.instance"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", index=True, ondelete="cascade",
        help="Empty: every KPA of the CAE.")
    kpa_dashboard = fields.Boolean(related="report_id.kpa_dashboard",
                                   readonly=True)

    @api.model
    def _kpa_is_accountant(self):
        user = self.env.user
        return user.has_group("account.group_account_manager") \
            or user.has_group("kpa_cooperative.group_kpa_manager")

    @api.model
    def _kpa_period_values(self):
        names = {-2: _("Month before last"), -1: _("Last month"),
                 0: _("This month")}
        return [(0, 0, {"name": names[offset], "mode": "relative",
                        "type": "m", "offset": offset, "duration": 1,
                        "sequence": index})
                for index, offset in enumerate(MONTH_OFFSETS)]

    @api.model
    def _kpa_dashboards(self, kpas, whole_cae=False):
        """The dashboard of each of ``kpas`` (and of the whole CAE), made
        when missing. The caller checks that the user may see them."""
        report = self.env.ref(DASHBOARD)
        Instance = self.sudo().with_context(active_test=False)
        targets = [(kpa, kpa.company_id) for kpa in kpas]
        if whole_cae:
            targets.insert(0, (self.env["kpa.cooperative"],
                               self.env.user.company_id))
        instances = self.browse()
        for kpa, company in targets:
            instance = Instance.search([
                ("report_id", "=", report.id), ("kpa_id", "=", kpa.id),
                ("company_id", "=", company.id),
                ("temporary", "=", False)], limit=1)
            if not instance:
                instance = Instance.create({
                    "name": (_("Dashboard of %s") % kpa.name) if kpa
                    else _("Dashboard of the whole CAE"),
                    "report_id": report.id,
                    "kpa_id": kpa.id,
                    "company_id": company.id,
                    "display_columns_description": True,
                    "period_ids": self._kpa_period_values(),
                })
            instances |= instance
        return self.browse(instances.ids)

    @api.model
    def _kpa_dashboard_action(self):
        """The menu "Dashboard": the accountant gets the list of every
        KPA's dashboard and the CAE's; a coordinator his KPA's dashboard
        (the list when he has several)."""
        accountant = self._kpa_is_accountant()
        KPA = self.env["kpa.cooperative"]
        domain = [] if accountant else [
            ("coordinator_ids", "in", self.env.user.id)]
        kpas = KPA.search(domain, order="name")
        instances = self._kpa_dashboards(kpas, whole_cae=accountant)
        if len(instances) == 1:
            return instances.preview()
        action = self.env.ref(
            "kpa_remuneration.mis_report_instance_action_kpa").read()[0]
        action["domain"] = [("id", "in", instances.ids)]
        return action

    def _add_column(self, aep, kpi_matrix, period, label, description):
        # A dashboard's column says which month it is ("novembre 2026"),
        # under its relative name ("Mois dernier").
        if self.kpa_dashboard and period.type == "m" \
                and period.duration == 1 and period.date_from:
            description = format_date(
                fields.Date.from_string(period.date_from), "LLLL yyyy",
                locale=self.env.lang or "en_US")
        return super()._add_column(aep, kpi_matrix, period, label,
                                   description)
