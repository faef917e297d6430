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
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT
                    apr.id AS id,
                    inv.kpa_id AS kpa_id,
                    inv.company_id AS company_id,
                    inv.id AS invoice_id,
                    inv.commercial_partner_id AS partner_id,
                    pay_line.date AS date,
                    sign.value * apr.amount AS amount_paid,
                    ROUND(sign.value * apr.amount * inv.amount_untaxed
                          / NULLIF(inv.amount_total, 0), 2) AS amount_cashed
                FROM account_partial_reconcile apr
                JOIN account_move_line inv_line
                    ON inv_line.id IN (apr.debit_move_id, apr.credit_move_id)
                JOIN account_invoice inv
                    ON inv.move_id = inv_line.move_id
                    AND inv.kpa_id IS NOT NULL
                    AND inv.type IN ('out_invoice', 'out_refund')
                JOIN account_account acc
                    ON acc.id = inv_line.account_id
                    AND acc.internal_type = 'receivable'
                JOIN account_move_line pay_line
                    ON pay_line.id = CASE
                        WHEN apr.debit_move_id = inv_line.id
                        THEN apr.credit_move_id ELSE apr.debit_move_id END
                JOIN account_journal pay_journal
                    ON pay_journal.id = pay_line.journal_id
                    AND pay_journal.type IN ('bank', 'cash')
                CROSS JOIN LATERAL (
                    SELECT CASE WHEN inv.type = 'out_refund'
                                THEN -1 ELSE 1 END AS value) sign
            )""" % self._table)
