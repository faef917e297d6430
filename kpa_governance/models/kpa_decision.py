# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from odoo.addons.kpa_cooperative.services.formatting import fmt_date
from odoo.addons.kpa_cooperative.services.trust import trusted

from ..services import tally as tally_rules

_logger = logging.getLogger(__name__)

METHODS = [
    ("consent", "Consent"),
    ("majority", "Majority"),
    ("unanimity", "Unanimity"),
    ("consensus", "Consensus"),
    ("advice", "Advice"),
]
METHOD_HELP = (
    "Consent: adopted unless someone blocks. "
    "Majority: more agree than disagree (abstentions do not count), with the "
    "quorum if one is set. Unanimity: every vote agrees. "
    "Consensus: nobody disagrees or blocks. "
    "Advice: the proposer decides after hearing the advice.")
# What the members vote on: fixed once the vote is open.
PROPOSAL_FIELDS = ("name", "proposal", "method", "quorum", "charter_id",
                   "amendment", "amend_article_id", "amend_title",
                   "amend_body", "proposer_id")
AMENDMENTS = [
    ("add", "Add an article"),
    ("replace", "Replace an article"),
    ("remove", "Remove an article"),
]


class KpaDecision(models.Model):
    """A decision of the KPA, taken by vote and written down for good."""

    _name = "kpa.decision"
    _description = "KPA decision"
    _inherit = ["kpa.guard.mixin", "kpa.portal.mixin", "mail.thread",
                "mail.activity.mixin"]
    _order = "state_sequence, date_deadline, id desc"
    _kpa_protected_fields = ("state", "outcome_reason", "date_open",
                             "date_closed", "new_charter_id")
    _kpa_fixed_fields = ("kpa_id",)

    name = fields.Char(string="Title", required=True,
                       track_visibility="onchange")
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict", track_visibility="onchange")
    company_id = fields.Many2one(related="kpa_id.company_id", store=True,
                                 readonly=True)
    proposal = fields.Html(help="What is proposed, and why.")
    proposer_id = fields.Many2one(
        "res.partner", string="Proposed by",
        default=lambda self: self.env.user.partner_id)
    method = fields.Selection(
        METHODS, required=True, default="consent",
        track_visibility="onchange", help=METHOD_HELP)
    date_deadline = fields.Date(string="Vote until",
                                track_visibility="onchange")
    quorum = fields.Integer(
        track_visibility="onchange",
        help="Minimum number of votes cast (abstentions included) for the "
             "vote to count; 0 = no quorum.")
    state = fields.Selection([
        ("draft", "Draft"),
        ("open", "Open to vote"),
        ("closed", "Closed"),
        ("cancelled", "Cancelled"),
    ], default="draft", required=True, readonly=True, index=True,
        copy=False, track_visibility="onchange")
    # Open decisions first on every list.
    state_sequence = fields.Integer(compute="_compute_state_sequence",
                                    store=True)
    outcome = fields.Selection(
        [("adopted", "Adopted"), ("rejected", "Rejected")], copy=False,
        track_visibility="onchange",
        help="Computed from the votes when the decision closes; with the "
             "advice method, chosen by the proposer.")
    outcome_reason = fields.Selection([
        (tally_rules.NO_BLOCK, "Nobody blocked"),
        (tally_rules.BLOCKED, "Blocked"),
        (tally_rules.QUORUM_NOT_MET, "Quorum not met"),
        (tally_rules.NO_VOTES, "Not enough votes"),
        (tally_rules.MORE_AGREE, "More agree than disagree"),
        (tally_rules.TIE, "Tie"),
        (tally_rules.MORE_DISAGREE, "More disagree than agree"),
        (tally_rules.ALL_AGREE, "Everyone agrees"),
        (tally_rules.NOT_ALL_AGREE, "Not everyone agrees"),
        (tally_rules.NO_OBJECTION, "No objection"),
        (tally_rules.DISAGREEMENT, "Someone disagrees"),
        (tally_rules.PROPOSER_DECIDES, "Decided by the proposer after advice"),
    ], readonly=True, copy=False)
    outcome_statement = fields.Text(
        track_visibility="onchange",
        help="What was decided, in a sentence everyone understands.")
    review_date = fields.Date(
        track_visibility="onchange",
        help="When to look at this decision again: a reminder is scheduled "
             "for the coordinators.")
    date_open = fields.Date(string="Opened on", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed on", readonly=True, copy=False)
    vote_ids = fields.One2many("kpa.decision.vote", "decision_id",
                               string="Votes", copy=False)
    voter_ids = fields.Many2many(
        "res.partner", compute="_compute_voter_ids", string="Who may vote",
        help="The KPA's current members (newcomers included).")
    vote_count = fields.Integer(compute="_compute_counts", string="Votes cast")
    agree_count = fields.Integer(compute="_compute_counts", string="Agree")
    abstain_count = fields.Integer(compute="_compute_counts",
                                   string="Abstain")
    disagree_count = fields.Integer(compute="_compute_counts",
                                    string="Disagree")
    block_count = fields.Integer(compute="_compute_counts", string="Block")
    topic_id = fields.Many2one("kpa.governance.topic", string="Topic",
                               ondelete="set null")
    meeting_id = fields.Many2one("kpa.governance.meeting", string="Meeting",
                                 ondelete="set null")
    # Charter amendment: one change per decision, applied when adopted.
    charter_id = fields.Many2one(
        "kpa.charter", string="Charter to amend", ondelete="restrict",
        help="Adopting the decision makes the next version of this charter.")
    amendment = fields.Selection(AMENDMENTS)
    amend_article_id = fields.Many2one(
        "kpa.charter.article", string="Article", ondelete="restrict")
    amend_title = fields.Char(string="New article title")
    amend_body = fields.Html(string="New article text")
    new_charter_id = fields.Many2one(
        "kpa.charter", string="Charter version made", readonly=True,
        copy=False)

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"open": 1, "draft": 2, "closed": 3, "cancelled": 4}
        for decision in self:
            decision.state_sequence = order.get(decision.state, 9)

    @api.depends("kpa_id")
    def _compute_voter_ids(self):
        for decision in self:
            decision.voter_ids = self.env["kpa.membership"] \
                ._kpa_current_partners(decision.kpa_id)

    @api.depends("vote_ids.position")
    def _compute_counts(self):
        for decision in self:
            result = decision._tally()
            decision.vote_count = result.cast
            decision.agree_count = result.agree
            decision.abstain_count = result.abstain
            decision.disagree_count = result.disagree
            decision.block_count = result.block

    def _tally(self):
        self.ensure_one()
        # Everyone who may read the decision sees the same tally.
        positions = self.sudo().vote_ids.mapped("position")
        return tally_rules.tally(
            self.method, positions, quorum=self.quorum,
            proposer_outcome=(self.outcome or None)
            if self.method == "advice" else None)

    def is_voter(self, partner):
        """May this person vote on this decision?"""
        self.ensure_one()
        return partner in self.voter_ids

    # -- immutability (kpa.guard.mixin) ------------------------------
    def _kpa_frozen(self):
        return self.sudo().filtered(lambda d: d.state == "closed")

    def _kpa_frozen_message(self, record):
        return _("The decision \"%s\" is closed: it can no longer change. "
                 "Propose a new decision instead.") % record.sudo().name

    def _kpa_guard_write(self, vals):
        result = super()._kpa_guard_write(vals)
        voted = self.sudo().filtered(lambda d: d.state != "draft")
        if voted and voted._kpa_changes(vals, PROPOSAL_FIELDS):
            raise UserError(_(
                "The vote on \"%s\" is open: what is voted on cannot "
                "change any more. Cancel it and propose a new decision.")
                % voted[0].name)
        if vals.get("outcome") and any(
                d.method != "advice" for d in self.sudo()):
            raise UserError(_(
                "The outcome is computed from the votes when the decision "
                "closes; only an advice decision is decided by its "
                "proposer."))
        return result

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "review_date" in vals:
            self._schedule_review()
        return result

    @api.model
    def create(self, vals):
        decision = super().create(vals)
        if decision.review_date:
            decision._schedule_review()
        return decision

    # -- review reminder ----------------------------------------------
    def _schedule_review(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        Activity = self.env["mail.activity"].sudo()
        for decision in self:
            Activity.search([
                ("res_model_id", "=", model.id),
                ("res_id", "=", decision.id),
                ("activity_type_id", "=", todo.id),
                ("summary", "=", _("Review the decision")),
            ]).unlink()
            if not decision.review_date:
                continue
            user = decision.kpa_id.sudo().coordinator_ids[:1] or self.env.user
            Activity.create({
                "res_model_id": model.id,
                "res_id": decision.id,
                "activity_type_id": todo.id,
                "summary": _("Review the decision"),
                "note": _("Is \"%s\" still right for the KPA?") %
                decision.name,
                "date_deadline": decision.review_date,
                "user_id": user.id,
            })

    # -- workflow -----------------------------------------------------
    @api.multi
    def action_open(self):
        """Open the vote to the KPA's members."""
        self._kpa_check_writer()
        for decision in self:
            if decision.state != "draft":
                raise UserError(_("Only a draft decision can be opened."))
            if not decision.proposal:
                raise UserError(_(
                    "Write the proposal before opening the vote."))
            if decision.amendment:
                decision._check_amendment()
        trusted(self).write({"state": "open",
                             "date_open": fields.Date.context_today(self)})
        self._kpa_announce_vote()
        return True

    def _kpa_announce_vote(self):
        """Tell every member who may vote, by email and in their portal, in
        few words, with a button to the vote. Queued, not sent during the
        click: the mail queue sends it."""
        for decision in self:
            voters = decision.sudo().voter_ids
            if not voters:
                continue
            body = _("<p>A vote is open in %s: <strong>%s</strong>.</p>") % (
                html_escape(decision.kpa_id.sudo().name),
                html_escape(decision.name))
            if decision.date_deadline:
                body += _("<p>You can vote until %s.</p>") % fmt_date(
                    decision.date_deadline)
            decision.with_context(mail_notify_force_send=False).message_post(
                body=body, subject=_("Vote open: %s") % decision.name,
                partner_ids=voters.ids, subtype="mail.mt_comment")

    def _kpa_portal_url(self, user):
        """A member who may read the decision votes on its portal page."""
        try:
            self.sudo(user).check_access_rule("read")
        except AccessError:
            return False
        return "/my/decisions/%d" % self.id

    @api.constrains("kpa_id", "charter_id")
    def _check_charter_kpa(self):
        for decision in self.sudo():
            if decision.charter_id \
                    and decision.charter_id.kpa_id != decision.kpa_id:
                raise ValidationError(_(
                    "A decision amends its own KPA's charter only."))

    def _check_amendment(self):
        self.ensure_one()
        if not self.charter_id:
            raise UserError(_("Choose the charter to amend."))
        if self.charter_id.kpa_id != self.kpa_id:
            raise UserError(_(
                "A decision amends its own KPA's charter only."))
        if self.charter_id.state != "current":
            raise UserError(_(
                "Only the current version of a charter can be amended."))
        if self.amendment in ("replace", "remove") and (
                self.amend_article_id.charter_id != self.charter_id):
            raise UserError(_(
                "Choose the article of the current charter to change."))
        if self.amendment in ("add", "replace") and not self.amend_body:
            raise UserError(_("Write the new text of the article."))

    @api.multi
    def action_close(self):
        """Close the vote: the tally decides, and the decision is final."""
        self._kpa_check_writer()
        for decision in self:
            if decision.state != "open":
                raise UserError(_("Only an open decision can be closed."))
            if decision.amendment:
                decision._check_amendment()
            result = decision._tally()
            if result.outcome is None:
                raise UserError(_(
                    "Advice decision: the proposer chooses the outcome "
                    "(adopted or rejected) before closing."))
            values = {
                "state": "closed",
                "outcome": result.outcome,
                "outcome_reason": result.reason,
                "date_closed": fields.Date.context_today(self),
            }
            if result.outcome == "adopted" and decision.amendment:
                values["new_charter_id"] = decision.charter_id.sudo()\
                    ._amend(decision).id
            trusted(decision).write(values)
            if decision.topic_id.state in ("open", "scheduled"):
                decision.topic_id.sudo().write({"state": "decided"})
        return True

    @api.multi
    def action_cancel(self):
        self._kpa_check_writer()
        for decision in self:
            if decision.state not in ("draft", "open"):
                raise UserError(_(
                    "Only a draft or open decision can be cancelled."))
        trusted(self).write({"state": "cancelled"})
        return True

    @api.multi
    def action_draft(self):
        self._kpa_check_writer()
        for decision in self:
            if decision.state != "cancelled":
                raise UserError(_(
                    "Only a cancelled decision goes back to draft."))
            if decision.sudo().vote_ids:
                raise UserError(_(
                    "\"%s\" was voted on: what was voted stays as it was. "
                    "Propose a new decision instead.") % decision.name)
        trusted(self).write({"state": "draft"})
        return True

    @api.model
    def _cron_close_expired(self):
        """Close the votes whose deadline has passed (advice excepted: its
        proposer decides)."""
        today = fields.Date.context_today(self)
        expired = self.search([
            ("state", "=", "open"), ("date_deadline", "<", today),
            ("method", "!=", "advice")])
        for decision in expired:
            # One decision that cannot close does not keep the others open.
            try:
                with self.env.cr.savepoint():
                    decision.action_close()
            except UserError as error:
                _logger.warning("Decision %s not closed: %s", decision.id,
                                error.name)
        return True

    # -- voting (used by the portal) --------------------------------
    def vote(self, position, reason=None):
        """Record the caller's position; it replaces their previous vote
        while the decision is open. One votes for oneself only."""
        return self._kpa_vote(position, reason, self.env.user.partner_id)

    def _kpa_vote(self, position, reason, partner):
        """Record ``partner``'s position (server code and tests: a client
        reaches this through ``vote`` only, as themselves)."""
        self.ensure_one()
        Vote = self.env["kpa.decision.vote"]
        if partner != self.env.user.partner_id:
            Vote = trusted(Vote)
        return Vote.create({
            "decision_id": self.id,
            "partner_id": partner.id,
            "position": position,
            "reason": reason,
        })
