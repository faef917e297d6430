# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contribution entries' arithmetic: plain functions, no database."""
import datetime
import unittest
from decimal import Decimal as D

from ..services.contribution import bookings, split


def day(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d").date()


class TestContributionRules(unittest.TestCase):

    def test_split_adds_up_to_the_cashed_money(self):
        self.assertEqual(split(D("1000"), 0.10, 0.05),
                         (D("100.00"), D("850.00"), D("50.00")))
        contribution, share, reserve = split(D("66.66"), 0.10, 0.05)
        self.assertEqual((contribution, share, reserve),
                         (D("6.67"), D("56.66"), D("3.33")))
        self.assertEqual(contribution + share + reserve, D("66.66"))

    def test_each_payment_books_what_the_cumulative_pot_gained(self):
        """3 x 33.33 at 10 %: 3.33, 3.34, 3.33, as the pot rounds 33.33,
        66.66 and 99.99."""
        cashed, booked, result = [], [], []
        for number, when in enumerate(("2026-03-02", "2026-03-03",
                                       "2026-03-04"), 1):
            cashed.append((when, D("33.33") * number))
            entries = bookings(cashed, booked, when, 0.10, 0.05)
            self.assertEqual(len(entries), 1)
            (on, contribution, reserve, moved), = entries
            self.assertEqual((on, moved), (day(when), False))
            result.append(contribution)
            done = booked[-1][1:] if booked else (0, 0)
            booked.append((when, done[0] + contribution,
                           done[1] + reserve))
            pot = split(cashed[-1][1], 0.10, 0.05)
            self.assertEqual(booked[-1][1:], (pot[0], pot[2]))
        self.assertEqual(result, [D("3.33"), D("3.34"), D("3.33")])

    def test_a_late_payment_is_right_on_its_day_and_on_the_latest(self):
        cashed = [("2026-03-02", D("33.33")), ("2026-03-04", D("66.66"))]
        booked = [("2026-03-04", D("3.33"), D("1.67"))]
        entries = bookings(cashed, booked, "2026-03-02", 0.10, 0.05)
        self.assertEqual(entries, [
            (day("2026-03-02"), D("3.33"), D("1.67"), False),
            (day("2026-03-04"), D("0.01"), D("-0.01"), False)])

    def test_nothing_to_book_gives_no_entry(self):
        cashed = [("2026-03-02", D("100"))]
        self.assertEqual(bookings(cashed, [], "2026-03-02", 0, 0), [])
        booked = [("2026-03-02", D("10"), D("5"))]
        self.assertEqual(bookings(cashed, booked, "2026-03-02", 0.1, 0.05),
                         [])

    def test_a_closed_day_moves_to_the_first_open_one(self):
        cashed = [("2026-03-02", D("100"))]
        self.assertEqual(
            bookings(cashed, [], "2026-03-02", 0.1, 0.05, "2026-03-31"),
            [(day("2026-04-01"), D("10.00"), D("5.00"), True)])

    def test_an_undone_payment_gives_back_what_it_booked(self):
        cashed = [("2026-03-02", D("0"))]
        booked = [("2026-03-02", D("10"), D("5"))]
        self.assertEqual(bookings(cashed, booked, "2026-03-02", 0.1, 0.05),
                         [(day("2026-03-02"), D("-10.00"), D("-5.00"),
                           False)])
