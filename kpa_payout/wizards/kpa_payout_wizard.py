# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.kpa_cooperative.services.formatting import fmt_money


def _last_week():
    """(Monday, Sunday) of last week, as text."""
    today = datetime.date.today()
    monday = today - datetime.timedelta(days=today.weekday() + 7)
    return (fields.Date.to_string(monday),
            fields.Date.to_string(monday + datetime.timedelta(days=6)))


class KpaPayoutWizard(models.TransientModel):
    """"Payer les paies": one SEPA credit transfer order for the net pay
    of the weeks validated between two dates that is still owed (421 not
    paid off), one line per member and week."""

    _name = "kpa.payout.wizard"
    _description = "Pay out the net pay"

    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    date_from = fields.Date(
        string="Weeks from", required=True,
        default=lambda self: _last_week()[0],
        help="The weeks whose Sunday falls between these two dates.")
    date_to = fields.Date(string="to", required=True,
                          default=lambda self: _last_week()[1])
    journal_id = fields.Many2one(
        "account.journal", string="Bank account paying",
        domain="[('type', '=', 'bank'), ('company_id', '=', company_id)]",
        default=lambda self: self._default_journal())

    @api.model
    def create(self, vals):
        if not self.env.user.has_group("account.group_account_manager"):
            raise AccessError(_("Only the accountant pays the net pay out."))
        return super().create(vals)

    @api.model
    def _default_journal(self):
        return self.env["account.journal"].search([
            ("type", "=", "bank"),
            ("company_id", "=", self.env.user.company_id.id),
            ("bank_account_id", "!=", False)], limit=1)

    def _kpa_owed_lines(self):
        """The 421 items of the weeks validated between the two dates that
        are not paid off nor in a payment order still running."""
        self.ensure_one()
        periods = self.env["kpa.remuneration.period"].sudo().search([
            ("company_id", "=", self.company_id.id),
            ("state", "=", "validated"), ("move_id", "!=", False),
            ("date_end", ">=", self.date_from),
            ("date_end", "<=", self.date_to)])
        account = self.company_id._kpa_remuneration_accounts()[
            "kpa_net_account_id"]
        lines = self.env["account.move.line"].search([
            ("move_id", "in", periods.mapped("move_id").ids),
            ("account_id", "=", account.id), ("partner_id", "!=", False),
            ("reconciled", "=", False), ("credit", ">", 0)],
            order="date, id")
        return lines.filtered(lambda l: not l.payment_line_ids.filtered(
            lambda p: p.order_id.state != "cancel"))

    @api.multi
    def action_create_order(self):
        """The draft order, its members without IBAN listed on it; the
        accountant checks it, confirms it, makes the file and marks it
        sent (OCA's buttons)."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(_("The first date is after the second one."))
        mode = self.company_id.kpa_payout_mode_id
        if not mode:
            self.company_id._kpa_setup_payout()
            mode = self.company_id.kpa_payout_mode_id
        if not self.journal_id.bank_account_id:
            raise UserError(_(
                "Choose the bank journal that pays, with the CAE's IBAN set "
                "on it (Accounting > Configuration > Bank accounts)."))
        if self.journal_id not in mode.variable_journal_ids:
            mode.sudo().variable_journal_ids = [(4, self.journal_id.id)]
        lines = self._kpa_owed_lines()
        if not lines:
            raise UserError(_(
                "No net pay is owed for the weeks ending between %s and %s: "
                "nothing to transfer.") % (self.date_from, self.date_to))
        missing = [_("%s: %s (%s), no IBAN") % (
            line.partner_id.name, fmt_money(line.credit), line.move_id.ref)
            for line in lines if not line.partner_id.sudo().kpa_bank_id]
        if len(missing) == len(lines):
            raise UserError(_(
                "Nobody to pay: the members owed net pay gave no IBAN yet "
                "(%s).") % "; ".join(missing))
        order = self.env["account.payment.order"].create({
            "payment_mode_id": mode.id,
            "journal_id": self.journal_id.id,
            "company_id": self.company_id.id,
            "date_prefered": "now",
            "kpa_date_from": self.date_from,
            "kpa_date_to": self.date_to,
        })
        for line in lines:
            bank = line.partner_id.sudo().kpa_bank_id
            if not bank:
                continue
            values = line._prepare_payment_line_vals(order)
            values.update(partner_bank_id=bank.id,
                          communication=_("Net pay %s") % line.move_id.ref)
            self.env["account.payment.line"].create(values)
        if missing:
            order.kpa_missing_bank = "\n".join(missing)
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment.order",
            "res_id": order.id,
            "view_mode": "form",
            "target": "current",
        }
