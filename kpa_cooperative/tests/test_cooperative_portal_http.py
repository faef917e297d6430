# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import at_install, post_install

from .portal_http_common import KpaPortalHttpCase


@at_install(False)
@post_install(True)
class TestCooperativePortalHttp(KpaPortalHttpCase):

    def test_home_and_my_kpa(self):
        self.assertPage("/my/home", "Mon espace", "Samir Haddad")
        self.assertPage("/my/kpa", "Mon KPA", "La Cape", "2 membres")

    def test_my_prestations(self):
        task = self.demo_ref("project_task_demo_buffet")
        self.assertPage("/my/prestations", "Mes prestations", "Payée",
                        "Buffet de l'assemblée du centre social")
        self.assertPage("/my/prestations/%d" % task.id,
                        "Centre social de l'Épeule")

    def test_another_kpa_prestation_is_refused(self):
        other = self.demo_ref("project_task_demo_moulins_delivery")
        response = self.assertRefused("/my/prestations/%d" % other.id)
        self.assertNotIn("Livraison de repas", response.text)
