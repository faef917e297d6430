# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KpaPayrollExportLine(models.Model):
    """One person's validated pay of the month in one KPA: the estimates
    the weeks stored, then the payroll provider's real figures."""

    _name = "kpa.payroll.export.line"
    _description = "Payroll hand-off line"
    _order = "export_id, reference"

    export_id = fields.Many2one("kpa.payroll.export", string="Payroll export",
                                required=True, index=True, ondelete="cascade",
                                readonly=True)
    company_id = fields.Many2one(related="export_id.company_id", store=True,
                                 readonly=True)
    currency_id = fields.Many2one(related="export_id.currency_id",
                                  readonly=True)
    reference = fields.Char(
        required=True, readonly=True,
        help="The key of the line in the exported file: the provider's "
             "file gives it back on each line.")
    partner_id = fields.Many2one("res.partner", string="Member",
                                 required=True, readonly=True,
                                 ondelete="restrict")
    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", required=True,
                             readonly=True, index=True, ondelete="restrict")
    contract_id = fields.Many2one("hr.contract", string="CAPE", readonly=True,
                                  ondelete="restrict")
    declaration_ids = fields.Many2many(
        "kpa.remuneration.declaration", "kpa_payroll_export_line_decl_rel",
        "line_id", "declaration_id", string="Declarations", readonly=True)
    weeks = fields.Integer(readonly=True)
    hours = fields.Float(digits=(6, 2), readonly=True)
    amount_net = fields.Monetary(string="Net asked", readonly=True)
    amount_gross = fields.Monetary(string="Gross (estimate)", readonly=True)
    amount_employer = fields.Monetary(string="Employer charges (estimate)",
                                      readonly=True)
    real_gross = fields.Monetary(string="Gross (payroll)", readonly=True)
    real_employer = fields.Monetary(string="Employer charges (payroll)",
                                    readonly=True)
    real_net_paid = fields.Monetary(string="Net paid", readonly=True)
    real_net_social = fields.Monetary(string="Net social amount",
                                      readonly=True)
    real_withholding = fields.Monetary(string="Income tax withheld",
                                       readonly=True)
    amount_difference = fields.Monetary(
        string="Difference (cost)", compute="_compute_difference",
        store=True, readonly=True,
        help="Real cost (gross and employer charges from the payroll) minus "
             "the estimated cost: what the KPA's pot gives or gets back the "
             "week after the import.")

    @api.depends("export_id.state", "real_gross", "real_employer",
                 "amount_gross", "amount_employer")
    def _compute_difference(self):
        for line in self:
            if line.export_id.state == "imported":
                line.amount_difference = round(
                    line.real_gross + line.real_employer
                    - line.amount_gross - line.amount_employer, 2)
            else:
                line.amount_difference = 0.0
