# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The checks of the /my/bank form (the page itself: tests/browser)."""
from odoo.tests.common import TransactionCase

from ..controllers.main import read_bank_form


class TestBankForm(TransactionCase):

    def test_good_iban_is_compacted(self):
        number, holder, errors = read_bank_form({
            "iban": " fr76 3000 6000 0112 3456 7890 189 ",
            "holder": "Samir Haddad"})
        self.assertEqual(errors, [])
        self.assertEqual(number, "FR7630006000011234567890189")
        self.assertEqual(holder, "Samir Haddad")

    def test_wrong_iban(self):
        for bad in ("FR7630006000011234567890188", "FR76", "hello",
                    "FR76 3000 6000 0112 3456 7890 1899"):
            errors = read_bank_form({"iban": bad, "holder": "S"})[2]
            self.assertEqual(len(errors), 1, bad)
            self.assertIn("IBAN", errors[0])

    def test_missing_fields(self):
        errors = read_bank_form({})[2]
        self.assertEqual(len(errors), 2)
        errors = read_bank_form({"iban": "FR7630006000011234567890189",
                                 "holder": "x" * 71})[2]
        self.assertEqual(len(errors), 1)
