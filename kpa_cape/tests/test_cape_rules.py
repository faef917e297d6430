# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CAPE date rules: plain functions, no database."""
import unittest
from datetime import date

from ..services import cape_rules as rules


class TestCapeRules(unittest.TestCase):

    def test_default_end_is_twelve_months_minus_one_day(self):
        self.assertEqual(rules.default_end(date(2026, 3, 1)),
                         date(2027, 2, 28))
        self.assertEqual(rules.default_end(date(2027, 3, 1)),
                         date(2028, 2, 29))
        self.assertEqual(rules.default_end(date(2026, 1, 31)),
                         date(2027, 1, 30))

    def test_term_of_twelve_months_at_most(self):
        start = date(2026, 3, 1)
        self.assertIsNone(rules.term_problem(start, date(2027, 2, 28)))
        self.assertIsNone(rules.term_problem(start, start))
        self.assertEqual(rules.term_problem(start, date(2027, 3, 1)),
                         rules.TERM_TOO_LONG)

    def test_end_after_start(self):
        self.assertEqual(
            rules.term_problem(date(2026, 3, 1), date(2026, 2, 28)),
            rules.END_BEFORE_START)
        self.assertEqual(rules.term_problem(date(2026, 3, 1), None),
                         rules.NO_END)

    def test_overlap(self):
        jan, jun, dec = date(2026, 1, 1), date(2026, 6, 30), date(2026, 12, 31)
        self.assertTrue(rules.overlaps(jan, jun, jun, dec))
        self.assertFalse(rules.overlaps(jan, jun, date(2026, 7, 1), dec))
        self.assertTrue(rules.overlaps(jan, None, date(2030, 1, 1), None))

    def test_two_renewals_at_most(self):
        self.assertIsNone(rules.renewal_problem(0))
        self.assertIsNone(rules.renewal_problem(1))
        self.assertEqual(rules.renewal_problem(2), rules.TOO_MANY_RENEWALS)

    def test_renewal_starts_the_day_after(self):
        self.assertEqual(rules.renewal_term(date(2027, 2, 28)),
                         (date(2027, 3, 1), date(2028, 2, 29)))

    def test_age(self):
        born = date(2009, 3, 1)
        self.assertEqual(rules.age_problem(born, date(2025, 2, 28), True),
                         rules.TOO_YOUNG)
        self.assertEqual(rules.age_problem(born, date(2026, 3, 1), False),
                         rules.CONSENT_MISSING)
        self.assertIsNone(rules.age_problem(born, date(2026, 3, 1), True))
        self.assertIsNone(rules.age_problem(born, date(2027, 3, 1), False))
        self.assertIsNone(rules.age_problem(None, date(2027, 3, 1), False))
        self.assertTrue(rules.is_minor(born, date(2027, 2, 28)))
        self.assertFalse(rules.is_minor(born, date(2027, 3, 1)))

    def test_months(self):
        self.assertEqual(
            rules.months_between(date(2026, 3, 1), date(2027, 2, 28)), 12.0)
        self.assertEqual(
            rules.months_between(date(2026, 3, 1), date(2026, 3, 15)), 0.5)
        self.assertEqual(
            rules.months_between(date(2026, 3, 1), date(2026, 2, 1)), 0.0)

    def test_reminders_once_each(self):
        self.assertIsNone(rules.reminder_due(61, 0))
        self.assertEqual(rules.reminder_due(60, 0), 60)
        self.assertIsNone(rules.reminder_due(45, 60))
        self.assertEqual(rules.reminder_due(30, 60), 30)
        self.assertIsNone(rules.reminder_due(10, 30))
        # The cron was down: only the closest reminder goes.
        self.assertEqual(rules.reminder_due(12, 0), 30)
        self.assertIsNone(rules.reminder_due(-1, 0))

    def test_signature_needs_a_birthdate(self):
        self.assertEqual(rules.signature_problem(
            None, date(2026, 3, 1), False, "", "", False, 0, 0, 12),
            rules.NO_BIRTHDATE)
        self.assertIsNone(rules.signature_problem(
            date(1990, 1, 1), date(2026, 3, 1), False, "", "", False, 0, 0,
            12))

    def test_minor_needs_a_named_representative(self):
        born = date(2009, 6, 1)
        on = date(2026, 3, 1)
        self.assertEqual(rules.guardian_problem(born, on, "", ""),
                         rules.GUARDIAN_MISSING)
        self.assertEqual(rules.guardian_problem(born, on, "Malika", " "),
                         rules.GUARDIAN_MISSING)
        self.assertIsNone(rules.guardian_problem(born, on, "Malika", "Mère"))
        self.assertIsNone(rules.guardian_problem(date(1990, 1, 1), on, "",
                                                 ""))
        self.assertEqual(rules.signature_problem(
            born, on, True, "Malika", "", False, 0, 0, 12),
            rules.GUARDIAN_MISSING)

    def test_not_a_full_time_employee_elsewhere(self):
        self.assertIsNone(rules.other_job_problem(False, 0))
        self.assertIsNone(rules.other_job_problem(True, 34.5))
        self.assertEqual(rules.other_job_problem(True, 35),
                         rules.FULL_TIME_ELSEWHERE)
        self.assertEqual(rules.other_job_problem(True, 0),
                         rules.OTHER_JOB_HOURS_MISSING)

    def test_thirty_six_months_in_all(self):
        self.assertIsNone(rules.total_months_problem(24.0, 12.0))
        self.assertEqual(rules.total_months_problem(24.0, 12.1),
                         rules.TOO_MANY_MONTHS)
        self.assertEqual(rules.months_left(18.0, 12.0), 6.0)
        # Three full terms make 36.0 months exactly.
        self.assertEqual(rules.months_between(date(2026, 3, 1),
                                              date(2029, 2, 28)), 36.0)
