# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Plain rules about people: no database needed."""
import unittest
from datetime import date

from ..services.people import age_band, age_on, is_old_enough


class TestPeopleRules(unittest.TestCase):

    def test_age_counts_whole_years(self):
        self.assertEqual(age_on(date(2010, 6, 15), date(2026, 6, 14)), 15)
        self.assertEqual(age_on(date(2010, 6, 15), date(2026, 6, 15)), 16)

    def test_age_of_a_leap_day_birth(self):
        self.assertEqual(age_on(date(2008, 2, 29), date(2024, 2, 28)), 15)
        self.assertEqual(age_on(date(2008, 2, 29), date(2024, 2, 29)), 16)

    def test_unknown_birthdate(self):
        self.assertIsNone(age_on(None, date(2026, 1, 1)))
        self.assertTrue(is_old_enough(None, date(2026, 1, 1)))
        self.assertEqual(age_band(None), "")

    def test_minimum_age_is_sixteen(self):
        self.assertFalse(is_old_enough(date(2010, 6, 15), date(2026, 6, 14)))
        self.assertTrue(is_old_enough(date(2010, 6, 15), date(2026, 6, 15)))

    def test_age_bands(self):
        self.assertEqual(age_band(16), "16-17")
        self.assertEqual(age_band(18), "18-25")
        self.assertEqual(age_band(35), "26-35")
        self.assertEqual(age_band(49), "36-49")
        self.assertEqual(age_band(67), "50+")
        self.assertEqual(age_band(12), "")
