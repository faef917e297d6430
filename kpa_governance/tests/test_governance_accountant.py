# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The CAE accountant reads the governance of every KPA of her CAE and
changes nothing, tested from her side."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.kpa_cooperative.services.trust import trusted

from .common import GovernanceCase


class TestGovernanceAccountant(GovernanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls.env["res.users"].create({
            "name": "Comptable CAE", "login": "gov_accountant",
            "email": "gov_accountant@example.org",
            "groups_id": [(6, 0, cls.env.ref(
                "account.group_account_manager").ids)]})
        cls.decision_a = cls.make_decision_cls(cls.kpa_a)
        cls.decision_b = cls.make_decision_cls(cls.kpa_b)
        cls.vote_a = cls.decision_a._kpa_vote("agree", None, cls.partner_a2)
        cls.charter_a = cls.env["kpa.charter"].create({
            "name": "Charte Alpha", "kpa_id": cls.kpa_a.id,
            "article_ids": [(0, 0, {"name": "Rémunération",
                                    "body": "<p>Selon le temps.</p>"})]})
        cls.topic_b = cls.env["kpa.governance.topic"].create({
            "name": "Horaires", "kpa_id": cls.kpa_b.id})
        cls.meeting_b = cls.env["kpa.governance.meeting"].create({
            "kpa_id": cls.kpa_b.id, "date": "2026-06-01 18:00:00"})
        cls.role_a = cls.env["kpa.role"].create({
            "name": "Trésorerie", "kpa_id": cls.kpa_a.id,
            "referent_id": cls.partner_a.id})
        cls.entry_a = trusted(cls.env["kpa.logbook.entry"]).create({
            "kpa_id": cls.kpa_a.id, "author_id": cls.partner_a.id,
            "body": "<p>Achat du four.</p>"})
        cls.records = [
            cls.decision_a, cls.decision_b, cls.vote_a, cls.charter_a,
            cls.charter_a.article_ids, cls.topic_b, cls.meeting_b,
            cls.role_a, cls.role_a.rotation_ids, cls.entry_a]
        assert all(cls.records), "one of each governance record"

    @classmethod
    def make_decision_cls(cls, kpa):
        decision = cls.env["kpa.decision"].create({
            "name": "Acheter un four", "kpa_id": kpa.id,
            "proposal": "<p>Un four pour le traiteur.</p>"})
        decision.action_open()
        return decision

    @staticmethod
    def edit(record):
        """A harmless change of a field the record has."""
        for name in ("name", "reason", "date_end"):
            if name in record._fields:
                return {name: record[name] or False}
        raise AssertionError(record._name)

    def test_reads_every_kpa_governance(self):
        for record in self.records:
            mine = record.sudo(self.accountant)
            self.assertEqual(mine.search([("id", "in", record.ids)]), record,
                             record._name)
            self.assertTrue(mine.read(["display_name"]), record._name)
        decision = self.decision_a.sudo(self.accountant)
        self.assertEqual(decision.agree_count, 1)
        self.assertEqual(decision.vote_ids, self.vote_a)

    def test_writes_creates_deletes_nothing(self):
        for record in self.records:
            mine = record.sudo(self.accountant)
            with self.assertRaises(AccessError, msg=record._name), \
                    self.cr.savepoint():
                mine.write(self.edit(record))
            with self.assertRaises(AccessError, msg=record._name), \
                    self.cr.savepoint():
                mine.unlink()
        for model, values in (
                ("kpa.decision", {"name": "Par la compta",
                                  "kpa_id": self.kpa_a.id}),
                ("kpa.governance.topic", {"name": "Par la compta",
                                          "kpa_id": self.kpa_a.id}),
                ("kpa.role", {"name": "Par la compta",
                              "kpa_id": self.kpa_a.id}),
                ("kpa.charter", {"name": "Par la compta",
                                 "kpa_id": self.kpa_a.id}),
                ("kpa.logbook.entry", {"kpa_id": self.kpa_a.id,
                                       "body": "<p>Par la compta</p>"})):
            with self.assertRaises(AccessError, msg=model), \
                    self.cr.savepoint():
                self.env[model].sudo(self.accountant).create(values)

    def test_runs_no_workflow(self):
        decision = self.decision_a.sudo(self.accountant)
        for action in (decision.action_close, decision.action_cancel,
                       lambda: decision.vote("block", "Trop cher"),
                       self.charter_a.sudo(self.accountant)
                       .action_make_current,
                       self.topic_b.sudo(self.accountant).action_drop,
                       self.meeting_b.sudo(self.accountant).action_cancel):
            with self.assertRaises((AccessError, UserError)), \
                    self.cr.savepoint():
                action()
        self.assertEqual(self.decision_a.state, "open")
        self.assertEqual(self.decision_a.vote_ids, self.vote_a)
        self.assertEqual(self.charter_a.state, "draft")
        self.assertEqual(self.topic_b.state, "open")
        self.assertEqual(self.meeting_b.state, "planned")
