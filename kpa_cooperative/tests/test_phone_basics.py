# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a member's phone shows around the pages: error pages, numbers
written the French way, a password to reset, a lock that ends."""
import unittest

import werkzeug.exceptions

from odoo import exceptions
from odoo.tests.common import SavepointCase
from odoo.tools.misc import formatLang

from ..models.ir_http import error_code, is_werkzeug_page
from ..models.res_lang import number_format_fixes


class TestErrorCodes(unittest.TestCase):

    def test_what_each_failure_answers(self):
        self.assertEqual(error_code(werkzeug.exceptions.NotFound()), 404)
        self.assertEqual(error_code(werkzeug.exceptions.Forbidden()), 403)
        self.assertEqual(error_code(exceptions.AccessError("x")), 403)
        self.assertEqual(error_code(exceptions.MissingError("x")), 404)
        self.assertEqual(error_code(exceptions.UserError("x")), 400)
        self.assertEqual(error_code(ZeroDivisionError()), 500)
        self.assertEqual(
            error_code(werkzeug.exceptions.InternalServerError()), 500)

    def test_redirects_stay_odoos(self):
        self.assertIsNone(error_code(werkzeug.routing.RequestRedirect("/x")))
        self.assertIsNone(
            error_code(werkzeug.exceptions.MethodNotAllowed()))

    def test_werkzeug_page_recognised(self):
        body = werkzeug.exceptions.NotFound().get_body().encode()
        self.assertTrue(is_werkzeug_page(body, 404))
        self.assertFalse(is_werkzeug_page(body, 403))
        self.assertFalse(is_werkzeug_page(b"<html>Page introuvable", 404))


class TestFrenchNumbers(unittest.TestCase):

    def test_missing_separator_added_for_french(self):
        self.assertEqual(number_format_fixes("fr_FR", ""),
                         {"thousands_sep": "\u202f"})
        self.assertEqual(number_format_fixes("fr_BE", False),
                         {"thousands_sep": "\u202f"})

    def test_others_left_alone(self):
        self.assertEqual(number_format_fixes("fr_FR", "\u00a0"), {})
        self.assertEqual(number_format_fixes("en_US", ""), {})


class TestPhoneBasicsDb(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].load_lang("fr_FR")
        cls.user = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Awa Konaté", "login": "awa.k",
                "email": "awa.k@example.org", "mobile": "06 12 34 56 78",
                "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
            })
        cls.Attempt = cls.env["res.authentication.attempt"]

    def test_french_amounts_have_a_thousands_space(self):
        # A server with the French locale gives a no-break space (glibc
        # versions differ: U+00A0 or U+202F); one without, ours.
        env = self.env(context={"lang": "fr_FR"})
        self.assertIn(formatLang(env, 128203.85),
                      ("128\u00a0203,85", "128\u202f203,85"))
        lang = self.env["res.lang"]._lang_get("fr_FR")
        lang.thousands_sep = ""
        lang._kpa_fix_number_format()
        self.assertEqual(lang.thousands_sep, "\u202f")

    def test_reset_by_what_the_login_page_takes(self):
        partner = self.user.partner_id
        self.env["res.users"].sudo().reset_password("  AWA.K ")
        self.assertEqual(partner.signup_type, "reset")
        self.assertTrue(partner.signup_valid)
        partner.signup_cancel()
        self.env["res.users"].sudo().reset_password("0612345678")
        self.assertEqual(partner.signup_type, "reset")

    def test_reset_of_nobody_says_nothing_and_sends_nothing(self):
        self.assertTrue(
            self.env["res.users"].sudo().reset_password("nobody-here"))
        self.user.email = False
        self.assertTrue(self.env["res.users"].sudo().reset_password("awa.k"))
        self.assertFalse(self.user.partner_id.signup_type)

    def _fail(self, times, login="awa.k", remote="192.0.2.7"):
        failures = self.Attempt
        for _i in range(times):
            failures |= self.Attempt.create({
                "login": login, "remote": remote, "result": "failed"})
        return failures

    def test_a_lock_ends(self):
        failures = self._fail(10)
        self.assertTrue(self.Attempt._hits_limit(10, "192.0.2.7", "awa.k"))
        self.assertFalse(self.Attempt._trusted("192.0.2.7", "awa.k"))
        self.env.cr.execute(
            "UPDATE res_authentication_attempt SET create_date = "
            "create_date - interval '31 minutes' WHERE id IN %s",
            (tuple(failures.ids),))
        self.Attempt.invalidate_cache()
        self.assertFalse(self.Attempt._hits_limit(10, "192.0.2.7", "awa.k"))
        self.assertTrue(self.Attempt._trusted("192.0.2.7", "awa.k"))

    def test_lock_for_good_when_asked(self):
        failures = self._fail(10)
        self.env["ir.config_parameter"].sudo().set_param(
            "kpa_cooperative.login_ban_minutes", "0")
        self.env.cr.execute(
            "UPDATE res_authentication_attempt SET create_date = "
            "create_date - interval '2 days' WHERE id IN %s",
            (tuple(failures.ids),))
        self.Attempt.invalidate_cache()
        self.assertTrue(self.Attempt._hits_limit(10, "192.0.2.7", "awa.k"))
