# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The money, to the cent: no database needed."""
import datetime
import unittest
from decimal import Decimal as D

from ..services import pot


class TestPay(unittest.TestCase):

    def test_net_390_at_22_and_30(self):
        self.assertEqual(pot.pay_from_net(D("390"), 0.22, 0.30),
                         (D("500.00"), D("150.00"), D("650.00")))

    def test_zero_net_is_a_zero_payslip(self):
        self.assertEqual(pot.pay_from_net(0, 0.22, 0.30),
                         (D("0.00"), D("0.00"), D("0.00")))

    def test_rounding_half_up_to_the_cent(self):
        # 100 / 0.78 = 128.205... -> 128.21; x 0.30 = 38.463 -> 38.46
        self.assertEqual(pot.pay_from_net(D("100"), 0.22, 0.30),
                         (D("128.21"), D("38.46"), D("166.67")))
        # 0.39 / 0.78 = 0.5 exactly; 0.5 x 0.45 = 0.225 -> 0.23 (half up)
        self.assertEqual(pot.pay_from_net(D("0.39"), 0.22, 0.45),
                         (D("0.50"), D("0.23"), D("0.73")))

    def test_employee_share_of_100_percent_is_refused(self):
        with self.assertRaises(ValueError):
            pot.pay_from_net(10, 1.0, 0.3)


class TestPot(unittest.TestCase):

    def test_available(self):
        figures = pot.pot(D("1000"), 0.10, 0.05, D("100"), D("50"))
        self.assertEqual(figures["contribution"], D("100.00"))
        self.assertEqual(figures["reserve"], D("50.00"))
        self.assertEqual(figures["share"], D("850.00"))
        self.assertEqual(figures["available"], D("700.00"))

    def test_figures_add_up_to_the_cashed_amount(self):
        figures = pot.pot(D("333.33"), 0.10, 0.05, 0, 0)
        # 333.33 x 0.85 = 283.3305 -> 283.33; x 0.10 = 33.333 -> 33.33
        self.assertEqual(figures["share"], D("283.33"))
        self.assertEqual(figures["contribution"], D("33.33"))
        self.assertEqual(figures["reserve"], D("16.67"))
        self.assertEqual(figures["contribution"] + figures["reserve"]
                         + figures["share"], figures["cashed"])

    def test_available_may_go_negative(self):
        figures = pot.pot(0, 0.10, 0.05, D("20"), 0)
        self.assertEqual(figures["available"], D("-20.00"))


class TestWeek(unittest.TestCase):

    def test_monday_to_sunday(self):
        self.assertEqual(pot.week_bounds(datetime.date(2026, 3, 19)),
                         (datetime.date(2026, 3, 16),
                          datetime.date(2026, 3, 22)))
        self.assertEqual(pot.week_bounds(datetime.date(2026, 3, 16))[0],
                         datetime.date(2026, 3, 16))
        self.assertEqual(pot.week_bounds(datetime.date(2026, 3, 22))[0],
                         datetime.date(2026, 3, 16))

    def test_across_a_year(self):
        self.assertEqual(pot.week_bounds(datetime.date(2027, 1, 1)),
                         (datetime.date(2026, 12, 28),
                          datetime.date(2027, 1, 3)))


class TestParseAmount(unittest.TestCase):

    def test_good_amounts(self):
        self.assertEqual(pot.parse_amount("390"), (D("390.00"), None))
        self.assertEqual(pot.parse_amount(" 1 200,5 "), (D("1200.50"), None))
        self.assertEqual(pot.parse_amount("0"), (D("0.00"), None))
        self.assertEqual(pot.parse_amount("12.30 €"), (D("12.30"), None))
        self.assertEqual(pot.parse_amount(42), (D("42.00"), None))

    def test_refusals(self):
        cases = [
            ("", pot.AMOUNT_EMPTY),
            ("   ", pot.AMOUNT_EMPTY),
            ("beaucoup", pot.AMOUNT_NOT_A_NUMBER),
            ("1e5", pot.AMOUNT_NOT_A_NUMBER),
            ("NaN", pot.AMOUNT_NOT_A_NUMBER),
            ("Infinity", pot.AMOUNT_NOT_A_NUMBER),
            ("12,3,4", pot.AMOUNT_NOT_A_NUMBER),
            ("-5", pot.AMOUNT_NEGATIVE),
            ("10.555", pot.AMOUNT_TOO_PRECISE),
            ("100001", pot.AMOUNT_TOO_BIG),
            ("9" * 400, pot.AMOUNT_NOT_A_NUMBER),
            (None, pot.AMOUNT_NOT_A_NUMBER),
            (["12"], pot.AMOUNT_NOT_A_NUMBER),
            (True, pot.AMOUNT_NOT_A_NUMBER),
        ]
        for text, reason in cases:
            self.assertEqual(pot.parse_amount(text), (None, reason), text)

    def test_hours(self):
        self.assertEqual(pot.parse_hours(""), (D("0.00"), None))
        self.assertEqual(pot.parse_hours("7,5"), (D("7.50"), None))
        self.assertEqual(pot.parse_hours("200"), (None, pot.AMOUNT_TOO_BIG))


class TestRunningTotals(unittest.TestCase):
    """The pot of every week from one list of running totals per KPA."""

    ROWS = [(1, "2026-03-02", 100, 0), (1, "2026-03-09", 250, 40),
            (2, "2026-03-02", 7, 1)]

    def test_on_the_day_and_after(self):
        running = pot.running_totals(self.ROWS)
        self.assertEqual(pot.total_up_to(running, 1, "2026-03-09"),
                         [250, 40])
        self.assertEqual(pot.total_up_to(running, 1, "2026-03-15"),
                         [250, 40])
        self.assertEqual(pot.total_up_to(running, 2, "2027-01-01"), [7, 1])

    def test_strictly_before_and_before_anything(self):
        running = pot.running_totals(self.ROWS)
        self.assertEqual(pot.total_up_to(
            running, 1, "2026-03-09", strictly_before=True), [100, 0])
        self.assertEqual(pot.total_up_to(running, 1, "2026-03-01"), [0, 0])
        self.assertIsNone(pot.total_up_to(running, 3, "2026-03-01"))
