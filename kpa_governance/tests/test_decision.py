# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import GovernanceCase


class TestDecision(GovernanceCase):

    def test_consent_with_a_block_closes_rejected(self):
        decision = self.make_decision("consent")
        decision._kpa_vote("agree", None, self.partner_a)
        decision._kpa_vote("block", "Trop tôt pour nous.", self.partner_a2)
        self.assertEqual(decision.block_count, 1)
        decision.action_close()
        self.assertEqual(decision.state, "closed")
        self.assertEqual(decision.outcome, "rejected")
        self.assertEqual(decision.outcome_reason, "blocked")
        self.assertTrue(decision.date_closed)

    def test_majority_quorum_not_met(self):
        decision = self.make_decision("majority", quorum=3)
        decision._kpa_vote("agree", None, self.partner_a)
        decision._kpa_vote("agree", None, self.partner_a2)
        decision.action_close()
        self.assertEqual(decision.outcome, "rejected")
        self.assertEqual(decision.outcome_reason, "quorum_not_met")

    def test_majority_adopted(self):
        decision = self.make_decision("majority", quorum=3)
        decision._kpa_vote("agree", None, self.partner_a)
        decision._kpa_vote("agree", None, self.partner_a2)
        decision._kpa_vote("disagree", None, self.partner_a3)
        decision.action_close()
        self.assertEqual(decision.outcome, "adopted")

    def test_a_new_vote_replaces_the_previous_one(self):
        decision = self.make_decision("unanimity")
        first = decision._kpa_vote("disagree", None, self.partner_a)
        second = decision._kpa_vote("agree", None, self.partner_a)
        self.assertEqual(first, second)
        self.assertEqual(len(decision.vote_ids), 1)
        self.assertEqual(decision.vote_ids.position, "agree")
        decision.action_close()
        self.assertEqual(decision.outcome, "adopted")

    def test_block_needs_a_reason(self):
        decision = self.make_decision()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            decision._kpa_vote("block", None, self.partner_a)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            decision._kpa_vote("block", "   ", self.partner_a)
        self.assertFalse(decision.vote_ids)

    def test_outsiders_and_alumni_cannot_vote(self):
        decision = self.make_decision()
        for partner in (self.partner_b, self.alumnus_a):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                decision._kpa_vote("agree", None, partner)
        self.assertNotIn(self.alumnus_a, decision.voter_ids)
        self.assertIn(self.partner_a3, decision.voter_ids)

    def test_no_vote_before_open_or_after_close(self):
        decision = self.make_decision(state="draft")
        with self.assertRaises(UserError), self.cr.savepoint():
            decision._kpa_vote("agree", None, self.partner_a)
        decision.action_open()
        vote = decision._kpa_vote("agree", None, self.partner_a)
        decision.action_close()
        with self.assertRaises(UserError), self.cr.savepoint():
            decision._kpa_vote("disagree", None, self.partner_a2)
        with self.assertRaises(UserError), self.cr.savepoint():
            decision._kpa_vote("disagree", None, self.partner_a)
        with self.assertRaises(UserError), self.cr.savepoint():
            vote.write({"position": "block", "reason": "Trop tard"})
        with self.assertRaises(UserError), self.cr.savepoint():
            vote.unlink()
        self.assertEqual(vote.position, "agree")

    def test_a_closed_decision_never_changes(self):
        decision = self.make_decision(outcome_statement="On ouvre.")
        decision.action_close()
        for values in ({"name": "Autre chose"},
                       {"outcome_statement": "Autre"},
                       {"review_date": "2027-01-01"},
                       {"method": "majority"}):
            with self.assertRaises(UserError), self.cr.savepoint():
                decision.write(values)
        with self.assertRaises(UserError), self.cr.savepoint():
            decision.unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            decision.action_close()
        with self.assertRaises(UserError), self.cr.savepoint():
            decision.action_cancel()
        self.assertEqual(decision.name, "Ouvrir le samedi")
        # The chatter still works on it.
        decision.message_post(body=decision.name)

    def test_outcome_is_computed_except_for_advice(self):
        decision = self.make_decision("majority")
        with self.assertRaises(UserError), self.cr.savepoint():
            decision.write({"outcome": "adopted"})
        advice = self.make_decision("advice")
        advice._kpa_vote("disagree", "Pas convaincu", self.partner_a)
        with self.assertRaises(UserError), self.cr.savepoint():
            advice.action_close()
        advice.write({"outcome": "adopted"})
        advice.action_close()
        self.assertEqual(advice.outcome, "adopted")
        self.assertEqual(advice.outcome_reason, "proposer_decides")

    def test_open_needs_a_proposal(self):
        decision = self.make_decision(state="draft", proposal=False)
        with self.assertRaises(UserError):
            decision.action_open()

    def test_cancel_and_back_to_draft(self):
        decision = self.make_decision()
        decision.action_cancel()
        self.assertEqual(decision.state, "cancelled")
        decision.action_draft()
        self.assertEqual(decision.state, "draft")
        decision.unlink()

    def test_review_date_schedules_a_reminder(self):
        decision = self.make_decision(review_date="2027-03-01")
        activity = decision.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, "2027-03-01")
        self.assertEqual(activity.user_id, self.coordinator_a)
        decision.write({"review_date": "2027-06-01"})
        self.assertEqual(decision.activity_ids.date_deadline, "2027-06-01")
        decision.write({"review_date": False})
        self.assertFalse(decision.activity_ids)

    def test_cron_closes_expired_votes(self):
        decision = self.make_decision(date_deadline="2020-01-01")
        later = self.make_decision(date_deadline="2999-01-01")
        self.env["kpa.decision"]._cron_close_expired()
        self.assertEqual(decision.state, "closed")
        self.assertEqual(later.state, "open")

    def test_open_decisions_come_first(self):
        closed = self.make_decision()
        closed.action_close()
        opened = self.make_decision()
        found = self.env["kpa.decision"].search(
            [("id", "in", (closed | opened).ids)])
        self.assertEqual(found[0], opened)

    def test_opening_tells_every_voter_with_a_button_to_the_vote(self):
        decision = self.make_decision(
            name="Ouvrir <le> samedi", date_deadline="2026-12-24")
        message = decision.message_ids.filtered(
            lambda m: m.partner_ids and m.subject)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, decision.voter_ids)
        self.assertNotIn(self.alumnus_a, message.partner_ids)
        self.assertIn("Ouvrir &lt;le&gt; samedi", message.body)
        self.assertIn("24/12/2026", message.body)
        # Queued for the mail queue, not sent during the click.
        mails = self.env["mail.mail"].search(
            [("mail_message_id", "=", message.id)])
        self.assertTrue(mails)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
        # The member's button leads to the vote page of the portal.
        action = decision.get_access_action(self.member_user_a.id)
        self.assertEqual(action["url"], "/my/decisions/%d" % decision.id)
        outsider = decision.get_access_action(self.member_user_b.id)
        self.assertNotEqual(outsider.get("url"),
                            "/my/decisions/%d" % decision.id)

    def test_consensus_with_a_disagreement_closes_rejected(self):
        """Once a ValueError on the reason code: the daily cron stopped."""
        decision = self.make_decision("consensus", date_deadline="2026-01-01")
        decision._kpa_vote("agree", None, self.partner_a)
        decision._kpa_vote("disagree", None, self.partner_a2)
        self.env["kpa.decision"]._cron_close_expired()
        self.assertEqual(decision.state, "closed")
        self.assertEqual(decision.outcome, "rejected")
        self.assertEqual(decision.outcome_reason, "disagreement")

    def test_guarded_fields_refuse_any_client_context(self):
        decision = self.make_decision("consent")
        for context in ({"kpa_decision_closing": True},
                        {"kpa_trusted": True}):
            with self.assertRaises(UserError), self.cr.savepoint():
                decision.with_context(**context).write({"state": "closed"})
            with self.assertRaises(UserError), self.cr.savepoint():
                decision.with_context(**context).write(
                    {"proposal": "<p>Autre chose</p>"})
        self.assertEqual(decision.state, "open")

    def test_cancelled_vote_does_not_come_back_as_a_draft(self):
        decision = self.make_decision("consent")
        decision._kpa_vote("agree", None, self.partner_a)
        decision.action_cancel()
        with self.assertRaises(UserError), self.cr.savepoint():
            decision.action_draft()
