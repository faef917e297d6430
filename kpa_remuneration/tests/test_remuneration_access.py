# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees what, tried from the refused side."""
from odoo.exceptions import AccessError, UserError

from .common import RemunerationCase


class TestRemunerationAccess(RemunerationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.decl_a = cls.Declaration.create({
            "period_id": cls.week_a.id, "partner_id": cls.partner_a.id,
            "amount_net": 0, "comment": "Secret A"})
        cls.decl_a2 = cls.Declaration.create({
            "period_id": cls.week_a.id, "partner_id": cls.partner_a2.id,
            "amount_net": 0, "comment": "Secret A2"})
        cls.decl_b = cls.Declaration.create({
            "period_id": cls.week_b.id, "partner_id": cls.partner_b.id,
            "amount_net": 0, "comment": "Secret B"})

    def test_member_sees_own_kpa_weeks_only(self):
        Period = self.Period.sudo(self.member_user_a)
        self.assertEqual(Period.search([]), self.week_a)
        with self.assertRaises(AccessError):
            self.week_b.sudo(self.member_user_a).read(["amount_available"])

    def test_member_never_reads_another_members_declaration(self):
        Declaration = self.Declaration.sudo(self.member_user_a)
        self.assertEqual(Declaration.search([]), self.decl_a)
        for other in (self.decl_a2, self.decl_b):
            with self.assertRaises(AccessError):
                other.sudo(self.member_user_a).read(["comment"])
            with self.assertRaises(AccessError):
                other.sudo(self.member_user_a).write({"amount_net": 1})
        self.assertEqual(self.decl_a.sudo(self.member_user_a).comment,
                         "Secret A")

    def test_member_cannot_declare_for_someone_else(self):
        with self.assertRaises((AccessError, UserError)), \
                self.cr.savepoint():
            self.Declaration.sudo(self.member_user_a).create({
                "period_id": self.week_a.id,
                "partner_id": self.partner_no_cape.id, "amount_net": 5})

    def test_member_cannot_declare_in_another_kpa(self):
        with self.assertRaises((AccessError, UserError)), \
                self.cr.savepoint():
            self.Declaration.sudo(self.member_user_a).create({
                "period_id": self.week_b.id,
                "partner_id": self.partner_a.id, "amount_net": 5})

    def test_member_cannot_validate(self):
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.week_a.sudo(self.member_user_a).action_validate()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.decl_a.sudo(self.member_user_a).write(
                {"state": "validated"})

    def test_member_can_edit_own_open_declaration(self):
        self.decl_a.sudo(self.member_user_a).write({"amount_net": 0,
                                                    "hours": 3})
        self.assertEqual(self.decl_a.hours, 3)

    def test_coordinator_never_sees_another_kpas_declarations(self):
        Declaration = self.Declaration.sudo(self.coordinator_a)
        self.assertEqual(Declaration.search([]), self.decl_a | self.decl_a2)
        with self.assertRaises(AccessError):
            self.decl_b.sudo(self.coordinator_a).read(["comment"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.week_b.sudo(self.coordinator_a).action_validate()
        self.assertEqual(self.Period.sudo(self.coordinator_a).search([]),
                         self.week_a)

    def test_manager_sees_everything(self):
        self.assertEqual(
            self.Declaration.sudo(self.manager).search([]) & (
                self.decl_a | self.decl_a2 | self.decl_b),
            self.decl_a | self.decl_a2 | self.decl_b)
