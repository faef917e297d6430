# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.kpa_cooperative.models.kpa_membership import EXIT_OUTCOMES


class KpaCapeExitWizard(models.TransientModel):
    """Ending a CAPE: what does the person go on to do?"""

    _name = "kpa.cape.exit.wizard"
    _description = "End a CAPE"

    contract_id = fields.Many2one(
        "hr.contract", string="CAPE", required=True, ondelete="cascade",
        domain=[("kpa_is_cape", "=", True)])
    partner_id = fields.Many2one(related="contract_id.kpa_partner_id",
                                 readonly=True)
    outcome = fields.Selection(
        EXIT_OUTCOMES, required=True,
        help="What the person goes on to do: funders count it.")
    date_exit = fields.Date(
        string="End date", required=True,
        default=fields.Date.context_today)
    leave_kpa = fields.Boolean(
        string="Leaves the KPA", default=True,
        help="Untick when the person stays in the KPA, for example as an "
             "entrepreneur of the CAE under a CESA.")
    note = fields.Text()

    @api.onchange("outcome")
    def _onchange_outcome(self):
        self.leave_kpa = self.outcome != "cae_entrepreneur"

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.contract_id._kpa_exit(
            self.outcome, self.date_exit, self.note, self.leave_kpa)
        return {"type": "ir.actions.act_window_close"}
