# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.kpa_cooperative.services.trust import is_trusted

from .kpa_remuneration_rate_profile import DEFAULT_KIND, RATE_KINDS

# Who sets the kind of a contract for the rates: those who edit the rates.
RATE_GROUPS = ("kpa_cooperative.group_kpa_manager",
               "account.group_account_manager")


class HrContract(models.Model):
    _inherit = "hr.contract"

    kpa_rate_kind = fields.Selection(
        RATE_KINDS, string="Kind of contract for the rates", required=True,
        default=DEFAULT_KIND, copy=False, track_visibility="onchange",
        help="The rate profile of this kind in force each week gives the "
             "employee and employer shares of the member's pay. Set by the "
             "CAE manager or the accountant (an ACRE, for instance, is "
             "granted to the member, not chosen by the KPA).")

    def _kpa_check_rate_kind_rights(self):
        if self.env.uid == SUPERUSER_ID or is_trusted(self) or any(
                self.env.user.has_group(group) for group in RATE_GROUPS):
            return
        raise AccessError(_(
            "Only the CAE manager or the accountant sets the kind of "
            "contract that gives a member's contribution rates."))

    @api.model
    def create(self, vals):
        if vals.get("kpa_rate_kind", DEFAULT_KIND) != DEFAULT_KIND:
            self._kpa_check_rate_kind_rights()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "kpa_rate_kind" in vals and any(
                contract.kpa_rate_kind != vals["kpa_rate_kind"]
                for contract in self.sudo()):
            self._kpa_check_rate_kind_rights()
        return super().write(vals)
