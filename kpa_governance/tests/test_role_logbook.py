# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import ValidationError

from .common import GovernanceCase


class TestRoleLogbook(GovernanceCase):

    def test_rotation_history(self):
        role = self.env["kpa.role"].create({
            "name": "Communication", "kpa_id": self.kpa_a.id,
            "referent_id": self.partner_a.id, "rotation_months": 3,
            "contributor_ids": [(6, 0, self.partner_a2.ids)]})
        today = fields.Date.context_today(role)
        self.assertEqual(role.date_start, today)
        self.assertTrue(role.date_next_rotation > today)
        self.assertEqual(role.rotation_ids.referent_id, self.partner_a)
        role.write({"referent_id": self.partner_a2.id})
        self.assertEqual(len(role.rotation_ids), 2)
        previous = role.rotation_ids.filtered(
            lambda r: r.referent_id == self.partner_a)
        self.assertEqual(previous.date_end, today)
        current = role.rotation_ids - previous
        self.assertFalse(current.date_end)
        # Same referent again: no new line.
        role.write({"referent_id": self.partner_a2.id})
        self.assertEqual(len(role.rotation_ids), 2)

    def test_logbook_is_sanitized(self):
        entry = self.env["kpa.logbook.entry"].sudo(self.member_user_a).create({
            "kpa_id": self.kpa_a.id,
            "body": "<p onclick='steal()'>Bonjour</p>"
                    "<script>alert(1)</script>"})
        self.assertNotIn("<script", entry.body)
        self.assertNotIn("onclick", entry.body)
        self.assertIn("Bonjour", entry.body)

    def test_logbook_refuses_empty_entries(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["kpa.logbook.entry"].create({
                "kpa_id": self.kpa_a.id, "body": "<p> </p>"})

    def test_logbook_meeting_of_the_same_kpa(self):
        meeting = self.env["kpa.governance.meeting"].create(
            {"kpa_id": self.kpa_b.id})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["kpa.logbook.entry"].create({
                "kpa_id": self.kpa_a.id, "body": "<p>x</p>",
                "meeting_id": meeting.id})
