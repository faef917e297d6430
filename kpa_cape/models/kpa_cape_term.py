# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kpa_cooperative.services.trust import is_trusted


class KpaCapeTerm(models.Model):
    """One term of a CAPE: the first one, then each renewal (at most two).

    The history stays: the renewal amendment is printed from its term.
    """

    _name = "kpa.cape.term"
    _inherit = ["kpa.guard.mixin"]
    _description = "CAPE term"
    _order = "contract_id, number"
    _rec_name = "number"

    contract_id = fields.Many2one(
        "hr.contract", string="CAPE", required=True, ondelete="cascade",
        index=True)
    kpa_id = fields.Many2one(related="contract_id.kpa_id", store=True,
                             readonly=True)
    partner_id = fields.Many2one(related="contract_id.kpa_partner_id",
                                 store=True, readonly=True)
    number = fields.Integer(
        required=True, default=0,
        help="0 for the first term, then 1 and 2 for the renewals.")
    kind = fields.Selection([
        ("initial", "Initial term"),
        ("renewal", "Renewal"),
    ], required=True, default="initial")
    date_start = fields.Date(required=True)
    date_end = fields.Date(required=True)
    date_signed = fields.Date(string="Signed on")
    signed_by_id = fields.Many2one("res.users", string="Signed by")

    _sql_constraints = [
        ("number_uniq", "unique(contract_id, number)",
         "A CAPE has one term of each number."),
    ]

    def _kpa_frozen(self):
        """Terms are what was signed: the CAPE's actions write them."""
        return self

    def _kpa_frozen_message(self, record):  # pylint: disable=W0613
        return _("The terms of a CAPE change through its actions only "
                 "(sign, renew, end).")

    @api.model
    def create(self, vals):
        if not is_trusted(self):
            raise UserError(self._kpa_frozen_message(self))
        return super().create(vals)

    def name_get(self):
        return [(term.id, "%s #%d" % (term.contract_id.name, term.number))
                for term in self]

    def action_print_amendment(self):
        """The renewal amendment (avenant) of this term."""
        return self.env.ref("kpa_cape.kpa_cape_term_report_amendment") \
            .report_action(self)
