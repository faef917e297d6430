# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

POSITIONS = [
    ("agree", "Agree"),
    ("abstain", "Abstain"),
    ("disagree", "Disagree"),
    ("block", "Block"),
]


class KpaDecisionVote(models.Model):
    """One member's position on one decision; voting again replaces it."""

    _name = "kpa.decision.vote"
    _description = "Vote on a KPA decision"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    decision_id = fields.Many2one(
        "kpa.decision", string="Decision", required=True, index=True,
        ondelete="cascade")
    kpa_id = fields.Many2one(related="decision_id.kpa_id", store=True,
                             readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True,
        ondelete="restrict", default=lambda self: self.env.user.partner_id)
    position = fields.Selection(POSITIONS, required=True)
    reason = fields.Text(
        help="Why: required to block, welcome for any position.")
    date = fields.Datetime(default=fields.Datetime.now, readonly=True)

    _sql_constraints = [
        ("decision_partner_uniq", "unique(decision_id, partner_id)",
         "One vote per member and decision: vote again to change it."),
    ]

    def _check_open(self, decisions):
        for decision in decisions.sudo():
            if decision.state != "open":
                raise UserError(_(
                    "The vote on \"%s\" is not open: no vote can be cast, "
                    "changed or withdrawn.") % decision.name)

    @api.model
    def create(self, vals):
        decision = self.env["kpa.decision"].browse(vals.get("decision_id"))
        # Another KPA's decision is none of the voter's business.
        decision.check_access_rights("read")
        decision.check_access_rule("read")
        self._check_open(decision)
        partner_id = vals.get("partner_id") or self.env.user.partner_id.id
        previous = self.sudo().search([
            ("decision_id", "=", decision.id),
            ("partner_id", "=", partner_id)])
        if previous:
            # A new vote replaces the previous one (as the voter: the
            # record rules still decide whether they may).
            previous = previous.sudo(self.env.uid)
            previous.write({
                "position": vals.get("position"),
                "reason": vals.get("reason"),
            })
            return previous
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_open(self.mapped("decision_id"))
        if "decision_id" in vals or "partner_id" in vals:
            raise UserError(_(
                "A vote stays with its decision and its member."))
        vals = dict(vals, date=fields.Datetime.now())
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_open(self.mapped("decision_id"))
        return super().unlink()

    @api.constrains("position", "reason")
    def _check_block_reason(self):
        for vote in self.sudo():
            if vote.position == "block" and not (vote.reason or "").strip():
                raise ValidationError(_(
                    "To block, say why: the group needs your reason to "
                    "improve the proposal."))

    @api.constrains("decision_id", "partner_id")
    def _check_voter(self):
        for vote in self.sudo():
            if not vote.decision_id.is_voter(vote.partner_id):
                raise ValidationError(_(
                    "%s is not a member of %s and cannot vote on its "
                    "decisions.") % (vote.partner_id.name,
                                     vote.decision_id.kpa_id.name))
