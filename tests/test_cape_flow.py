"""The CAPE as a coordinator lives it: sign, print, renew twice, be refused a
third time, end it with an outcome, and find it in the funder report."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.kpa_cooperative.tests.common import KpaCase


class TestCapeFlow(KpaCase):

    def test_a_cape_from_signature_to_funder_report(self):
        Contract = self.env["hr.contract"].sudo(self.coordinator_a) \
            .with_context(default_kpa_is_cape=True)
        cape = Contract.create({
            "kpa_is_cape": True,
            "kpa_id": self.kpa_a.id,
            "kpa_partner_id": self.partner_a.id,
            "date_start": "2026-02-01",
            "kpa_activity": "Sérigraphie",
            "kpa_benefit_ids": [(6, 0, self.env.ref(
                "kpa_cape.kpa_cape_benefit_rsa").ids)],
        })
        self.assertEqual(cape.date_end, "2027-01-31")
        cape.action_kpa_sign()
        action = cape.action_kpa_print()
        self.assertEqual(action["report_name"],
                         "kpa_cape.report_cape_agreement")
        cape.action_kpa_renew()
        cape.action_kpa_renew()
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.action_kpa_renew()
        self.assertEqual(cape.date_end, "2029-01-31")
        # The other KPA's coordinator can do none of this.
        with self.assertRaises(AccessError), self.cr.savepoint():
            cape.sudo(self.coordinator_b).action_kpa_renew()
        self.env["kpa.cape.exit.wizard"].sudo(self.coordinator_a).create({
            "contract_id": cape.id, "outcome": "company",
            "date_exit": "2028-06-30"}).action_confirm()
        self.assertEqual(cape.state, "close")
        self.assertEqual(self.membership_a.state, "alumni")
        self.assertEqual(self.membership_a.exit_outcome, "company")
        # The funder report groups it.
        rows = self.env["kpa.cape.funder.report"].sudo(
            self.coordinator_a).read_group(
            [("kpa_id", "=", self.kpa_a.id),
             ("state", "not in", ("draft", "cancel"))],
            ["months", "exit_outcome", "benefit_names"],
            ["exit_outcome", "benefit_names"], lazy=False)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["exit_outcome"], "company")
        self.assertEqual(rows[0]["benefit_names"], "RSA")
        self.assertEqual(rows[0]["__count"], 1)
        self.assertEqual(rows[0]["months"], 29.0)
        wizard = self.env["kpa.cape.activity.wizard"].sudo(
            self.coordinator_a).create({"kpa_id": self.kpa_a.id,
                                        "year": "2026"})
        self.assertEqual(wizard.get_figures()["people"], 1)
