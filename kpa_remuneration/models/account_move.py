# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.kpa_cooperative.services.trust import is_trusted


class AccountMove(models.Model):
    """A validated week's pay entry is undone with the week only: Odoo's
    own "reverse" and "cancel" buttons would leave the week "validated"
    with no entry behind it."""

    _inherit = "account.move"

    def _kpa_check_not_pay_entry(self):
        if is_trusted(self) or not self.ids:
            return
        period = self.env["kpa.remuneration.period"].sudo().search(
            [("move_id", "in", self.ids)], limit=1)
        if period:
            raise UserError(_(
                "This entry is the pay of the %s of %s: undo the week's "
                "validation instead (CAE managers), which reverses it.") % (
                period.name, period.kpa_id.name))

    @api.multi
    def reverse_moves(self, date=None, journal_id=None):
        self._kpa_check_not_pay_entry()
        return super().reverse_moves(date=date, journal_id=journal_id)

    @api.multi
    def button_cancel(self):
        self._kpa_check_not_pay_entry()
        return super().button_cancel()

    @api.multi
    def unlink(self):
        self._kpa_check_not_pay_entry()
        return super().unlink()

    @api.model
    def _kpa_pay_entries_action(self):
        """The accountant's list of the weeks' pay entries (the journal of
        each company's KPA pay)."""
        action = self.env.ref("kpa_cooperative.account_move_action").read()[0]
        journals = self.env["res.company"].sudo().search([]).mapped(
            "kpa_remuneration_journal_id")
        name = _("Pay entries")
        action.update({
            "name": name,
            "display_name": name,  # what the web client shows
            "domain": [("journal_id", "in", journals.ids)],
            "views": [
                (self.env.ref(
                    "kpa_remuneration.account_move_view_tree_pay").id, "tree"),
                (self.env.ref(
                    "kpa_remuneration.account_move_view_form_pay").id, "form")],
        })
        return action
