# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from odoo.addons.kpa_cooperative.services.trust import trusted

from .common import CapeCase


class TestCapeExit(CapeCase):

    def end(self, cape, outcome, date_exit, user=None, **values):
        wizard = self.env["kpa.cape.exit.wizard"].sudo(
            user or self.coordinator_a).create(dict(
                contract_id=cape.id, outcome=outcome, date_exit=date_exit,
                **values))
        return wizard.action_confirm()

    def test_end_button_opens_the_outcome_wizard(self):
        cape = self.cape()
        cape.action_kpa_sign()
        action = cape.action_kpa_end()
        self.assertEqual(action["res_model"], "kpa.cape.exit.wizard")
        self.assertEqual(action["context"]["default_contract_id"], cape.id)

    def test_early_exit_with_outcome_makes_alumni(self):
        cape = self.cape()
        cape.action_kpa_sign()
        self.end(cape, "company", "2026-10-15")
        self.assertEqual(cape.state, "close")
        self.assertEqual(cape.kpa_exit_outcome, "company")
        self.assertEqual(cape.kpa_exit_date, "2026-10-15")
        self.assertEqual(cape.date_end, "2026-10-15")
        self.assertEqual(self.membership_a.state, "alumni")
        self.assertEqual(self.membership_a.exit_outcome, "company")
        self.assertEqual(self.membership_a.date_leave, "2026-10-15")
        self.assertAlmostEqual(cape.kpa_months, 7.5, places=1)

    def test_entrepreneur_under_cesa_may_stay(self):
        cape = self.cape()
        cape.action_kpa_sign()
        self.end(cape, "cae_entrepreneur", "2027-02-28", leave_kpa=False)
        self.assertEqual(cape.kpa_exit_outcome, "cae_entrepreneur")
        self.assertEqual(self.membership_a.state, "member")

    def test_expired_cape_can_still_get_its_outcome(self):
        cape = self.cape()
        cape.action_kpa_sign()
        trusted(cape).write({"state": "close"})  # as the daily hr cron does
        self.end(cape, "salaried", "2027-02-28")
        self.assertEqual(cape.kpa_exit_outcome, "salaried")
        with self.assertRaises(UserError), self.cr.savepoint():
            self.end(cape, "training", "2027-02-28")

    def test_draft_or_early_date_refused(self):
        cape = self.cape()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.end(cape, "other", "2026-06-01")
        cape.action_kpa_sign()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.end(cape, "other", "2026-01-01")

    def test_closed_cape_cannot_be_renewed(self):
        cape = self.cape()
        cape.action_kpa_sign()
        self.end(cape, "training", "2026-12-01")
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.action_kpa_renew()
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.write({"date_end": "2027-01-31"})
