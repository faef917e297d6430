# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountPartialReconcile(models.Model):
    """A KPA client payment matched with its invoice (or a refund paid
    back) books the CAE contribution and the KPA reserve; undoing the match
    (unreconcile, payment cancelled) reverses them (models/
    kpa_contribution.py). Run as superuser: whoever reconciles never writes
    these entries themselves."""

    _inherit = "account.partial.reconcile"

    kpa_contribution_move_ids = fields.One2many(
        "account.move", "kpa_partial_reconcile_id",
        string="Contribution entries", readonly=True)

    @api.model
    def create(self, vals):
        partial = super().create(vals)
        self.env["kpa.contribution"].sudo()._kpa_book_partials(partial)
        return partial

    @api.multi
    def unlink(self):
        booking = self.env["kpa.contribution"].sudo()
        to_catch_up = booking._kpa_undo_partials(self)
        result = super().unlink()
        booking._kpa_catch_up(to_catch_up)
        return result
