# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KpaGovernanceTopic(models.Model):
    """A point to discuss, raised by anyone in the KPA."""

    _name = "kpa.governance.topic"
    _description = "Governance topic"
    _inherit = ["kpa.guard.mixin", "mail.thread"]
    _order = "state_sequence, create_date desc, id desc"
    _kpa_protected_fields = ("raised_by_id",)
    _kpa_fixed_fields = ("kpa_id",)

    name = fields.Char(string="Topic", required=True,
                       track_visibility="onchange")
    description = fields.Text()
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict")
    raised_by_id = fields.Many2one(
        "res.partner", string="Raised by",
        default=lambda self: self.env.user.partner_id)
    state = fields.Selection([
        ("open", "Open"),
        ("scheduled", "Scheduled"),
        ("decided", "Decided"),
        ("dropped", "Dropped"),
    ], default="open", required=True, index=True,
        track_visibility="onchange")
    state_sequence = fields.Integer(compute="_compute_state_sequence",
                                    store=True)
    meeting_id = fields.Many2one(
        "kpa.governance.meeting", string="Meeting", index=True,
        ondelete="set null", track_visibility="onchange")
    meeting_result = fields.Selection([
        ("decided", "Decided"),
        ("dropped", "Dropped"),
        ("postponed", "Postponed"),
    ], string="At the meeting",
        help="What the meeting did with it: applied when the meeting is "
             "closed (postponed topics go back to the open list).")
    decision_ids = fields.One2many("kpa.decision", "topic_id",
                                   string="Decisions")

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"open": 1, "scheduled": 2, "decided": 3, "dropped": 4}
        for topic in self:
            topic.state_sequence = order.get(topic.state, 9)

    @api.constrains("kpa_id", "meeting_id")
    def _check_meeting_kpa(self):
        for topic in self.sudo():
            if topic.meeting_id and topic.meeting_id.kpa_id != topic.kpa_id:
                raise ValidationError(_(
                    "The topic \"%s\" belongs to another KPA than the "
                    "meeting.") % topic.name)

    @api.model
    def create(self, vals):
        if vals.get("meeting_id") and vals.get("state", "open") == "open":
            vals = dict(vals, state="scheduled")
        if not self.check_access_rights("write", raise_exception=False):
            # A member raising a topic from the portal may not write on it
            # afterwards, which the chatter's notes at creation need.
            self = self.with_context(tracking_disable=True)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("meeting_id") and "state" not in vals:
            vals = dict(vals, state="scheduled")
        return super().write(vals)

    @api.multi
    def action_schedule(self, meeting):
        """Put the topics on a meeting's agenda."""
        self.write({"meeting_id": meeting.id, "state": "scheduled"})
        return True

    @api.multi
    def action_decided(self):
        self.write({"state": "decided"})
        return True

    @api.multi
    def action_drop(self):
        self.write({"state": "dropped"})
        return True

    @api.multi
    def action_reopen(self):
        self.write({"state": "open", "meeting_id": False,
                    "meeting_result": False})
        return True
