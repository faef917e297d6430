# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.kpa_cooperative.tests.common import KpaCase


class GovernanceCase(KpaCase):
    """KpaCase plus two more members of KPA Alpha and a decision helper."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        Membership = cls.env["kpa.membership"]
        cls.partner_a2 = Partner.create({"name": "Deuxième Alpha"})
        cls.partner_a3 = Partner.create({"name": "Troisième Alpha"})
        cls.alumnus_a = Partner.create({"name": "Ancien Alpha"})
        for partner in (cls.partner_a2, cls.partner_a3, cls.alumnus_a):
            Membership.create({"partner_id": partner.id,
                               "kpa_id": cls.kpa_a.id, "state": "member",
                               "date_join": "2026-01-05"})
        Membership.search([("partner_id", "=", cls.alumnus_a.id)]) \
            .action_leave("salaried", "2026-03-01")

    def make_decision(self, method="consent", kpa=None, state="open",
                      **values):
        decision = self.env["kpa.decision"].create(dict({
            "name": "Ouvrir le samedi",
            "kpa_id": (kpa or self.kpa_a).id,
            "method": method,
            "proposal": "<p>Ouvrir le tiers-lieu le samedi matin.</p>",
        }, **values))
        if state == "open":
            decision.action_open()
        return decision
