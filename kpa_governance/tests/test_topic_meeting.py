# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import GovernanceCase


class TestTopicMeeting(GovernanceCase):

    def setUp(self):
        super().setUp()
        Topic = self.env["kpa.governance.topic"]
        self.meeting = self.env["kpa.governance.meeting"].create({
            "name": "Point gouvernance", "kpa_id": self.kpa_a.id,
            "date": "2026-06-01 18:00:00",
            "attendee_ids": [(6, 0, (self.partner_a | self.partner_a2).ids)]})
        self.topics = [Topic.create({"name": name, "kpa_id": self.kpa_a.id})
                       for name in ("Ménage", "Horaires", "Fête", "Logo")]

    def test_topic_flow(self):
        topic = self.topics[0]
        self.assertEqual(topic.state, "open")
        topic.action_schedule(self.meeting)
        self.assertEqual(topic.state, "scheduled")
        self.assertIn(topic, self.meeting.topic_ids)

    def test_closing_a_meeting_moves_its_topics_on(self):
        menage, horaires, fete, logo = self.topics
        for topic in self.topics:
            topic.write({"meeting_id": self.meeting.id})
        self.assertEqual(set(self.meeting.topic_ids.mapped("state")),
                         {"scheduled"})
        menage.meeting_result = "decided"
        fete.meeting_result = "dropped"
        self.make_decision(topic_id=horaires.id, meeting_id=self.meeting.id)
        self.meeting.write({"minutes": "<p>On a parlé.</p>"})
        self.meeting.action_close()
        self.assertEqual(self.meeting.state, "done")
        self.assertEqual(menage.state, "decided")
        self.assertEqual(horaires.state, "decided")
        self.assertEqual(fete.state, "dropped")
        self.assertEqual(logo.state, "open")
        self.assertFalse(logo.meeting_id)
        with self.assertRaises(UserError):
            self.meeting.action_close()

    def test_cancelled_meeting_reopens_topics(self):
        self.topics[0].action_schedule(self.meeting)
        self.meeting.action_cancel()
        self.assertEqual(self.topics[0].state, "open")

    def test_closing_a_decision_settles_its_topic(self):
        topic = self.topics[1]
        decision = self.make_decision(topic_id=topic.id)
        decision.action_close()
        self.assertEqual(topic.state, "decided")

    def test_topic_and_meeting_of_the_same_kpa(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["kpa.governance.topic"].create({
                "name": "Ailleurs", "kpa_id": self.kpa_b.id,
                "meeting_id": self.meeting.id})
