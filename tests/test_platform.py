"""The platform the modules stand on: Odoo 11, French, the French chart."""
import os

from odoo.tests.common import TransactionCase

from data.modules import MODULES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class TestPlatform(TransactionCase):

    def test_the_four_modules_are_installed(self):
        installed = self.env["ir.module.module"].search([
            ("name", "in", MODULES), ("state", "=", "installed")])
        self.assertEqual(sorted(installed.mapped("name")), sorted(MODULES))

    def test_french_is_installed(self):
        french = self.env["res.lang"].search([("code", "=", "fr_FR")])
        self.assertTrue(french.active)

    def test_french_chart_of_accounts_is_loaded(self):
        company = self.env.ref("base.main_company")
        for code in ("411100", "421000", "431000", "641100", "645100"):
            self.assertTrue(self.env["account.account"].search([
                ("code", "=", code), ("company_id", "=", company.id)]),
                "account %s of the French chart is missing" % code)

    def test_every_term_is_translated_to_french(self):
        import polib
        for module in MODULES:
            po = polib.pofile(os.path.join(ROOT, module, "i18n", "fr.po"))
            missing = [entry.msgid for entry in po
                       if not entry.msgstr and not entry.obsolete]
            self.assertFalse(missing, "%s: untranslated %s" % (
                module, missing[:5]))

    def test_every_module_ships_what_an_integrator_expects(self):
        """As OCA modules do: French, a template for other languages, the
        readme fragments rendered to README.rst, an icon, a history."""
        for module in MODULES:
            for part in ("i18n/fr.po", "i18n/%s.pot" % module,
                         "readme/DESCRIPTION.rst", "readme/USAGE.rst",
                         "readme/CONFIGURE.rst", "readme/ROADMAP.rst",
                         "readme/HISTORY.rst", "README.rst",
                         "static/description/icon.png"):
                self.assertTrue(
                    os.path.exists(os.path.join(ROOT, module, part)),
                    "%s has no %s" % (module, part))
