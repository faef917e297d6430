# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Amounts in French words: no database needed."""
import unittest

from ..services.words import amount_in_words_fr


class TestAmountInWords(unittest.TestCase):

    def test_thousands(self):
        self.assertEqual(amount_in_words_fr(1200), "mille deux cents euros")
        self.assertEqual(amount_in_words_fr(1000000), "un million d'euros")

    def test_cents(self):
        self.assertEqual(amount_in_words_fr(80.5),
                         "quatre-vingts euros et cinquante centimes")
        self.assertEqual(amount_in_words_fr(1.01),
                         "un euro et un centime")
        self.assertEqual(amount_in_words_fr(0.99),
                         "zéro euro et quatre-vingt-dix-neuf centimes")

    def test_rounding_to_the_cent(self):
        self.assertEqual(amount_in_words_fr(2.999), "trois euros")

    def test_negative(self):
        self.assertEqual(amount_in_words_fr(-12), "moins douze euros")
