# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.kpa_cooperative.services.trust import is_trusted, trusted

POSITIONS = [
    ("agree", "Agree"),
    ("abstain", "Abstain"),
    ("disagree", "Disagree"),
    ("block", "Block"),
]


class KpaDecisionVote(models.Model):
    """One member's position on one decision; voting again replaces it."""

    _name = "kpa.decision.vote"
    _inherit = ["kpa.guard.mixin"]
    _description = "Vote on a KPA decision"
    # A vote belongs to its voter and its decision; its date is the
    # server's.
    _kpa_protected_fields = ("partner_id", "date")
    _kpa_fixed_fields = ("decision_id",)
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
            if is_trusted(self):
                previous = trusted(previous)
            previous.write({
                "position": vals.get("position"),
                "reason": vals.get("reason"),
            })
            return previous
        return super().create(vals)

    def _kpa_check_own(self):
        """Only the voter changes or withdraws their vote."""
        if is_trusted(self):
            return
        me = self.env.user.partner_id
        if any(vote.partner_id != me for vote in self.sudo()):
            raise AccessError(_(
                "A vote belongs to its voter: only they can change it."))

    @api.multi
    def write(self, vals):
        self._check_open(self.mapped("decision_id"))
        self._kpa_check_own()
        result = super().write(vals)
        if "date" not in vals:
            trusted(self).write({"date": fields.Datetime.now()})
        return result

    @api.multi
    def unlink(self):
        self._check_open(self.mapped("decision_id"))
        self._kpa_check_own()
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
