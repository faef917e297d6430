# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The books and the pot say the same thing (issue 20): the contribution
and the reserve booked at each payment (kpa_cooperative) add up, on each
Sunday, to the week's pot, to the cent."""
from .common import RemunerationCase


class TestContributionBooks(RemunerationCase):

    def _booked(self, day):
        entries = self.env["account.move"].search([
            ("kpa_contribution_kpa_id", "=", self.kpa_a.id),
            ("state", "=", "posted"), ("date", "<=", day)])
        return (round(sum(entries.mapped("kpa_contribution_amount")), 2),
                round(sum(entries.mapped("kpa_reserve_amount")), 2))

    def _week(self, monday):
        return self.Period._kpa_get_week(self.kpa_a, monday)

    def test_each_sunday_the_books_hold_the_pot(self):
        # 33.33 cashed three times, in two weeks: 6.67 then 10.00 at 10 %.
        task = self.env["project.task"].create({
            "name": "Atelier", "partner_id": self.client.id,
            "project_id": self.kpa_a.project_id.id, "kpa_amount": 99.99})
        invoice = self._invoice(task)
        invoice.invoice_line_ids.write({"invoice_line_tax_ids": [(5,)]})
        invoice.compute_taxes()
        invoice.action_invoice_open()
        for day in ("2026-03-17", "2026-03-19", "2026-03-24"):
            self._pay(invoice, amount=33.33, date=day)
        self._cash_a(date="2026-03-25")
        for monday in ("2026-03-16", "2026-03-23"):
            week = self._week(monday)
            self.assertEqual(
                self._booked(week.date_end),
                (week.amount_contribution, week.amount_reserve), monday)
        self.assertEqual(self._booked("2026-03-22"), (6.67, 3.33))
        self.assertEqual(self._booked("2026-03-29"), (110.0, 55.0))
