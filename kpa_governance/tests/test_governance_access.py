# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees and does what, tested from the side of the one refused."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.kpa_cooperative.services.trust import trusted

from .common import GovernanceCase


class TestGovernanceAccess(GovernanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.decision_a = cls.env["kpa.decision"].create({
            "name": "Décision Alpha", "kpa_id": cls.kpa_a.id,
            "proposal": "<p>Alpha</p>"})
        cls.decision_a.action_open()
        cls.decision_b = cls.env["kpa.decision"].create({
            "name": "Décision Beta", "kpa_id": cls.kpa_b.id,
            "proposal": "<p>Beta</p>"})
        cls.decision_b.action_open()
        cls.draft_a = cls.env["kpa.decision"].create({
            "name": "Brouillon Alpha", "kpa_id": cls.kpa_a.id})
        cls.vote_a2 = cls.decision_a._kpa_vote("agree", None, cls.partner_a2)

    def test_coordinator_sees_only_her_kpa(self):
        Decision = self.env["kpa.decision"].sudo(self.coordinator_a)
        self.assertEqual(Decision.search([]), self.decision_a | self.draft_a)
        with self.assertRaises(AccessError):
            self.decision_b.sudo(self.coordinator_a).read(["name"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.decision_b.sudo(self.coordinator_a).action_close()
        with self.assertRaises(AccessError), self.cr.savepoint():
            Decision.create({"name": "Chez B", "kpa_id": self.kpa_b.id})
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env["kpa.decision.vote"].sudo(self.coordinator_a).create({
                "decision_id": self.decision_b.id,
                "partner_id": self.partner_b.id, "position": "agree"})

    def test_coordinator_runs_her_kpa(self):
        decision = self.decision_a.sudo(self.coordinator_a)
        decision._kpa_vote("agree", None, self.partner_a3)
        decision.action_close()
        self.assertEqual(decision.outcome, "adopted")

    def test_manager_sees_everything(self):
        Decision = self.env["kpa.decision"].sudo(self.manager)
        self.assertEqual(
            Decision.search([("id", "in", (self.decision_a
                                           | self.decision_b).ids)]),
            self.decision_a | self.decision_b)

    def test_member_reads_own_kpa_decisions_not_drafts(self):
        Decision = self.env["kpa.decision"].sudo(self.member_user_a)
        self.assertEqual(Decision.search([]), self.decision_a)
        for decision in (self.decision_b, self.draft_a):
            with self.assertRaises(AccessError):
                decision.sudo(self.member_user_a).read(["name"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.decision_a.sudo(self.member_user_a).write({"name": "À moi"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.decision_a.sudo(self.member_user_a).action_close()
        with self.assertRaises(AccessError), self.cr.savepoint():
            Decision.create({"name": "Nouvelle", "kpa_id": self.kpa_a.id})

    def test_member_votes_for_herself_only(self):
        decision = self.decision_a.sudo(self.member_user_a)
        vote = decision.vote("block", "Pas le samedi, je garde mes enfants.")
        self.assertEqual(vote.partner_id, self.partner_a)
        vote = decision.vote("agree")
        self.assertEqual(vote.position, "agree")
        self.assertEqual(len(self.decision_a.vote_ids), 2)
        # She sees the others' votes and reasons...
        self.assertEqual(decision.vote_ids.mapped("partner_id"),
                         self.partner_a | self.partner_a2)
        self.assertEqual(decision.agree_count, 2)
        # ... but cannot cast, change or withdraw them.
        with self.assertRaises(AccessError), self.cr.savepoint():
            decision._kpa_vote("disagree", None, self.partner_a2)
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.vote_a2.sudo(self.member_user_a).write(
                {"position": "disagree"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            vote.unlink()
        self.assertEqual(self.vote_a2.position, "agree")

    def test_member_cannot_touch_another_kpa(self):
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.decision_b.sudo(self.member_user_a).vote("agree")
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.decision_b.sudo(self.member_user_a).vote_ids.read(["position"])
        Vote = self.env["kpa.decision.vote"].sudo(self.member_user_b)
        self.assertFalse(Vote.search([("decision_id", "=",
                                       self.decision_a.id)]))
        with self.assertRaises(AccessError):
            self.vote_a2.sudo(self.member_user_b).read(["position"])

    def test_member_cannot_vote_on_a_draft(self):
        with self.assertRaises((AccessError, UserError)), self.cr.savepoint():
            self.draft_a.sudo(self.member_user_a).vote("agree")

    def test_member_topics_and_logbook(self):
        # As on the portal: with the chatter's notes on.
        Topic = self.env["kpa.governance.topic"].sudo(
            self.member_user_a).with_context(tracking_disable=False)
        topic = Topic.create({"name": "Le ménage", "kpa_id": self.kpa_a.id})
        self.assertEqual(topic.raised_by_id, self.partner_a)
        with self.assertRaises(AccessError), self.cr.savepoint():
            Topic.create({"name": "Chez B", "kpa_id": self.kpa_b.id})
        with self.assertRaises(AccessError), self.cr.savepoint():
            topic.write({"state": "decided"})
        Entry = self.env["kpa.logbook.entry"].sudo(self.member_user_a)
        entry = Entry.create({"kpa_id": self.kpa_a.id,
                              "body": "<p>Livraison faite.</p>"})
        entry.write({"body": "<p>Livraison faite, 12 repas.</p>"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            Entry.create({"kpa_id": self.kpa_b.id, "body": "<p>Intrus</p>"})
        # Signed by its writer only (the guard: a protected field).
        with self.assertRaises(UserError), self.cr.savepoint():
            Entry.create({"kpa_id": self.kpa_a.id, "body": "<p>Faux</p>",
                          "author_id": self.partner_a2.id})
        other = trusted(self.env["kpa.logbook.entry"]).create({
            "kpa_id": self.kpa_a.id, "author_id": self.partner_a2.id,
            "body": "<p>Écrit par un autre</p>"})
        self.assertIn(other, Entry.search([]))
        with self.assertRaises(AccessError), self.cr.savepoint():
            other.sudo(self.member_user_a).write({"body": "<p>Modifié</p>"})
        self.assertFalse(
            self.env["kpa.logbook.entry"].sudo(self.member_user_b).search(
                [("kpa_id", "=", self.kpa_a.id)]))

    def test_coordinator_cannot_touch_another_kpa_governance(self):
        role_b = self.env["kpa.role"].create({"name": "Accueil",
                                              "kpa_id": self.kpa_b.id})
        meeting_b = self.env["kpa.governance.meeting"].create(
            {"kpa_id": self.kpa_b.id})
        for record in (role_b, meeting_b):
            with self.assertRaises(AccessError):
                record.sudo(self.coordinator_a).read(["name"])
            with self.assertRaises(AccessError):
                record.sudo(self.member_user_a).read(["name"])

    def test_cae_manager_sees_only_the_governance_of_her_company(self):
        """Two CAEs on one Odoo: a KPA of the other CAE, its decision, vote,
        logbook, topic, role and charter stay out of sight."""
        other = self.env["res.company"].create({"name": "Autre CAE"})
        kpa = self.env["kpa.cooperative"].create({
            "name": "KPA Ailleurs", "code": "AILL", "company_id": other.id})
        partner = self.env["res.partner"].create({"name": "Membre Ailleurs"})
        self.env["kpa.membership"].create({
            "partner_id": partner.id, "kpa_id": kpa.id, "state": "member"})
        decision = self.env["kpa.decision"].create({
            "name": "Décision ailleurs", "kpa_id": kpa.id,
            "proposal": "<p>Ailleurs</p>"})
        decision.action_open()
        role = self.env["kpa.role"].create({"name": "Clés", "kpa_id": kpa.id})
        records = [
            decision, decision._kpa_vote("agree", None, partner), role,
            self.env["kpa.charter"].create({
                "name": "Charte ailleurs", "kpa_id": kpa.id,
                "article_ids": [(0, 0, {"name": "Un", "body": "<p>1</p>"})]}),
            trusted(self.env["kpa.logbook.entry"]).create({
                "kpa_id": kpa.id, "author_id": partner.id,
                "body": "<p>Ailleurs</p>"}),
            self.env["kpa.governance.topic"].create({
                "name": "Point ailleurs", "kpa_id": kpa.id}),
            self.env["kpa.governance.meeting"].create({"kpa_id": kpa.id}),
        ]
        records.append(records[3].article_ids)
        for record in records:
            mine = record.sudo(self.manager)
            self.assertFalse(mine.search([("id", "in", record.ids)]),
                             record._name)
            with self.assertRaises(AccessError, msg=record._name):
                mine.read(["display_name"])
        # The network charter (no KPA) is everyone's.
        network = self.env["kpa.charter"].create({"name": "Charte réseau"})
        self.assertTrue(network.sudo(self.manager).read(["name"]))

    def test_former_member_reads_history_and_writes_nothing(self):
        entry = self.env["kpa.logbook.entry"].sudo(self.member_user_a).create(
            {"kpa_id": self.kpa_a.id, "body": "<p>Avant de partir.</p>"})
        self.membership_a.action_leave("salaried", "2026-06-30")
        Entry = self.env["kpa.logbook.entry"].sudo(self.member_user_a)
        self.assertIn(entry, Entry.search([]))
        for attempt in (
                lambda: Entry.create({"kpa_id": self.kpa_a.id,
                                      "body": "<p>Après.</p>"}),
                lambda: entry.sudo(self.member_user_a).write(
                    {"body": "<p>Réécrit.</p>"}),
                lambda: self.env["kpa.governance.topic"].sudo(
                    self.member_user_a).create(
                    {"name": "Encore moi", "kpa_id": self.kpa_a.id})):
            with self.assertRaises(AccessError), self.cr.savepoint():
                attempt()
