# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GovernanceCase


class TestCharter(GovernanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.charter = cls.env["kpa.charter"].create({
            "name": "Charte Alpha", "kpa_id": cls.kpa_a.id,
            "article_ids": [
                (0, 0, {"sequence": 1, "name": "Ouverture",
                        "body": "<p>Tout le monde est bienvenu.</p>"}),
                (0, 0, {"sequence": 2, "name": "Rémunération",
                        "body": "<p>Chacun se rémunère selon le temps.</p>"}),
            ]})
        cls.charter.action_make_current()
        cls.network = cls.env["kpa.charter"].create({
            "name": "Charte KPA-Cité",
            "article_ids": [(0, 0, {"name": "Horizontalité",
                                    "body": "<p>Pas de chef.</p>"})]})
        cls.network.action_make_current()

    def amend(self, amendment, article=None, outcome="adopt"):
        decision = self.make_decision(
            "consent", state="draft", charter_id=self.charter.id,
            amendment=amendment,
            amend_article_id=article.id if article else False,
            amend_title="Rémunération" if amendment != "add" else "Soin",
            amend_body="<p>Cinq critères : temps, besoins, argent gagné, "
                       "pot commun, tâches de soin.</p>")
        decision.action_open()
        if outcome == "reject":
            decision._kpa_vote("block", "Pas assez clair", self.partner_a)
        decision.action_close()
        return decision

    def test_adopted_amendment_makes_version_two(self):
        article = self.charter.article_ids.filtered(
            lambda a: a.name == "Rémunération")
        decision = self.amend("replace", article)
        new = decision.new_charter_id
        self.assertEqual(new.version, 2)
        self.assertEqual(new.state, "current")
        self.assertEqual(new.previous_id, self.charter)
        self.assertEqual(new.decision_id, decision)
        self.assertEqual(self.charter.state, "superseded")
        changed = new.article_ids.filtered(lambda a: a.change == "amended")
        self.assertEqual(len(changed), 1)
        self.assertIn("Cinq critères", changed.body)
        self.assertEqual(changed.decision_id, decision)
        self.assertIn("selon le temps", changed.previous_body)
        self.assertIn("Cinq critères", new.change_summary)
        self.assertIn("selon le temps", new.change_summary)
        self.assertEqual(len(new.article_ids), 2)
        # The old version keeps its text.
        self.assertIn("selon le temps", article.body)
        self.assertEqual(self.env["kpa.charter"].current_for(self.kpa_a), new)

    def test_add_and_remove_articles(self):
        added = self.amend("add").new_charter_id
        self.assertEqual(len(added.article_ids), 3)
        self.assertEqual(added.article_ids[-1].change, "new")
        first = added.article_ids[0]
        self.charter = added
        removed = self.amend("remove", first).new_charter_id
        self.assertEqual(removed.version, 3)
        self.assertEqual(removed.article_ids.mapped("name"),
                         ["Rémunération", "Soin"])

    def test_rejected_amendment_changes_nothing(self):
        decision = self.amend("add", outcome="reject")
        self.assertEqual(decision.outcome, "rejected")
        self.assertFalse(decision.new_charter_id)
        self.assertEqual(self.charter.state, "current")

    def test_a_version_in_force_never_changes(self):
        with self.assertRaises(UserError), self.cr.savepoint():
            self.charter.write({"name": "Autre"})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.charter.article_ids[0].write({"body": "<p>Autre</p>"})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.charter.article_ids[0].unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.env["kpa.charter.article"].create({
                "charter_id": self.charter.id, "name": "Ajout"})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.charter.unlink()

    def test_amendment_checked_when_opening(self):
        decision = self.make_decision(
            state="draft", amendment="replace", charter_id=self.charter.id)
        with self.assertRaises(UserError), self.cr.savepoint():
            decision.action_open()
        # Another charter than its KPA's own is refused at once.
        with self.assertRaises(ValidationError), self.cr.savepoint():
            decision.write({"charter_id": self.network.id,
                            "amendment": "add", "amend_body": "<p>x</p>"})

    def test_members_accept_the_current_version(self):
        charter = self.charter.sudo(self.member_user_a)
        charter.action_accept()
        membership = self.membership_a
        self.assertEqual(membership.charter_accepted_id, self.charter)
        self.assertTrue(membership.charter_accepted_date)
        self.assertTrue(membership.charter_up_to_date)
        article = self.charter.article_ids[1]
        new = self.amend("replace", article).new_charter_id
        membership.invalidate_cache()
        self.assertFalse(membership.charter_up_to_date)
        with self.assertRaises(UserError), self.cr.savepoint():
            self.charter.sudo(self.member_user_a).action_accept()
        new.sudo(self.member_user_a).action_accept()
        self.assertEqual(membership.charter_accepted_id, new)

    def test_network_charter_is_shared(self):
        # Beta has no charter of its own: the network's is in force there.
        Charter = self.env["kpa.charter"]
        self.assertEqual(Charter.current_for(self.kpa_b), self.network)
        self.assertIn(self.network,
                      Charter.sudo(self.member_user_b).search([]))
        self.assertIn(self.network,
                      Charter.sudo(self.coordinator_b).search([]))
        self.network.sudo(self.member_user_b).action_accept()
        self.assertEqual(self.membership_b.charter_accepted_id, self.network)
        # Alpha has its own: accepting the network's is not accepting hers.
        with self.assertRaises(UserError), self.cr.savepoint():
            self.network.sudo(self.member_user_a).action_accept()
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.network.sudo(self.coordinator_a).write({"name": "Mienne"})

    def test_member_cannot_read_another_kpa_charter(self):
        with self.assertRaises(AccessError):
            self.charter.sudo(self.member_user_b).read(["name"])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.charter.sudo(self.member_user_b).action_accept()
        with self.assertRaises(AccessError):
            self.charter.sudo(self.coordinator_b).read(["name"])
