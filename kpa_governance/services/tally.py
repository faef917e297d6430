# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Vote tallying: plain functions, no database needed.

Each method answers the same question from the same counts: is the proposal
adopted? The answer comes with a short reason code, so that the decision can
say *why* in plain words (the words live in the model, translated).
"""
import collections

POSITIONS = ("agree", "abstain", "disagree", "block")
METHODS = ("consent", "majority", "unanimity", "consensus", "advice")

ADOPTED = "adopted"
REJECTED = "rejected"

# Reason codes, one per way a tally can end.
NO_BLOCK = "no_block"              # consent: nobody blocked
BLOCKED = "blocked"                # consent / consensus: at least one block
QUORUM_NOT_MET = "quorum_not_met"  # fewer votes cast than the quorum
NO_VOTES = "no_votes"              # nobody voted (where a vote is needed)
MORE_AGREE = "more_agree"          # majority won
TIE = "tie"                        # majority: as many agree as disagree
MORE_DISAGREE = "more_disagree"    # majority lost
ALL_AGREE = "all_agree"            # unanimity reached
NOT_ALL_AGREE = "not_all_agree"    # unanimity missed
NO_OBJECTION = "no_objection"      # consensus reached
DISAGREEMENT = "disagreement"      # consensus missed
PROPOSER_DECIDES = "proposer_decides"  # advice: the proposer's call

Tally = collections.namedtuple(
    "Tally", "agree abstain disagree block cast outcome reason")


def count_positions(positions):
    """Count the positions of the votes cast; unknown positions refused."""
    counts = dict.fromkeys(POSITIONS, 0)
    for position in positions:
        if position not in counts:
            raise ValueError("Unknown position: %r" % (position,))
        counts[position] += 1
    return counts


def tally(method, positions, quorum=0, proposer_outcome=None):
    """The outcome of a vote.

    :param method: one of METHODS
    :param positions: the position of each vote cast (one per member)
    :param quorum: minimum number of votes cast (abstentions included) for
        the vote to count; 0 means no quorum. It applies to every counted
        method: a quorum not met always rejects.
    :param proposer_outcome: for ``advice`` only, what the proposer decided
        after hearing the advice (ADOPTED or REJECTED; None while undecided)
    :return: a Tally; ``outcome`` is None only for an undecided advice
    """
    if method not in METHODS:
        raise ValueError("Unknown method: %r" % (method,))
    if quorum < 0:
        raise ValueError("A quorum cannot be negative.")
    counts = count_positions(positions)
    cast = sum(counts.values())

    def result(outcome, reason):
        return Tally(counts["agree"], counts["abstain"], counts["disagree"],
                     counts["block"], cast, outcome, reason)

    if method == "advice":
        # Advice is heard, not counted: the proposer decides.
        if proposer_outcome not in (None, ADOPTED, REJECTED):
            raise ValueError("Unknown outcome: %r" % (proposer_outcome,))
        return result(proposer_outcome, PROPOSER_DECIDES)
    if quorum and cast < quorum:
        return result(REJECTED, QUORUM_NOT_MET)
    if method == "consent":
        # Silence is consent: only a block (a reasoned objection) stops it.
        if counts["block"]:
            return result(REJECTED, BLOCKED)
        return result(ADOPTED, NO_BLOCK)
    if not cast:
        return result(REJECTED, NO_VOTES)
    if method == "majority":
        # Abstentions do not count either way; a block counts against.
        against = counts["disagree"] + counts["block"]
        if counts["agree"] > against:
            return result(ADOPTED, MORE_AGREE)
        if counts["agree"] == against:
            return result(REJECTED, TIE)
        return result(REJECTED, MORE_DISAGREE)
    if method == "unanimity":
        if counts["agree"] == cast:
            return result(ADOPTED, ALL_AGREE)
        return result(REJECTED, NOT_ALL_AGREE)
    # consensus: nobody against, and somebody for.
    if counts["block"]:
        return result(REJECTED, BLOCKED)
    if counts["disagree"]:
        return result(REJECTED, DISAGREEMENT)
    if not counts["agree"]:
        return result(REJECTED, NO_VOTES)
    return result(ADOPTED, NO_OBJECTION)
