# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal pages over real HTTP, as the XML demo's member Samir (La Cape).

Odoo's own runner (``odoo -i ... --test-enable``) runs these after every
module is installed (post_install), with its HTTP server serving the test
transaction. pytest-odoo starts no HTTP server and its database has no
demo data: there they are skipped.
"""
import html

import odoo
from odoo.tests.common import HOST, PORT, HttpCase

DEMO_LOGIN = "samir"
DEMO_PASSWORD = "samir"


class KpaPortalHttpCase(HttpCase):
    """Logged in as the demo member; helpers to read a page or be refused.
    Redirects are followed: Odoo sends a member whose language is not the
    database's default one to the page under /fr_FR/."""

    def setUp(self):
        # Odoo's runner serves HTTP from this process (its ThreadedServer's
        # httpd); pytest-odoo starts the server object without it.
        if getattr(odoo.service.server.server, "httpd", None) is None:
            self.skipTest("no HTTP server in this process (pytest-odoo): "
                          "Odoo's runner (--test-enable) runs this test")
        super().setUp()
        if not self.env.ref("kpa_cooperative.res_users_demo_samir",
                            raise_if_not_found=False):
            self.skipTest("needs the modules' XML demo data")
        self.demo_ref = lambda name: self.env.ref(
            "kpa_cooperative.%s" % name)
        self.authenticate(DEMO_LOGIN, DEMO_PASSWORD)

    def _get(self, path):
        return self.opener.get("http://%s:%s%s" % (HOST, PORT, path),
                               timeout=30)

    def assertPage(self, path, *words):
        """``path`` answers 200 with each of ``words`` on the page."""
        response = self._get(path)
        self.assertEqual(response.status_code, 200, "%s (%s): %s" % (
            path, response.url, response.text[:500]))
        text = html.unescape(response.text)
        for word in words:
            self.assertIn(word, text, path)
        return response

    def assertRefused(self, path):
        """``path`` answers 403 or 404: no page, no traceback (500), no
        content of the record."""
        response = self._get(path)
        self.assertIn(response.status_code, (403, 404), "%s (%s): %s %s" % (
            path, response.url, response.status_code, response.text[:500]))
        return response
