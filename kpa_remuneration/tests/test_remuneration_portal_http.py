# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import at_install, post_install

from odoo.addons.kpa_cooperative.tests.portal_http_common import \
    KpaPortalHttpCase


@at_install(False)
@post_install(True)
class TestRemunerationPortalHttp(KpaPortalHttpCase):

    def test_my_declarations(self):
        declaration = self.env.ref(
            "kpa_remuneration.kpa_remuneration_declaration_demo_samir")
        self.assertPage("/my/declarations", "Ma paie", "Dans le pot",
                        "La Cape")
        self.assertPage("/my/declarations/%d" % declaration.id,
                        "Buffet du centre social")
        month = declaration.sudo().period_id.date_end[:7]
        response = self._get("/my/declarations/statement?month=%s" % month)
        self.assertEqual(response.status_code, 200)

    def test_another_kpa_declaration_is_refused(self):
        julie = self.demo_ref("res_partner_demo_julie")
        moulins = self.demo_ref("kpa_cooperative_demo_moulins")
        week = self.env["kpa.remuneration.period"]._kpa_get_week(moulins)
        other = self.env["kpa.remuneration.declaration"].create({
            "period_id": week.id, "partner_id": julie.id,
            "amount_net": 0, "hours": 2, "comment": "Réunion et ménage."})
        response = self.assertRefused("/my/declarations/%d" % other.id)
        self.assertNotIn("Réunion et ménage", response.text)
