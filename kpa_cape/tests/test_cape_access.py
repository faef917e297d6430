# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from .common import CapeCase


class TestCapeAccess(CapeCase):
    """Who reads CAPEs and accompaniment notes, tested from the refused side."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cape_a = cls.cape()
        cls.cape_a.action_kpa_sign()
        cls.cape_b = cls.cape(partner=cls.partner_b, kpa=cls.kpa_b,
                              user=cls.coordinator_b)
        cls.cape_b.action_kpa_sign()
        cls.note_a = cls.env["kpa.followup"].sudo(cls.coordinator_a).create({
            "kpa_id": cls.kpa_a.id,
            "partner_ids": [(6, 0, cls.partner_a.ids)],
            "contract_id": cls.cape_a.id,
            "topic": "Bilan",
            "notes": "Difficultés de logement",
        })

    def test_coordinators_see_their_kpa_only(self):
        Contract = self.env["hr.contract"]
        seen_a = Contract.sudo(self.coordinator_a).search(
            [("kpa_is_cape", "=", True)])
        self.assertIn(self.cape_a, seen_a)
        self.assertNotIn(self.cape_b, seen_a)
        with self.assertRaises(AccessError):
            self.cape_a.sudo(self.coordinator_b).read(["date_end"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.cape_a.sudo(self.coordinator_b).write(
                {"kpa_activity": "autre"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.cape_a.sudo(self.coordinator_b).action_kpa_renew()

    def test_coordinator_cannot_write_a_cape_for_another_kpa(self):
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.cape(partner=self.partner_a, kpa=self.kpa_a,
                      user=self.coordinator_b, date_start="2028-01-01")

    def test_cae_manager_sees_every_cape(self):
        seen = self.env["hr.contract"].sudo(self.manager).search(
            [("kpa_is_cape", "=", True)])
        self.assertIn(self.cape_a, seen)
        self.assertIn(self.cape_b, seen)
        self.assertIn(self.note_a, self.env["kpa.followup"].sudo(
            self.manager).search([]))

    def test_member_sees_own_cape_only(self):
        Contract = self.env["hr.contract"].sudo(self.member_user_a)
        self.assertEqual(Contract.search([("kpa_is_cape", "=", True)]),
                         self.cape_a)
        self.assertEqual(self.cape_a.sudo(self.member_user_a).date_end,
                         self.cape_a.date_end)
        with self.assertRaises(AccessError):
            self.cape_b.sudo(self.member_user_a).read(["date_end"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.cape_a.sudo(self.member_user_a).write(
                {"kpa_activity": "autre"})
        terms = self.env["kpa.cape.term"].sudo(self.member_user_a).search([])
        self.assertEqual(terms, self.cape_a.kpa_term_ids)

    def test_followup_never_for_members(self):
        Followup = self.env["kpa.followup"]
        with self.assertRaises(AccessError):
            Followup.sudo(self.member_user_a).search([])
        with self.assertRaises(AccessError):
            self.note_a.sudo(self.member_user_a).read(["notes"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            Followup.sudo(self.member_user_a).create({
                "kpa_id": self.kpa_a.id,
                "partner_ids": [(6, 0, self.partner_a.ids)]})

    def test_followup_never_for_another_kpa_coordinator(self):
        Followup = self.env["kpa.followup"]
        self.assertFalse(Followup.sudo(self.coordinator_b).search([]))
        with self.assertRaises(AccessError):
            self.note_a.sudo(self.coordinator_b).read(["notes"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.note_a.sudo(self.coordinator_b).write({"notes": "lu"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            Followup.sudo(self.coordinator_b).create({
                "kpa_id": self.kpa_a.id,
                "partner_ids": [(6, 0, self.partner_a.ids)]})
        self.assertEqual(
            self.note_a.sudo(self.coordinator_a).notes,
            "Difficultés de logement")

    def test_followup_stays_within_its_kpa(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["kpa.followup"].create({
                "kpa_id": self.kpa_a.id,
                "partner_ids": [(6, 0, self.partner_b.ids)]})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["kpa.followup"].create({
                "kpa_id": self.kpa_a.id, "kind": "individual",
                "partner_ids": [(6, 0, (self.partner_a | self.minor).ids)]})
        collective = self.env["kpa.followup"].create({
            "kpa_id": self.kpa_a.id, "kind": "collective",
            "partner_ids": [(6, 0, (self.partner_a | self.minor).ids)]})
        self.assertIn("2", collective.name)
