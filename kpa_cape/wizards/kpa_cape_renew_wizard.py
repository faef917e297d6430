# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..services import cape_rules as rules


class KpaCapeRenewWizard(models.TransientModel):
    """Renewing a CAPE: a new term of up to 12 months after the current
    end (12 by default; shorter when the project needs less)."""

    _name = "kpa.cape.renew.wizard"
    _description = "Renew a CAPE"

    contract_id = fields.Many2one(
        "hr.contract", string="CAPE", required=True, ondelete="cascade",
        domain=[("kpa_is_cape", "=", True)])
    date_start = fields.Date(string="New term from",
                             compute="_compute_date_start")
    date_end = fields.Date(string="New term until", required=True)
    renewals_left = fields.Integer(related="contract_id.kpa_renewals_left",
                                   readonly=True)

    @api.depends("contract_id")
    def _compute_date_start(self):
        for wizard in self:
            if wizard.contract_id.date_end:
                start, _end = rules.renewal_term(fields.Date.from_string(
                    wizard.contract_id.date_end))
                wizard.date_start = fields.Date.to_string(start)

    @api.model
    def default_get(self, field_names):
        values = super().default_get(field_names)
        contract = self.env["hr.contract"].browse(
            values.get("contract_id")
            or self.env.context.get("default_contract_id"))
        if contract.date_end and "date_end" in field_names:
            _start, end = rules.renewal_term(
                fields.Date.from_string(contract.date_end))
            values["date_end"] = fields.Date.to_string(end)
        return values

    def action_renew(self):
        self.ensure_one()
        self.contract_id.action_kpa_renew(date_end=self.date_end)
        return {"type": "ir.actions.act_window_close"}
