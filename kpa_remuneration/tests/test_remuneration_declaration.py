# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Declarations: the pay, who can declare, what can change."""
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import RemunerationCase


class TestRemunerationDeclaration(RemunerationCase):

    def test_net_390_gives_gross_500_employer_150_cost_650(self):
        declaration = self.declare(self.partner_a, 390)
        self.assertEqual((declaration.amount_gross,
                          declaration.amount_employer,
                          declaration.amount_cost), (500.0, 150.0, 650.0))
        self.assertEqual(declaration.contract_id, self.cape_a)
        declaration.write({"amount_net": 100})
        self.assertEqual((declaration.amount_gross,
                          declaration.amount_employer,
                          declaration.amount_cost), (128.21, 38.46, 166.67))

    def test_company_rates_are_used(self):
        self.company.kpa_employee_rate = 0.20
        self.company.kpa_employer_rate = 0.40
        declaration = self.declare(self.partner_a, 400)
        self.assertEqual((declaration.amount_gross,
                          declaration.amount_employer,
                          declaration.amount_cost), (500.0, 200.0, 700.0))

    def test_company_rates_must_be_shares(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.company.kpa_employee_rate = 1.0
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.company.kpa_employer_rate = -0.1

    @mute_logger("odoo.sql_db")  # the database refuses: expected
    def test_zero_is_allowed_negative_is_not(self):
        self.assertEqual(self.declare(self.partner_a, 0).amount_cost, 0.0)
        with self.assertRaises(Exception), self.cr.savepoint():
            self.declare(self.partner_a2, -5)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.declare(self.partner_a2, 10, hours=200)

    @mute_logger("odoo.sql_db")  # the database refuses: expected
    def test_one_per_member_and_week(self):
        self.declare(self.partner_a, 10)
        with self.assertRaises(Exception), self.cr.savepoint():
            self.declare(self.partner_a, 20)

    def test_no_cape_is_refused_with_the_reason(self):
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            self.declare(self.partner_no_cape, 10)
        self.assertIn("CAPE", caught.exception.name)
        self.assertIn("Membre Sans Cape", caught.exception.name)

    def test_cape_ended_before_the_week_is_refused(self):
        later = self.Period._kpa_get_week(self.kpa_a, "2027-06-01")
        with self.assertRaises(UserError), self.cr.savepoint():
            self.declare(self.partner_a, 10, period=later)

    def test_not_a_member_of_that_kpa_is_refused(self):
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            self.declare(self.partner_b, 10)
        self.assertIn("Membre Beta", caught.exception.name)

    def test_alumni_before_the_week_is_refused(self):
        self.env["kpa.membership"].search([
            ("partner_id", "=", self.partner_a2.id)]).action_leave(
            date_leave="2026-03-10")
        with self.assertRaises(UserError), self.cr.savepoint():
            self.declare(self.partner_a2, 10)

    def test_sending_must_fit_in_the_pot(self):
        self._cash_a()
        first = self.declare(self.partner_a, 390)
        first.action_submit()
        self.assertEqual(first.state, "submitted")
        second = self.declare(self.partner_a2, 390)
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            second.action_submit()
        self.assertIn("1\u202f300,00", caught.exception.name)
        self.assertIn("850,00", caught.exception.name)
        self.assertEqual(second.state, "draft")

    def test_state_changes_by_buttons_only(self):
        declaration = self.declare(self.partner_a, 10)
        with self.assertRaises(UserError), self.cr.savepoint():
            declaration.write({"state": "validated"})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.declare(self.partner_a2, 10, state="validated")
        with self.assertRaises(UserError), self.cr.savepoint():
            declaration.write({"partner_id": self.partner_a2.id})
        with self.assertRaises(UserError), self.cr.savepoint():
            declaration.write({"period_id": self.week_b.id})

    def test_refuse_and_back_to_draft(self):
        declaration = self.declare(self.partner_a, 10)
        declaration.sudo(self.coordinator_a).action_refuse()
        self.assertEqual(declaration.state, "refused")
        told = declaration.message_ids.filtered("partner_ids")
        self.assertEqual(told.partner_ids, self.partner_a)
        self.assertEqual(declaration.get_access_action(
            self.member_user_a.id)["url"],
            "/my/declarations/%d" % declaration.id)
        self.assertNotEqual(declaration.get_access_action(
            self.member_user_a2.id).get("url"),
            "/my/declarations/%d" % declaration.id)
        declaration.action_draft()
        self.assertEqual(declaration.state, "draft")
