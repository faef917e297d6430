# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class KpaQuoteAccept(models.TransientModel):
    """Records that the client accepted a KPA quote (signed on paper, said
    yes by email...): who and when. Only the KPA's coordinators."""

    _name = "kpa.quote.accept"
    _description = "Record a client's acceptance of a quote"

    order_id = fields.Many2one(
        "sale.order", string="Quote", required=True, readonly=True,
        ondelete="cascade",
        default=lambda self: self._default_order())
    name = fields.Char(
        string="Accepted by", required=True,
        help="The person who accepted the quote for the client.")
    date = fields.Date(
        string="Accepted on", required=True,
        default=fields.Date.context_today)

    @api.model
    def _default_order(self):
        if self.env.context.get("active_model") == "sale.order":
            return self.env.context.get("active_id")
        return False

    @api.model
    def create(self, vals):
        wizard = super().create(vals)
        # A wizard has no record rules: it refuses a quote its user may
        # not accept.
        wizard.order_id._kpa_check_can_record_acceptance()
        return wizard

    def action_accept(self):
        self.ensure_one()
        order = self.order_id
        order._kpa_check_can_record_acceptance()
        today = fields.Date.context_today(self)
        if self.date > today:
            raise UserError(_("The acceptance date cannot be in the "
                              "future."))
        # Noon: the day stays the same in every time zone of the CAE.
        order._kpa_accept(self.name, "%s 12:00:00" % self.date)
        return {"type": "ir.actions.act_window_close"}
