# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How people type their login: no database needed."""
import unittest

from odoo.tools.sql import escape_psql

from ..services.logins import clean_login, phone_key


class TestLogins(unittest.TestCase):

    def test_spaces_around_are_dropped(self):
        self.assertEqual(clean_login(" samir "), "samir")
        self.assertEqual(clean_login(None), "")

    def test_a_phone_number_however_typed(self):
        for typed in ("06 12 34 56 78", "+33 6 12 34 56 78", "0612345678",
                      "06.12.34.56.78", " 06-12-34-56-78 "):
            self.assertEqual(phone_key(typed), "612345678", typed)

    def test_a_login_is_no_phone_number(self):
        for typed in ("samir", "samir@example.org", "12345", ""):
            self.assertIsNone(phone_key(typed), typed)

    def test_wildcards_match_themselves(self):
        # res.users._kpa_login_of matches logins and emails with =ilike.
        self.assertEqual(escape_psql("a_b%c"), "a\\_b\\%c")
