# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The signature as the law asks (L127-1 to L127-3, R127-1), from the side
of the coordinator who signs: every refusal in French, nothing changed."""
from odoo.exceptions import UserError

from odoo.addons.kpa_cooperative.services.trust import trusted

from .common import CapeCase


class TestCapeSignature(CapeCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unknown = cls.env["res.partner"].create({"name": "Sans Date"})
        cls.env["kpa.membership"].create({
            "partner_id": cls.unknown.id, "kpa_id": cls.kpa_a.id,
            "date_join": "2026-01-05"})
        cls.kpa_a.write({"contribution_rate": 0.12, "reserve_rate": 0.04})

    def sign_refused(self, cape):
        """Sign as coordinator A (French screens): refused, still a draft;
        returns the message."""
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            cape.sudo(self.coordinator_a).with_context(
                lang="fr_FR").action_kpa_sign()
        cape.invalidate_cache()
        self.assertEqual(cape.state, "draft")
        self.assertFalse(cape.kpa_term_ids.date_signed)
        return refusal.exception.name

    def test_no_birthdate_no_signature(self):
        cape = self.cape(partner=self.unknown)
        message = self.sign_refused(cape)
        self.assertIn("Sans Date", message)
        self.assertIn("date de naissance", message)
        self.unknown.kpa_birthdate = "1990-01-01"
        cape.sudo(self.coordinator_a).action_kpa_sign()
        self.assertEqual(cape.state, "open")

    def test_minor_signs_with_a_named_legal_representative(self):
        cape = self.cape(partner=self.minor, kpa_parental_consent=True,
                         kpa_parental_consent_date="2026-02-20")
        message = self.sign_refused(cape)
        self.assertIn("représentant", message)
        cape.sudo(self.coordinator_a).write(
            {"kpa_guardian_name": "Parent Alpha"})
        self.sign_refused(cape)  # the quality too
        cape.sudo(self.coordinator_a).write({"kpa_guardian_quality": "Mère"})
        cape.sudo(self.coordinator_a).action_kpa_sign()
        self.assertEqual(cape.state, "open")

    def test_full_time_employee_elsewhere_refused(self):
        cape = self.cape(kpa_other_job=True)
        self.assertIn("heures", self.sign_refused(cape))
        cape.sudo(self.coordinator_a).write({"kpa_other_job_hours": 35})
        message = self.sign_refused(cape)
        self.assertIn("L127-1", message)
        self.assertIn("temps complet", message)
        cape.sudo(self.coordinator_a).write({"kpa_other_job_hours": 24})
        cape.sudo(self.coordinator_a).action_kpa_sign()
        self.assertEqual(cape.state, "open")

    def test_thirty_six_months_in_all_across_capes(self):
        first = self.cape(date_start="2026-03-01")
        first.sudo(self.coordinator_a).action_kpa_sign()
        first.sudo(self.coordinator_a).action_kpa_renew()
        first.sudo(self.coordinator_a).action_kpa_renew()
        self.assertEqual(first.date_end, "2029-02-28")
        later = self.cape(date_start="2030-01-01")
        message = self.sign_refused(later)
        self.assertIn("36 mois", message)
        self.assertIn("36 mois utilisés", message)
        self.assertIn("il en reste 0", message)

    def test_renewal_past_thirty_six_months_refused(self):
        first = self.cape(date_start="2026-03-01")
        first.sudo(self.coordinator_a).action_kpa_sign()
        first.sudo(self.coordinator_a).action_kpa_renew()
        # Ended early: 18 months used.
        self.env["kpa.cape.exit.wizard"].sudo(self.coordinator_a).create({
            "contract_id": first.id, "outcome": "training",
            "date_exit": "2027-08-31", "leave_kpa": False}).action_confirm()
        second = self.cape(date_start="2027-09-01")
        second.sudo(self.coordinator_a).action_kpa_sign()  # 30 months
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            second.sudo(self.coordinator_a).with_context(
                lang="fr_FR").action_kpa_renew()
        self.assertIn("18 mois utilisés", refusal.exception.name)
        self.assertIn("il en reste 18", refusal.exception.name)
        self.assertEqual(second.kpa_renewal_count, 0)
        # Six months more is what is left.
        second.sudo(self.coordinator_a).action_kpa_renew(
            date_end="2029-02-28")
        self.assertEqual(second.kpa_renewal_count, 1)

    def test_signature_states_the_kpa_rates_and_the_cae_bears(self):
        cape = self.cape()
        self.assertEqual(cape.kpa_third_party_bearer, "cae")
        self.kpa_a.write({"contribution_rate": 0.15})
        cape.sudo(self.coordinator_a).action_kpa_sign()
        self.assertEqual(cape.kpa_fee_contribution_rate, 0.15)
        self.assertEqual(cape.kpa_fee_reserve_rate, 0.04)
        # Later rates of the KPA change no signed CAPE.
        self.kpa_a.write({"contribution_rate": 0.2})
        self.assertEqual(cape.kpa_fee_contribution_rate, 0.15)
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).write(
                {"kpa_activity_start": "2026-05-01"})
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).write({"kpa_other_job": True})

    def test_funder_report_groups_on_the_answers(self):
        self.cape(kpa_other_job=True, kpa_other_job_hours=10,
                  kpa_benefit_ids=[(6, 0, self.are.ids)],
                  kpa_eligibility_note="Formation").action_kpa_sign()
        self.cape(partner=self.partner_b, kpa=self.kpa_b,
                  user=self.coordinator_b,
                  kpa_benefit_ids=[(6, 0, self.rsa.ids)]).action_kpa_sign()
        Report = self.env["kpa.cape.funder.report"]
        # This test's KPAs only: a database may hold demo CAPEs too.
        ours = [("kpa_id", "in", (self.kpa_a | self.kpa_b).ids)]
        rows = Report.read_group(ours, ["other_job"], ["other_job"])
        by_answer = {row["other_job"]: row["other_job_count"] for row in rows}
        self.assertEqual(by_answer, {True: 1, False: 1})
        self.assertEqual(Report.search_count(
            ours + [("keeps_are", "=", True)]), 1)
        self.assertEqual(Report.search_count(
            ours + [("keeps_rsa", "=", True)]), 1)
        self.assertEqual(Report.search(ours + [("other_job", "=", True)])
                         .eligibility_note, "Formation")

    def test_trusted_code_also_needs_the_answers_at_signature(self):
        # The rules run in the action: trusted server code signing a CAPE
        # goes through it too (the demo loader does).
        cape = self.cape(partner=self.unknown)
        with self.assertRaises(UserError), self.cr.savepoint():
            trusted(cape).action_kpa_sign()
