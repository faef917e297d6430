"""kpa_governance as a new user tries it, each step as the person who does
it: a member raises a point, the coordinator puts it on the next meeting
and opens a consent decision amending the charter; members vote, one blocks
with a reason, the decision closes rejected; the amended proposal is adopted
and becomes charter version 2, which the members accept."""
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.kpa_cooperative.tests.common import KpaCase


class TestGovernanceFlow(KpaCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Chatter notes on, as in real use.
        cls.env = cls.env(context=dict(cls.env.context,
                                       tracking_disable=False))
        cls.partner_a2, cls.member_user_a2 = cls._portal_member(
            "Inès Alpha", cls.kpa_a, "ines_a@example.org", state="newcomer",
            date_join="2026-02-01")
        cls.charter = cls.env["kpa.charter"].sudo(cls.coordinator_a).create({
            "name": "Charte Alpha", "kpa_id": cls.kpa_a.id,
            "article_ids": [(0, 0, {
                "name": "Rémunération",
                "body": "<p>Selon le temps passé.</p>"})]})
        cls.charter.action_make_current()

    def test_from_a_point_raised_to_charter_version_two(self):
        samir, ines = self.member_user_a, self.member_user_a2
        coordinator = self.coordinator_a
        # 1. A member raises a point (as from the phone).
        topic = self.env["kpa.governance.topic"].sudo(samir).create({
            "name": "Comment on se rémunère ?", "kpa_id": self.kpa_a.id})
        self.assertEqual(topic.state, "open")
        # 2. The coordinator puts it on the next meeting.
        meeting = self.env["kpa.governance.meeting"].sudo(coordinator) \
            .create({"kpa_id": self.kpa_a.id, "date": "2026-06-01 18:00:00"})
        topic.sudo(coordinator).action_schedule(meeting)
        self.assertEqual(topic.state, "scheduled")
        # 3. ... and opens a consent decision amending the charter.
        article = self.charter.article_ids
        Decision = self.env["kpa.decision"].sudo(coordinator)
        values = {
            "name": "Cinq critères", "kpa_id": self.kpa_a.id,
            "method": "consent", "topic_id": topic.id,
            "meeting_id": meeting.id, "proposal": "<p>Cinq critères.</p>",
            "charter_id": self.charter.id, "amendment": "replace",
            "amend_article_id": article.id,
            "amend_body": "<p>Temps, besoins, argent gagné, pot, soin.</p>"}
        # (a copy: mail.thread adds the followers to the dict it is given)
        first = Decision.create(dict(values))
        first.action_open()
        # 4. Members vote from the portal; one blocks, with a reason.
        first.sudo(samir).vote("agree")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            first.sudo(ines).vote("block")
        first.sudo(ines).vote("block", "Le soin n'est pas défini.")
        # Nobody votes on another KPA's behalf or in another KPA.
        with self.assertRaises(AccessError), self.cr.savepoint():
            first.sudo(self.member_user_b).vote("agree")
        first.action_close()
        self.assertEqual((first.state, first.outcome),
                         ("closed", "rejected"))
        self.assertFalse(first.new_charter_id)
        with self.assertRaises(UserError), self.cr.savepoint():
            first.sudo(coordinator).write({"name": "Réécrit"})
        # 5. The amended proposal is adopted and becomes version 2.
        second = Decision.create(dict(
            values, name="Cinq critères, soin défini",
            amend_body="<p>Temps, besoins, argent gagné, pot, soin "
                       "(ménage, accueil, écoute).</p>"))
        second.action_open()
        second.sudo(samir).vote("agree")
        second.sudo(ines).vote("agree", "Merci d'avoir précisé.")
        second.action_close()
        self.assertEqual(second.outcome, "adopted")
        version_2 = second.new_charter_id
        self.assertEqual((version_2.version, version_2.state),
                         (2, "current"))
        self.assertIn("écoute", version_2.article_ids.body)
        self.assertEqual(version_2.article_ids.change, "amended")
        self.assertEqual(self.charter.state, "superseded")
        self.assertEqual(topic.state, "decided")
        # 6. Members accept it from the portal.
        for user in (samir, ines):
            version_2.sudo(user).action_accept()
        memberships = self.env["kpa.membership"].search([
            ("kpa_id", "=", self.kpa_a.id), ("state", "!=", "alumni")])
        self.assertEqual(set(memberships.mapped("charter_accepted_id")),
                         {version_2})
        self.assertTrue(all(memberships.mapped("charter_up_to_date")))
        # The meeting closes: its topic is settled already.
        meeting.sudo(coordinator).action_close()
        self.assertEqual(meeting.state, "done")
