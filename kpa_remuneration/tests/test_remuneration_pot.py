# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pot of a week, from real paid invoices and bills."""
from odoo.tools import mute_logger

from .common import MONDAY, RemunerationCase


class TestRemunerationPot(RemunerationCase):

    def _bill(self, amount, date):
        return self._paid_bill(amount, date)

    def test_empty_pot(self):
        self.assertEqual(self.week_a.amount_cashed, 0.0)
        self.assertEqual(self.week_a.amount_available, 0.0)

    def test_invoice_paid_in_full_adds_untaxed_amount(self):
        self._cash_a()
        week = self.week_a
        week.invalidate_cache()
        self.assertEqual(week.amount_cashed, 1000.0)
        self.assertEqual(week.amount_contribution, 100.0)
        self.assertEqual(week.amount_reserve, 50.0)
        self.assertEqual(week.amount_share, 850.0)
        self.assertEqual(week.amount_available, 850.0)
        self.assertIn("850,00", week.pot_explanation)
        # Another KPA's week sees none of it.
        self.assertEqual(self.week_b.amount_cashed, 0.0)

    def test_payment_after_sunday_counts_the_week_after(self):
        self._cash_a(date="2026-03-23")
        self.week_a.invalidate_cache()
        self.assertEqual(self.week_a.amount_cashed, 0.0)
        next_week = self.Period._kpa_get_week(self.kpa_a, "2026-03-25")
        self.assertEqual(next_week.date_start, "2026-03-23")
        self.assertEqual(next_week.amount_cashed, 1000.0)

    def test_expenses_come_off(self):
        self._cash_a()
        self._bill(80.0, "2026-03-21")
        self.week_a.invalidate_cache()
        self.assertEqual(self.week_a.amount_expenses, 80.0)
        self.assertEqual(self.week_a.amount_available, 770.0)

    def test_distributed_counts_earlier_validated_weeks_only(self):
        self._cash_a(date="2026-03-10")
        earlier = self.Period._kpa_get_week(self.kpa_a, "2026-03-10")
        self.declare(self.partner_a, 390, period=earlier)
        earlier.action_validate()
        self.week_a.invalidate_cache()
        self.assertEqual(earlier.amount_distributed, 0.0)
        self.assertEqual(self.week_a.amount_distributed, 650.0)
        self.assertEqual(self.week_a.amount_available, 200.0)

    @mute_logger("odoo.sql_db")  # the database refuses: expected
    def test_week_is_monday_to_sunday_and_unique(self):
        self.assertEqual((self.week_a.date_start, self.week_a.date_end),
                         (MONDAY, "2026-03-22"))
        self.assertEqual(self.Period._kpa_get_week(self.kpa_a, "2026-03-19"),
                         self.week_a)
        with self.assertRaises(Exception), self.cr.savepoint():
            self.Period.create({"kpa_id": self.kpa_a.id,
                                "date_start": MONDAY})
        with self.assertRaises(Exception), self.cr.savepoint():
            self.Period.create({"kpa_id": self.kpa_a.id,
                                "date_start": "2026-03-17",
                                "date_end": "2026-03-23"})

    def test_cron_opens_this_week_for_every_kpa(self):
        self.Period._cron_create_weeks()
        for kpa in (self.kpa_a, self.kpa_b):
            self.assertTrue(self.Period._kpa_get_week(kpa, create=False))

    def test_pot_query_count_does_not_grow(self):
        weeks = self.week_a | self.week_b
        for day in ("2026-02-02", "2026-02-09", "2026-02-16"):
            weeks |= self.Period._kpa_get_week(self.kpa_a, day)
        count = _count_queries(self.cr, weeks._pot_figures)
        single = _count_queries(self.cr, self.week_a._pot_figures)
        self.assertEqual(count, single)

    def test_default_criteria(self):
        self.assertEqual(len(self.kpa_a.remuneration_criterion_ids), 5)
        kpa = self.env["kpa.cooperative"].create({"name": "Gamma",
                                                  "code": "GAMA"})
        self.assertEqual(len(kpa.remuneration_criterion_ids), 5)


def _count_queries(cr, function):
    cr.execute("SELECT 1")  # nothing pending
    for env in list(_envs()):
        env.cache.invalidate()
    before = cr.sql_log_count
    function()
    return cr.sql_log_count - before


def _envs():
    from odoo.api import Environment
    return Environment.envs
