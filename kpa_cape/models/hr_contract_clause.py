# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The clauses of a CAPE (the content Code de commerce R127-1 requires in
the written contract), copied from its template when it is written."""
from odoo import api, fields, models

from .kpa_cape_template import REPORTING_FREQUENCIES, THIRD_PARTY_BEARERS


class HrContract(models.Model):
    _inherit = "hr.contract"

    kpa_template_id = fields.Many2one(
        "kpa.cape.template", string="CAPE template", ondelete="restrict",
        track_visibility="onchange",
        help="The clauses the CAPE started from. The CAPE keeps its own "
             "copy: editing the template later changes no CAPE.")
    kpa_activity = fields.Text(
        string="Activity tested", track_visibility="onchange")
    kpa_programme = fields.Text(
        string="Preparation programme", track_visibility="onchange")
    kpa_commitments_before = fields.Text(
        string="Commitments before the activity starts",
        track_visibility="onchange")
    kpa_commitments_after = fields.Text(
        string="Commitments after the activity starts",
        track_visibility="onchange")
    kpa_means = fields.Text(
        string="Means provided", track_visibility="onchange")
    kpa_fee = fields.Monetary(
        string="Fee paid to the CAE", track_visibility="onchange",
        help="Fixed amount, if any, on top of the KPA's share of revenue.")
    kpa_fee_terms = fields.Char(
        string="Fee terms", track_visibility="onchange")
    kpa_third_party_nature = fields.Text(
        string="Commitments to third parties", track_visibility="onchange")
    kpa_third_party_max = fields.Monetary(
        string="Maximum amount of commitments", track_visibility="onchange")
    kpa_third_party_bearer = fields.Selection(
        THIRD_PARTY_BEARERS, string="Commitments borne by",
        track_visibility="onchange")
    kpa_reporting_frequency = fields.Selection(
        REPORTING_FREQUENCIES, string="Reporting frequency",
        track_visibility="onchange",
        help="How often the beneficiary reports their accounting data.")
    kpa_reporting_terms = fields.Text(
        string="How accounting data are reported",
        track_visibility="onchange")
    kpa_termination_terms = fields.Text(
        string="Early termination", track_visibility="onchange")
    kpa_remuneration_terms = fields.Text(
        string="Remuneration terms", track_visibility="onchange")
    kpa_contribution_terms = fields.Text(
        string="Repayment of social contributions",
        track_visibility="onchange")

    @api.model
    def _kpa_default_template(self, company):
        return self.env["kpa.cape.template"]._default_for_company(
            company or self.env.user.company_id)

    @api.onchange("kpa_is_cape", "kpa_template_id")
    def _onchange_kpa_template_id(self):
        """A draft CAPE takes the clauses of its template (the company's
        default one to start with); a plain contract takes none."""
        if not self.kpa_is_cape or self.state not in (False, "draft"):
            return
        if not self.kpa_template_id:
            self.kpa_template_id = self._kpa_default_template(
                self.kpa_id.company_id or self.company_id)
        if self.kpa_template_id:
            self.update(self.kpa_template_id._clause_values())

    @api.model
    def _kpa_prepare_cape_vals(self, vals):
        """A new CAPE copies the clauses of its template that the caller
        did not write."""
        vals = super()._kpa_prepare_cape_vals(vals)
        template = self.env["kpa.cape.template"].browse(
            vals.get("kpa_template_id"))
        if not template:
            template = self._kpa_default_template(
                self.env["res.company"].browse(vals.get("company_id")))
        if template:
            vals["kpa_template_id"] = template.id
            for name, value in template._clause_values().items():
                vals.setdefault(name, value)
        return vals
