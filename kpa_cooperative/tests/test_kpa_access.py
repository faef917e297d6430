# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access rules, tested from the side of the user who must be refused."""
from odoo.exceptions import AccessError

from .common import KpaCase


class TestKpaAccess(KpaCase):

    def test_coordinator_sees_only_coordinated_kpas(self):
        Kpa = self.env["kpa.cooperative"].sudo(self.coordinator_a)
        self.assertEqual(Kpa.search([]), self.kpa_a)
        with self.assertRaises(AccessError):
            self.kpa_b.sudo(self.coordinator_a).read(["name"])
        with self.assertRaises(AccessError):
            self.kpa_b.sudo(self.coordinator_a).write({"name": "Taken"})

    def test_coordinator_cannot_touch_other_kpa_members(self):
        Membership = self.env["kpa.membership"].sudo(self.coordinator_a)
        self.assertEqual(Membership.search([]), self.membership_a)
        with self.assertRaises(AccessError):
            self.membership_b.sudo(self.coordinator_a).read(["state"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            Membership.create({"partner_id": self.partner_a.id,
                               "kpa_id": self.kpa_b.id})

    def test_coordinator_cannot_delete_a_kpa(self):
        with self.assertRaises(AccessError):
            self.kpa_a.sudo(self.coordinator_a).unlink()

    def test_manager_sees_every_kpa(self):
        Kpa = self.env["kpa.cooperative"].sudo(self.manager)
        self.assertEqual(Kpa.search([("id", "in", (self.kpa_a | self.kpa_b).ids)]),
                         self.kpa_a | self.kpa_b)

    def test_member_sees_own_kpa_only(self):
        Kpa = self.env["kpa.cooperative"].sudo(self.member_user_a)
        self.assertEqual(Kpa.search([]), self.kpa_a)
        with self.assertRaises(AccessError):
            self.kpa_b.sudo(self.member_user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.kpa_a.sudo(self.member_user_a).write({"name": "Mine"})

    def test_member_cannot_read_other_kpa_memberships(self):
        with self.assertRaises(AccessError):
            self.membership_b.sudo(self.member_user_a).read(["state"])
        with self.assertRaises(AccessError):
            self.membership_a.sudo(self.member_user_a).write(
                {"state": "alumni"})
