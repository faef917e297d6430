# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rate profiles: the shares of each kind of contract, year by year."""
from decimal import Decimal as D

from odoo.exceptions import AccessError, ValidationError

from ..services import pot
from .common import RemunerationCase


class TestRateProfiles(RemunerationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Profile = cls.env["kpa.remuneration.rate.profile"]
        cls.cape_2026 = cls._profile("CAPE 2026", "cape", "2026-01-01",
                                     "2026-12-31", 0.20, 0.40)
        cls.acre_2026 = cls._profile("CAPE ACRE 2026", "cape_acre",
                                     "2026-01-01", "2026-12-31", 0.10, 0.20)
        cls.accountant = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Comptable", "login": "comptable_rates@example.org",
                "groups_id": [(6, 0, [
                    cls.env.ref("base.group_user").id,
                    cls.env.ref("account.group_account_manager").id])]})

    @classmethod
    def _profile(cls, name, kind, date_from, date_to, employee, employer,
                 user=None, **values):
        Profile = cls.Profile.sudo(user) if user else cls.Profile
        return Profile.create(dict(
            values, name=name, kind=kind, date_from=date_from,
            date_to=date_to, employee_rate=employee, employer_rate=employer))

    def _declared(self, partner, monday, net=390):
        week = self.Period._kpa_get_week(self.kpa_a, monday)
        declaration = self.declare(partner, net, period=week)
        return week, declaration

    @staticmethod
    def _figures(declaration):
        return (declaration.amount_gross, declaration.amount_employer,
                declaration.amount_cost)

    # ------------------------------------------------------------------
    # The week's profile
    # ------------------------------------------------------------------
    def test_1_january_changes_that_week_not_the_week_before(self):
        self.cape_2026.date_to = "2026-12-31"
        self._profile("CAPE 2027", "cape", "2027-01-01", False, 0.25, 0.35)
        # Monday 21 to Sunday 27 December 2026: the 2026 rates.
        before, declared_before = self._declared(self.partner_a,
                                                 "2026-12-21")
        # Monday 28 December 2026 to Sunday 3 January 2027: it holds the
        # 1 January, it takes the 2027 rates.
        week, declared = self._declared(self.partner_a, "2026-12-28")
        self.assertEqual(week.date_end, "2027-01-03")
        self.assertEqual(self._figures(declared_before), (487.50, 195.00, 682.50))
        self.assertEqual(self._figures(declared), (520.00, 182.00, 702.00))
        self.assertEqual(before._kpa_rates(self.cape_a), (0.20, 0.40))
        self.assertEqual(week._kpa_rates(self.cape_a), (0.25, 0.35))

    def test_a_new_profile_leaves_figures_already_made(self):
        _week, declared = self._declared(self.partner_a, "2026-12-21")
        self.cape_2026.date_to = "2026-12-20"
        self._profile("CAPE fin 2026", "cape", "2026-12-21", False,
                      0.25, 0.35)
        self.assertEqual(self._figures(declared), (487.50, 195.00, 682.50))
        # Typed again, the net takes the profile in force now.
        declared.amount_net = 390
        self.assertEqual(self._figures(declared), (520.00, 182.00, 702.00))

    def test_the_kind_of_contract_picks_its_profile(self):
        self.assertEqual(self.cape_a.kpa_rate_kind, "cape")
        self.cape_a2.sudo().kpa_rate_kind = "cape_acre"
        cape = self.declare(self.partner_a, 390)
        acre = self.declare(self.partner_a2, 390)
        self.assertEqual(acre.contract_id, self.cape_a2)
        self.assertEqual(self._figures(cape), (487.50, 195.00, 682.50))
        self.assertEqual(self._figures(acre), (433.33, 86.67, 520.00))

    def test_the_most_a_member_may_ask_uses_their_rates(self):
        self._cash_a()
        self.cape_a2.sudo().kpa_rate_kind = "cape_acre"
        mine = self.week_a._kpa_member_pot(self.partner_a2)
        theirs = self.week_a._kpa_member_pot(self.partner_a)
        self.assertEqual(mine["left_for_me"], D("850.00"))
        self.assertEqual(mine["max_net"], pot.max_net(D("850"), 0.10, 0.20))
        self.assertEqual(theirs["max_net"],
                         pot.max_net(D("850"), 0.20, 0.40))
        self.assertGreater(mine["max_net"], theirs["max_net"])

    def test_the_weekly_session_uses_each_members_rates(self):
        self._cash_a()
        self.cape_a2.sudo().kpa_rate_kind = "cape_acre"
        wizard = self.env["kpa.remuneration.wizard"].sudo(
            self.coordinator_a).create({"kpa_id": self.kpa_a.id,
                                        "date": "2026-03-18"})
        rows = {line.partner_id: line for line in wizard.line_ids}
        rows[self.partner_a].write({"amount_net": 390})
        rows[self.partner_a2].write({"amount_net": 390})
        self.assertEqual(rows[self.partner_a].amount_cost, 682.50)
        self.assertEqual(rows[self.partner_a2].amount_cost, 520.00)
        wizard.action_save()
        declared = self.Declaration.search([
            ("period_id", "=", self.week_a.id),
            ("partner_id", "=", self.partner_a2.id)])
        self.assertEqual(declared.amount_cost, 520.00)

    # ------------------------------------------------------------------
    # Fallback
    # ------------------------------------------------------------------
    def test_without_a_profile_the_company_shares(self):
        # A CESA has no profile here, and 2025 none either: the company's.
        self.cape_a.sudo().kpa_rate_kind = "cesa"
        self.assertEqual(self.week_a._kpa_rates(self.cape_a), (0.22, 0.30))
        week = self.Period._kpa_get_week(self.kpa_a, "2025-12-08")
        self.assertEqual(week._kpa_rates(self.cape_a2), (0.22, 0.30))
        # An archived profile is not in force.
        self.cape_2026.active = False
        self.assertEqual(self.week_a._kpa_rates(self.cape_a2), (0.22, 0.30))
        # Without a contract: the CAPE kind.
        self.cape_2026.active = True
        self.assertEqual(self.week_a._kpa_rates(), (0.20, 0.40))

    def test_another_companys_profile_does_not_apply(self):
        other = self.env["res.company"].create({"name": "Autre CAE"})
        self.cape_2026.active = False
        self._profile("Autre", "cape", "2026-01-01", False, 0.05, 0.05,
                      company_id=other.id)
        self.assertEqual(self.week_a._kpa_rates(self.cape_a), (0.22, 0.30))

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def test_overlapping_profiles_are_refused(self):
        for date_from, date_to in (("2026-12-31", False),
                                   ("2025-06-01", "2026-01-01"),
                                   ("2026-03-01", "2026-03-31"),
                                   ("2025-01-01", False)):
            with self.assertRaises(ValidationError) as error, \
                    self.cr.savepoint():
                self._profile("Doublon", "cape", date_from, date_to,
                              0.2, 0.4)
            self.assertIn("CAPE 2026", error.exception.name)
        # Moving an existing one onto another is refused too.
        later = self._profile("CAPE 2027", "cape", "2027-01-01", False,
                              0.25, 0.35)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            later.date_from = "2026-12-01"
        # Another kind, another company, an archived one: no overlap.
        self._profile("CESA 2026", "cesa", "2026-01-01", False, 0.22, 0.42)
        other = self.env["res.company"].create({"name": "Autre CAE"})
        self._profile("Autre", "cape", "2026-01-01", False, 0.2, 0.4,
                      company_id=other.id)
        self.cape_2026.active = False
        self._profile("CAPE 2026 bis", "cape", "2026-01-01", "2026-12-31",
                      0.21, 0.41)

    def test_overlap_message_is_french(self):
        with self.assertRaises(ValidationError) as error, \
                self.cr.savepoint():
            self.Profile.with_context(lang="fr_FR").create({
                "name": "Doublon", "kind": "cape",
                "date_from": "2026-06-01", "employee_rate": 0.2,
                "employer_rate": 0.4})
        self.assertIn("chevauche", error.exception.name)
        self.assertIn("01/01/2026", error.exception.name)

    def test_bad_rates_and_dates_are_refused(self):
        for employee, employer in ((1.0, 0.3), (-0.1, 0.3), (0.2, 1.5)):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self._profile("Mauvais", "cesa", "2026-01-01", False,
                              employee, employer)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._profile("A l'envers", "cesa", "2026-06-01", "2026-05-31",
                          0.2, 0.4)

    # ------------------------------------------------------------------
    # Who changes the rates
    # ------------------------------------------------------------------
    def test_coordinators_and_members_cannot_change_rates(self):
        profile = self.cape_2026.sudo(self.coordinator_a)
        self.assertEqual(profile.employee_rate, 0.20)
        with self.assertRaises(AccessError), self.cr.savepoint():
            profile.write({"employee_rate": 0.01})
        with self.assertRaises(AccessError), self.cr.savepoint():
            profile.unlink()
        with self.assertRaises(AccessError), self.cr.savepoint():
            self._profile("Le mien", "cesa", "2026-01-01", False, 0.0, 0.0,
                          user=self.coordinator_a)
        member = self.cape_2026.sudo(self.member_user_a)
        with self.assertRaises(AccessError), self.cr.savepoint():
            member.read(["employee_rate"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            member.write({"employee_rate": 0.01})
        self.assertEqual(self.cape_2026.employee_rate, 0.20)
        # The member's own figures still use the profile (read as the CAE).
        self.assertEqual(
            self.week_a.sudo(self.member_user_a)._kpa_rates(), (0.20, 0.40))

    def test_the_cae_manager_and_the_accountant_update_rates(self):
        for user, name in ((self.manager, "CESA 2026"),
                           (self.accountant, "CESA 2027")):
            year = name[-4:]
            profile = self._profile(name, "cesa", year + "-01-01",
                                    year + "-12-31", 0.22, 0.42, user=user)
            profile.write({"employer_rate": 0.43})
            self.assertEqual(profile.employer_rate, 0.43)
        self.acre_2026.sudo(self.accountant).unlink()
        self.assertFalse(self.acre_2026.exists())

    def test_only_the_cae_sets_a_contracts_kind(self):
        with self.assertRaises(AccessError) as error, self.cr.savepoint():
            self.cape_a.sudo(self.coordinator_a).write(
                {"kpa_rate_kind": "cape_acre"})
        self.assertIn("CAE", error.exception.name)
        self.assertEqual(self.cape_a.kpa_rate_kind, "cape")
        # Writing the kind it has is no change.
        self.cape_a.sudo(self.coordinator_a).write({"kpa_rate_kind": "cape"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            self._cape(self.partner_b, self.kpa_b, self.coordinator_b,
                       date_start="2027-03-01", kpa_rate_kind="cape_acre")
        self.cape_a.sudo(self.manager).write({"kpa_rate_kind": "cape_acre"})
        self.assertEqual(self.cape_a.kpa_rate_kind, "cape_acre")
