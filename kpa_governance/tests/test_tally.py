# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Vote tallying rules: no database needed."""
import unittest

from ..services import tally as t


def outcome(method, positions, **kwargs):
    result = t.tally(method, positions, **kwargs)
    return result.outcome, result.reason


class TestTallyConsent(unittest.TestCase):

    def test_adopted_without_block(self):
        self.assertEqual(outcome("consent", ["agree", "disagree", "abstain"]),
                         (t.ADOPTED, t.NO_BLOCK))

    def test_a_single_block_rejects(self):
        self.assertEqual(outcome("consent", ["agree"] * 9 + ["block"]),
                         (t.REJECTED, t.BLOCKED))

    def test_silence_is_consent(self):
        self.assertEqual(outcome("consent", []), (t.ADOPTED, t.NO_BLOCK))

    def test_quorum_not_met(self):
        self.assertEqual(outcome("consent", ["agree"], quorum=2),
                         (t.REJECTED, t.QUORUM_NOT_MET))


class TestTallyMajority(unittest.TestCase):

    def test_more_agree_adopts(self):
        self.assertEqual(outcome("majority", ["agree", "agree", "disagree"]),
                         (t.ADOPTED, t.MORE_AGREE))

    def test_tie_rejects(self):
        self.assertEqual(outcome("majority", ["agree", "disagree"]),
                         (t.REJECTED, t.TIE))

    def test_abstentions_do_not_count(self):
        self.assertEqual(
            outcome("majority", ["agree"] + ["abstain"] * 5),
            (t.ADOPTED, t.MORE_AGREE))

    def test_block_counts_against(self):
        self.assertEqual(outcome("majority", ["agree", "block"]),
                         (t.REJECTED, t.TIE))
        self.assertEqual(outcome("majority", ["agree", "block", "disagree"]),
                         (t.REJECTED, t.MORE_DISAGREE))

    def test_quorum_counts_abstentions(self):
        self.assertEqual(
            outcome("majority", ["agree", "abstain", "abstain"], quorum=3),
            (t.ADOPTED, t.MORE_AGREE))
        self.assertEqual(
            outcome("majority", ["agree", "agree"], quorum=3),
            (t.REJECTED, t.QUORUM_NOT_MET))

    def test_no_votes(self):
        self.assertEqual(outcome("majority", []), (t.REJECTED, t.NO_VOTES))


class TestTallyUnanimityConsensus(unittest.TestCase):

    def test_unanimity(self):
        self.assertEqual(outcome("unanimity", ["agree"] * 3),
                         (t.ADOPTED, t.ALL_AGREE))
        self.assertEqual(outcome("unanimity", ["agree", "abstain"]),
                         (t.REJECTED, t.NOT_ALL_AGREE))
        self.assertEqual(outcome("unanimity", []), (t.REJECTED, t.NO_VOTES))

    def test_consensus(self):
        self.assertEqual(outcome("consensus", ["agree", "abstain"]),
                         (t.ADOPTED, t.NO_OBJECTION))
        self.assertEqual(outcome("consensus", ["agree", "disagree"]),
                         (t.REJECTED, t.DISAGREEMENT))
        self.assertEqual(outcome("consensus", ["agree", "block"]),
                         (t.REJECTED, t.BLOCKED))
        self.assertEqual(outcome("consensus", ["abstain"]),
                         (t.REJECTED, t.NO_VOTES))
        self.assertEqual(outcome("consensus", []), (t.REJECTED, t.NO_VOTES))


class TestTallyAdvice(unittest.TestCase):

    def test_the_proposer_decides(self):
        self.assertEqual(
            outcome("advice", ["disagree", "block"],
                    proposer_outcome=t.ADOPTED),
            (t.ADOPTED, t.PROPOSER_DECIDES))
        self.assertEqual(outcome("advice", ["agree"]),
                         (None, t.PROPOSER_DECIDES))

    def test_quorum_does_not_bind_advice(self):
        self.assertEqual(
            outcome("advice", [], quorum=5, proposer_outcome=t.REJECTED),
            (t.REJECTED, t.PROPOSER_DECIDES))


class TestTallyCounts(unittest.TestCase):

    def test_counts(self):
        result = t.tally("consent", ["agree", "agree", "abstain", "block"])
        self.assertEqual(
            (result.agree, result.abstain, result.disagree, result.block,
             result.cast), (2, 1, 0, 1, 4))

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            t.tally("lottery", [])
        with self.assertRaises(ValueError):
            t.tally("consent", ["maybe"])
        with self.assertRaises(ValueError):
            t.tally("majority", [], quorum=-1)
        with self.assertRaises(ValueError):
            t.tally("advice", [], proposer_outcome="perhaps")
