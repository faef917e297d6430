# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class KpaCashedReport(models.Model):
    """Money that actually came in or went out for a KPA, untaxed.

    One row per reconciliation between a KPA invoice, bill or refund and a
    bank or cash payment. Revenue: a 1 200 € payment of a 1 000 € + 20 % VAT
    invoice counts 1 000 €; a refund paid back to the client counts
    negative; a refund set against an invoice moves no money and counts
    nothing. Expenses: the same for the KPA's vendor bills. The pot of the
    weekly remuneration is built on these rows.
    """

    _name = "kpa.cashed.report"
    _description = "KPA cashed revenue"
    _auto = False
    _order = "date desc"

    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", readonly=True)
    kind = fields.Selection([("revenue", "Revenue"), ("expense", "Expense")],
                            readonly=True)
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
                apr.id * 4 + %(offset)s AS id,
                inv.kpa_id AS kpa_id,
                '%(kind)s'::varchar AS kind,
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
                AND acc.internal_type = '%(account)s'
            JOIN account_move_line pay_line ON pay_line.id = apr.%(pay)s
            JOIN account_journal pay_journal
                ON pay_journal.id = pay_line.journal_id
                AND pay_journal.type IN ('bank', 'cash')
        """
        # An invoice is paid on the debit side of its receivable line, a
        # refund paid back on its credit side; the other way for bills.
        sides = [
            {"offset": 0, "sign": 1, "inv": "debit_move_id",
             "pay": "credit_move_id", "type": "out_invoice",
             "kind": "revenue", "account": "receivable"},
            {"offset": 1, "sign": -1, "inv": "credit_move_id",
             "pay": "debit_move_id", "type": "out_refund",
             "kind": "revenue", "account": "receivable"},
            {"offset": 2, "sign": 1, "inv": "credit_move_id",
             "pay": "debit_move_id", "type": "in_invoice",
             "kind": "expense", "account": "payable"},
            {"offset": 3, "sign": -1, "inv": "debit_move_id",
             "pay": "credit_move_id", "type": "in_refund",
             "kind": "expense", "account": "payable"},
        ]
        # Only constants of this file go into the query, no user input.
        query = "CREATE VIEW {} AS ({})".format(
            self._table, " UNION ALL ".join(side % v for v in sides))
        self.env.cr.execute(query)  # pylint: disable=sql-injection
