# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kpa_cooperative.services.trust import trusted

from .common import CapeCase


class TestCapeContract(CapeCase):

    def test_new_cape_defaults(self):
        cape = self.cape(kpa_benefit_ids=[(6, 0, self.rsa.ids)])
        self.assertTrue(cape.name.startswith("CAPE-"))
        self.assertEqual(cape.type_id,
                         self.env.ref("kpa_cape.hr_contract_type_cape"))
        self.assertEqual(cape.date_end, "2027-02-28")
        self.assertEqual(cape.state, "draft")
        self.assertEqual(cape.kpa_renewal_count, 0)
        self.assertEqual(cape.kpa_renewals_left, 2)
        self.assertEqual(cape.kpa_coach_id, self.coordinator_a)
        self.assertEqual(len(cape.kpa_term_ids), 1)
        self.assertEqual(cape.kpa_benefit_ids, self.rsa)

    def test_member_becomes_employee_linked_to_user(self):
        cape = self.cape()
        employee = cape.employee_id.sudo()
        self.assertTrue(employee)
        self.assertEqual(employee.address_home_id, self.partner_a)
        self.assertEqual(employee.user_id, self.member_user_a)
        # A second CAPE later reuses the same employee.
        again = self.cape(date_start="2027-03-01")
        self.assertEqual(again.employee_id, cape.employee_id)

    def test_benefits_are_configurable(self):
        codes = self.env["kpa.cape.benefit"].search([]).mapped("code")
        for code in ("RSA", "ARE", "ASS", "AAH", "PA"):
            self.assertIn(code, codes)

    def test_term_longer_than_twelve_months_refused(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.cape(date_end="2027-03-01")

    def test_end_before_start_refused(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.cape(date_end="2026-02-01")

    def test_overlapping_capes_refused(self):
        self.cape()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.cape(date_start="2026-09-01")
        # After the first one, another may follow.
        self.assertTrue(self.cape(date_start="2027-03-01"))

    def test_cancelled_cape_does_not_block(self):
        self.cape().action_kpa_cancel()
        self.assertTrue(self.cape(date_start="2026-04-01"))

    def test_under_sixteen_refused(self):
        child = self.env["res.partner"].create({
            "name": "Enfant", "kpa_birthdate": "2011-01-01"})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.cape(partner=child, date_start="2026-06-01")

    def test_minor_needs_parental_consent_before_running(self):
        cape = self.cape(partner=self.minor)
        self.assertTrue(cape.kpa_is_minor)
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).action_kpa_sign()
        self.assertEqual(cape.state, "draft")
        # Not even the server's own code may run it without the consent.
        with self.assertRaises(ValidationError), self.cr.savepoint():
            trusted(cape).write({"state": "open"})
        cape.sudo(self.coordinator_a).write({
            "kpa_parental_consent": True,
            "kpa_guardian_name": "Parent Alpha",
            "kpa_guardian_quality": "Mère",
            "kpa_parental_consent_date": "2026-02-20"})
        cape.sudo(self.coordinator_a).action_kpa_sign()
        self.assertEqual(cape.state, "open")

    def test_sign_needs_current_membership(self):
        cape = self.cape()
        self.membership_a.action_leave("other", "2026-02-01")
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).action_kpa_sign()

    def test_renew_twice_then_refused(self):
        cape = self.cape()
        cape.sudo(self.coordinator_a).action_kpa_sign()
        self.assertEqual(cape.kpa_term_ids.date_signed and cape.state, "open")
        cape.sudo(self.coordinator_a).action_kpa_renew()
        self.assertEqual(cape.kpa_renewal_count, 1)
        self.assertEqual(cape.date_end, "2028-02-29")
        self.assertEqual(cape.kpa_term_start, "2027-03-01")
        cape.sudo(self.coordinator_a).action_kpa_renew()
        self.assertEqual(cape.kpa_renewal_count, 2)
        self.assertEqual(cape.date_end, "2029-02-28")
        self.assertEqual(cape.date_start, "2026-03-01")
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).action_kpa_renew()
        self.assertEqual(cape.kpa_renewal_count, 2)
        terms = cape.kpa_term_ids.sorted("number")
        self.assertEqual(terms.mapped("kind"),
                         ["initial", "renewal", "renewal"])
        self.assertEqual(terms.mapped("date_start"),
                         ["2026-03-01", "2027-03-01", "2028-03-01"])

    def test_renewal_of_a_shorter_term(self):
        cape = self.cape()
        cape.action_kpa_sign()
        cape.action_kpa_renew(date_end="2027-08-31")
        self.assertEqual(cape.date_end, "2027-08-31")
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.action_kpa_renew(date_end="2028-09-01")

    def test_renewal_cannot_overlap_the_next_cape(self):
        cape = self.cape()
        cape.action_kpa_sign()
        self.cape(date_start="2027-06-01")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            cape.action_kpa_renew()

    def test_draft_cannot_be_renewed(self):
        cape = self.cape()
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.action_kpa_renew()

    def test_signed_cape_key_terms_refused(self):
        cape = self.cape()
        cape.sudo(self.coordinator_a).action_kpa_sign()
        for vals in ({"date_end": "2026-12-31"},
                     {"date_start": "2026-04-01"},
                     {"kpa_partner_id": self.minor.id},
                     {"kpa_id": self.kpa_b.id}):
            with self.assertRaises(UserError), self.cr.savepoint():
                cape.sudo(self.coordinator_a).write(vals)
        # Writing the same value is no change: the form saves it freely.
        cape.sudo(self.coordinator_a).write({"date_end": cape.date_end})
        # What was signed stays: the clauses too.
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).write({"kpa_means": "Atelier"})
        # The follow-up changes in the open, in the chatter.
        cape.sudo(self.coordinator_a).with_context(
            tracking_disable=False).write({"kpa_coach_id": self.env.uid})
        self.assertIn(self.env.user.name, cape.sudo().message_ids.mapped(
            "tracking_value_ids.new_value_char"))

    def test_signed_cape_cannot_be_deleted(self):
        cape = self.cape()
        cape.action_kpa_sign()
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).unlink()

    def test_draft_dates_follow_the_term(self):
        cape = self.cape()
        cape.write({"date_end": "2026-12-31"})
        self.assertEqual(cape.kpa_term_ids.date_end, "2026-12-31")

    def test_other_contracts_untouched(self):
        employee = self.env["hr.employee"].create({"name": "Salariée"})
        contract = self.env["hr.contract"].create({
            "name": "CDI", "employee_id": employee.id, "wage": 2000,
            "date_start": "2020-01-01"})
        self.assertFalse(contract.kpa_is_cape)
        self.assertFalse(contract.kpa_term_ids)
        contract.write({"date_end": "2030-12-31", "state": "open"})
        contract.write({"date_end": "2031-12-31"})

    def test_renew_wizard_proposes_twelve_months_and_takes_less(self):
        cape = self.cape()
        cape.action_kpa_sign()
        wizard = self.env["kpa.cape.renew.wizard"].sudo(
            self.coordinator_a).with_context(
            default_contract_id=cape.id).create({})
        self.assertEqual(wizard.date_start, "2027-03-01")
        self.assertEqual(wizard.date_end, "2028-02-29")
        wizard.date_end = "2027-08-31"
        wizard.action_renew()
        self.assertEqual(cape.date_end, "2027-08-31")
        self.assertEqual(cape.kpa_renewal_count, 1)
