# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class KpaCashedReport(models.Model):
    """Money clients have actually paid on a KPA's invoices, untaxed.

    One row per reconciliation between a KPA customer invoice (or refund)
    and a bank or cash payment: a 1 200 € payment of a 1 000 € + 20 % VAT
    invoice counts 1 000 €. A refund paid back to the client counts
    negative; a refund set against an invoice moves no money and counts
    nothing. The pot of the weekly remuneration is built on these rows.
    """

    _name = "kpa.cashed.report"
    _description = "KPA cashed revenue"
    _auto = False
    _order = "date desc"

    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    invoice_id = fields.Many2one("account.invoice", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client",
                                 readonly=True)
    date = fields.Date(string="Paid on", readonly=True)
    amount_cashed = fields.Float(string="Cashed (untaxed)", readonly=True,
                                 digits=(16, 2))
    amount_paid = fields.Float(string="Paid (taxes included)", readonly=True,
                               digits=(16, 2))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Two indexed joins (the invoice on the debit side, or on the credit
        # side of the reconciliation) instead of one OR join: the pot sums
        # these rows for thousands of invoices.
        side = """
            SELECT
                apr.id * 2 + %(offset)s AS id,
                inv.kpa_id AS kpa_id,
                inv.company_id AS company_id,
                inv.id AS invoice_id,
                inv.commercial_partner_id AS partner_id,
                pay_line.date AS date,
                %(sign)s * apr.amount AS amount_paid,
                ROUND(%(sign)s * apr.amount * inv.amount_untaxed
                      / NULLIF(inv.amount_total, 0), 2) AS amount_cashed
            FROM account_partial_reconcile apr
            JOIN account_move_line inv_line ON inv_line.id = apr.%(inv)s
            JOIN account_invoice inv
                ON inv.move_id = inv_line.move_id
                AND inv.kpa_id IS NOT NULL
                AND inv.type = '%(type)s'
            JOIN account_account acc
                ON acc.id = inv_line.account_id
                AND acc.internal_type = 'receivable'
            JOIN account_move_line pay_line ON pay_line.id = apr.%(pay)s
            JOIN account_journal pay_journal
                ON pay_journal.id = pay_line.journal_id
                AND pay_journal.type IN ('bank', 'cash')
        """
        # An invoice is paid on the debit side of its receivable line; a
        # refund is paid back on its credit side.
        self.env.cr.execute("CREATE VIEW %s AS (%s UNION ALL %s)" % (
            self._table,
            side % {"offset": 0, "sign": 1, "inv": "debit_move_id",
                    "pay": "credit_move_id", "type": "out_invoice"},
            side % {"offset": 1, "sign": -1, "inv": "credit_move_id",
                    "pay": "debit_move_id", "type": "out_refund"}))
