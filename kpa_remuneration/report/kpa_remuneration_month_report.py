# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class KpaRemunerationMonthReport(models.Model):
    """The pot per KPA and month: cashed, CAE contribution, reserve,
    expenses, distributed (net and charges) and what is left; the net the
    payroll really paid and the net social amount, once its figures are
    imported.

    Money in comes from the KPA treasury view (by payment date); money out
    from validated declarations (by the week's Sunday). Shares use the KPA's
    current rates.
    """

    _name = "kpa.remuneration.month.report"
    _description = "KPA pot per month"
    _auto = False
    _order = "month desc, kpa_id"

    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    month = fields.Date(readonly=True)
    amount_cashed = fields.Float(string="Cashed", readonly=True)
    amount_contribution = fields.Float(string="CAE contribution",
                                       readonly=True)
    amount_reserve = fields.Float(string="Reserve", readonly=True)
    amount_expenses = fields.Float(string="Expenses", readonly=True)
    amount_net = fields.Float(string="Distributed (net)", readonly=True)
    amount_charges = fields.Float(string="Distributed (charges)",
                                  readonly=True)
    amount_cost = fields.Float(string="Distributed (cost)", readonly=True)
    amount_left = fields.Float(string="Left in the pot", readonly=True)
    # The payroll's real figures, once imported (kpa.payroll.export).
    amount_net_paid = fields.Float(string="Net paid (payroll)",
                                   readonly=True)
    amount_net_social = fields.Float(string="Net social amount (payroll)",
                                     readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kpa_remuneration_month_report AS (
                SELECT row_number() OVER () AS id, money.* FROM (
                    SELECT t.kpa_id, k.company_id,
                        date_trunc('month', t.date)::date AS month,
                        t.cashed AS amount_cashed,
                        t.cashed * k.contribution_rate AS amount_contribution,
                        t.cashed * k.reserve_rate AS amount_reserve,
                        t.spent AS amount_expenses,
                        0.0 AS amount_net, 0.0 AS amount_charges,
                        0.0 AS amount_cost,
                        t.cashed * (1 - k.contribution_rate - k.reserve_rate)
                            - t.spent AS amount_left,
                        0.0 AS amount_net_paid, 0.0 AS amount_net_social
                    FROM (
                        SELECT kpa_id, date,
                            CASE WHEN kind = 'revenue'
                                 THEN amount_cashed ELSE 0 END AS cashed,
                            CASE WHEN kind = 'expense'
                                 THEN amount_cashed ELSE 0 END AS spent
                        FROM kpa_cashed_report) t
                    JOIN kpa_cooperative k ON k.id = t.kpa_id
                    UNION ALL
                    SELECT p.kpa_id, k.company_id,
                        date_trunc('month', p.date_end)::date,
                        0.0, 0.0, 0.0, 0.0,
                        d.amount_net, d.amount_cost - d.amount_net,
                        d.amount_cost, -d.amount_cost, 0.0, 0.0
                    FROM kpa_remuneration_declaration d
                    JOIN kpa_remuneration_period p ON p.id = d.period_id
                    JOIN kpa_cooperative k ON k.id = p.kpa_id
                    WHERE d.state = 'validated'
                    UNION ALL
                    SELECT l.kpa_id, k.company_id,
                        date_trunc('month', e.month)::date,
                        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                        l.real_net_paid, l.real_net_social
                    FROM kpa_payroll_export_line l
                    JOIN kpa_payroll_export e ON e.id = l.export_id
                    JOIN kpa_cooperative k ON k.id = l.kpa_id
                    WHERE e.state = 'imported'
                ) money
            )""")
