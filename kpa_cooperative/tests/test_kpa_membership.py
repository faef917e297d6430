# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import KpaCase


class TestKpaMembership(KpaCase):

    def _person(self, **vals):
        vals.setdefault("name", "Personne")
        return self.env["res.partner"].create(vals)

    def test_under_sixteen_on_join_date_is_refused(self):
        young = self._person(kpa_birthdate="2010-06-15")
        with self.assertRaisesRegex(ValidationError, "16"), \
                self.cr.savepoint():
            self.env["kpa.membership"].create({
                "partner_id": young.id, "kpa_id": self.kpa_a.id,
                "date_join": "2026-06-14"})
        membership = self.env["kpa.membership"].create({
            "partner_id": young.id, "kpa_id": self.kpa_a.id,
            "date_join": "2026-06-15"})
        self.assertEqual(membership.state, "newcomer")

    def test_leave_before_join_is_refused(self):
        with self.assertRaises(ValidationError):
            self.membership_a.write({"date_leave": "2025-12-31"})

    def test_one_current_membership_per_kpa(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["kpa.membership"].create({
                "partner_id": self.partner_a.id, "kpa_id": self.kpa_a.id})
        # Coming back after leaving is fine.
        self.membership_a.action_leave("training", "2026-03-01")
        again = self.env["kpa.membership"].create({
            "partner_id": self.partner_a.id, "kpa_id": self.kpa_a.id,
            "date_join": "2026-09-01"})
        self.assertEqual(again.state, "newcomer")

    def test_path_newcomer_member_alumni(self):
        person = self._person(kpa_birthdate="2000-01-01")
        membership = self.env["kpa.membership"].create({
            "partner_id": person.id, "kpa_id": self.kpa_a.id,
            "date_join": "2026-02-02"})
        membership.action_confirm()
        self.assertEqual(membership.state, "member")
        with self.assertRaises(UserError):
            membership.action_confirm()
        membership.action_leave("company", "2026-10-30")
        self.assertEqual(membership.state, "alumni")
        self.assertEqual(membership.exit_outcome, "company")
        self.assertEqual(membership.date_leave, "2026-10-30")
        with self.assertRaises(UserError):
            membership.action_leave("nonsense")

    def test_partner_age(self):
        person = self._person(kpa_birthdate="2000-01-01")
        self.assertGreaterEqual(person.kpa_age, 26)
        self.assertEqual(self._person().kpa_age, 0)

    def test_grant_portal_access(self):
        person = self._person(name="Samir", email="samir@example.org")
        membership = self.env["kpa.membership"].create({
            "partner_id": person.id, "kpa_id": self.kpa_a.id})
        self.assertFalse(membership.has_portal)
        membership.action_grant_portal()
        membership.invalidate_cache()
        self.assertTrue(membership.has_portal)
        self.assertTrue(person.user_ids.has_group("base.group_portal"))

    def test_grant_portal_only_by_who_may_change_the_membership(self):
        person = self._person(name="Samir", email="samir.b@example.org")
        membership = self.env["kpa.membership"].create({
            "partner_id": person.id, "kpa_id": self.kpa_a.id})
        # The other KPA's coordinator, and an accountant who only reads.
        accountant = self.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Comptable", "login": "compta_grant@example.org",
                "groups_id": [(6, 0, [self.env.ref(
                    "account.group_account_manager").id])]})
        for user in (self.coordinator_b, accountant):
            with self.assertRaises(AccessError):
                membership.sudo(user).action_grant_portal()
        self.assertFalse(person.user_ids)
        membership.sudo(self.coordinator_a).action_grant_portal()
        self.assertTrue(person.user_ids.has_group("base.group_portal"))

    def test_grant_portal_needs_an_email(self):
        person = self._person(name="Sans mail")
        membership = self.env["kpa.membership"].create({
            "partner_id": person.id, "kpa_id": self.kpa_a.id})
        with self.assertRaisesRegex(UserError, "Sans mail"):
            membership.action_grant_portal()

    def test_leave_wizard_asks_the_outcome(self):
        wizard = self.env["kpa.membership.leave"].sudo(
            self.coordinator_a).with_context(
            active_ids=self.membership_a.ids).create({
                "exit_outcome": "salaried", "date_leave": "2026-06-30"})
        wizard.action_leave()
        self.assertEqual(self.membership_a.state, "alumni")
        self.assertEqual(self.membership_a.exit_outcome, "salaried")

    def test_leave_wizard_cannot_touch_another_kpa(self):
        wizard = self.env["kpa.membership.leave"].sudo(
            self.coordinator_a).with_context(
            active_ids=self.membership_b.ids).create({
                "exit_outcome": "salaried"})
        # The record rules hide KPA B's membership from the wizard.
        self.assertFalse(wizard.membership_ids)
        wizard.action_leave()
        self.assertEqual(self.membership_b.state, "member")

    def test_coordinator_adds_and_welcomes_a_member(self):
        env = self.env(user=self.coordinator_a)
        person = env["res.partner"].create({
            "name": "Nouvelle", "email": "nouvelle@example.org",
            "kpa_birthdate": "1999-09-09", "kpa_qpv_resident": True})
        membership = env["kpa.membership"].create({
            "partner_id": person.id, "kpa_id": self.kpa_a.id,
            "date_join": "2026-02-02"})
        membership.action_confirm()
        self.assertEqual(membership.state, "member")
        self.assertEqual(membership.age_band, "26-35")
        self.assertTrue(membership.qpv_resident)
