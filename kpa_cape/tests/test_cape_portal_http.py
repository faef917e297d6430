# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import at_install, post_install

from odoo.addons.kpa_cooperative.tests.portal_http_common import \
    KpaPortalHttpCase


@at_install(False)
@post_install(True)
class TestCapePortalHttp(KpaPortalHttpCase):

    def test_my_cape(self):
        self.assertPage("/my/cape", "Mon CAPE", "En cours",
                        "Traiteur et livraison")

    def test_my_cape_pdf(self):
        cape = self.env.ref("kpa_cape.hr_contract_demo_samir")
        response = self._get("/my/cape/%d/pdf" % cape.id)
        self.assertEqual(response.status_code, 200)
        # Odoo's test mode renders reports as HTML instead of PDF.
        self.assertTrue(response.content.startswith(b"%PDF")
                        or "Samir Haddad" in response.text)

    def test_another_members_cape_is_refused(self):
        other = self.env.ref("kpa_cape.hr_contract_demo_julie")
        self.assertRefused("/my/cape/%d/pdf" % other.id)
