# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# States of a payment order whose file went to the bank.
SENT_STATES = ("uploaded", "done")


class KpaRemunerationDeclaration(models.Model):
    """When and to which account a validated net pay was transferred: read
    from the week's journal entry (its 421 line paid off by a SEPA order
    sent to the bank), never stored twice."""

    _inherit = "kpa.remuneration.declaration"

    kpa_paid_date = fields.Date(
        string="Paid on", compute="_compute_kpa_paid", compute_sudo=True)
    kpa_paid_account = fields.Char(
        string="Paid to", compute="_compute_kpa_paid", compute_sudo=True,
        help="The last four digits of the account the net pay went to.")

    @api.depends("state", "period_id.move_id")
    def _compute_kpa_paid(self):
        # As superuser: the member reads their own declaration, not the
        # books; only the date and four digits come out.
        lines = self.sudo()._kpa_net_lines()
        for declaration in self:
            paid = lines.get(declaration.id)
            payment = paid and paid.mapped("payment_line_ids").filtered(
                lambda p: p.order_id.state in SENT_STATES)
            if payment and all(paid.mapped("reconciled")):
                payment = payment.sorted(lambda p: p.order_id.date_uploaded)
                declaration.kpa_paid_date = payment[-1].order_id.date_uploaded
                declaration.kpa_paid_account = \
                    payment[-1].partner_bank_id.kpa_acc_number_masked
            else:
                declaration.kpa_paid_date = False
                declaration.kpa_paid_account = False

    def _kpa_net_lines(self):
        """{declaration id: its 421 journal items}, in one query."""
        validated = self.filtered(
            lambda d: d.state == "validated" and d.period_id.move_id)
        if not validated:
            return {}
        accounts = validated.mapped("company_id.kpa_net_account_id")
        lines = self.env["account.move.line"].search([
            ("move_id", "in", validated.mapped("period_id.move_id").ids),
            ("account_id", "in", accounts.ids),
            ("partner_id", "in", validated.mapped("partner_id").ids)])
        result = {}
        for declaration in validated:
            result[declaration.id] = lines.filtered(
                lambda l, d=declaration: l.move_id == d.period_id.move_id
                and l.partner_id == d.partner_id)
        return result
