# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import RemunerationCase


class TestMonthReport(RemunerationCase):

    def _month(self, kpa, user=None):
        Report = self.env["kpa.remuneration.month.report"]
        if user:
            Report = Report.sudo(user)
        rows = Report.search([("kpa_id", "=", kpa.id),
                              ("month", "=", "2026-03-01")])
        fields = ("amount_cashed", "amount_contribution", "amount_reserve",
                  "amount_expenses", "amount_net", "amount_charges",
                  "amount_cost", "amount_left")
        return {name: round(sum(rows.mapped(name)), 2) for name in fields}

    def test_the_pot_of_a_month(self):
        self._cash_a()
        self.declare(self.partner_a, 390)
        self.week_a.action_validate()
        self.assertEqual(self._month(self.kpa_a), {
            "amount_cashed": 1000.0, "amount_contribution": 100.0,
            "amount_reserve": 50.0, "amount_expenses": 0.0,
            "amount_net": 390.0, "amount_charges": 260.0,
            "amount_cost": 650.0, "amount_left": 200.0})

    def test_a_coordinator_sees_only_own_kpa(self):
        self._cash_a()
        self.assertEqual(self._month(self.kpa_a, self.coordinator_b)
                         ["amount_cashed"], 0.0)
        self.assertEqual(self._month(self.kpa_a, self.coordinator_a)
                         ["amount_cashed"], 1000.0)
        with self.assertRaises(AccessError):
            self.env["kpa.remuneration.month.report"].sudo(
                self.member_user_a).search([])
