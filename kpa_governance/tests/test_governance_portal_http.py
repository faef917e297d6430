# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import at_install, post_install

from odoo.addons.kpa_cooperative.tests.portal_http_common import \
    KpaPortalHttpCase


@at_install(False)
@post_install(True)
class TestGovernancePortalHttp(KpaPortalHttpCase):

    def test_my_decisions_and_charter(self):
        decision = self.env.ref(
            "kpa_governance.kpa_decision_demo_sewing_machine")
        self.assertPage("/my/decisions", "Vote ouvert", "Adoptée",
                        "machine à coudre")
        self.assertPage("/my/decisions/%d" % decision.id,
                        "Oui si elle est révisée")
        self.assertPage("/my/charter", "En vigueur", "Décider ensemble")
        self.assertPage("/my/logbook", "Journal de bord")

    def test_another_kpa_decision_is_refused(self):
        other = self.env["kpa.decision"].create({
            "name": "Repeindre la cuisine",
            "kpa_id": self.demo_ref("kpa_cooperative_demo_moulins").id,
            "method": "consent",
            "proposal": "<p>Repeindre la cuisine partagée.</p>"})
        other.action_open()
        response = self.assertRefused("/my/decisions/%d" % other.id)
        self.assertNotIn("Repeindre la cuisine", response.text)
