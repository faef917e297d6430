# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kpa_cooperative.services.formatting import web_url


class KpaGovernanceMeeting(models.Model):
    """A "point gouvernance": the KPA meets and goes through its topics."""

    _name = "kpa.governance.meeting"
    _description = "Governance meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc"

    name = fields.Char(required=True, default=lambda self: _(
        "Governance meeting"), track_visibility="onchange")
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict")
    date = fields.Datetime(required=True, default=fields.Datetime.now,
                           track_visibility="onchange")
    duration = fields.Float(default=2.0, help="In hours.")
    place_id = fields.Many2one("kpa.place", string="Place",
                               ondelete="set null")
    remote_url = fields.Char(string="Remote link",
                             help="Video call link for those who join "
                                  "from home.")
    attendee_ids = fields.Many2many(
        "res.partner", "kpa_governance_meeting_attendee_rel", "meeting_id",
        "partner_id", string="Attendees")
    topic_ids = fields.One2many("kpa.governance.topic", "meeting_id",
                                string="Agenda")
    decision_ids = fields.One2many("kpa.decision", "meeting_id",
                                   string="Decisions")
    minutes = fields.Html()
    facilitator_id = fields.Many2one("res.partner", string="Facilitator")
    state = fields.Selection([
        ("planned", "Planned"),
        ("done", "Held"),
        ("cancelled", "Cancelled"),
    ], default="planned", required=True, readonly=True,
        track_visibility="onchange")

    @api.constrains("remote_url")
    def _check_remote_url(self):
        """Only a web link: a ``javascript:`` or ``data:`` link would run
        in the member's browser when they tap "Join from home"."""
        for meeting in self:
            if meeting.remote_url and not web_url(meeting.remote_url):
                raise ValidationError(_(
                    "The remote link must be a web address starting with "
                    "http:// or https:// (for example "
                    "https://meet.jit.si/my-kpa)."))

    @api.multi
    def action_close(self):
        """The meeting is over: its topics move on. Decided and dropped
        topics are filed; the others go back to the open list."""
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(_("Only a planned meeting can be closed."))
            for topic in meeting.topic_ids.filtered(
                    lambda t: t.state == "scheduled"):
                if topic.meeting_result in ("decided", "dropped"):
                    topic.write({"state": topic.meeting_result})
                elif topic.decision_ids:
                    topic.write({"state": "decided"})
                else:
                    topic.message_post(body=_(
                        "Not settled at the meeting of %s: back to the open "
                        "topics.") % meeting.date)
                    topic.write({"state": "open", "meeting_id": False,
                                 "meeting_result": False})
        self.write({"state": "done"})
        return True

    @api.multi
    def action_cancel(self):
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(_("Only a planned meeting can be cancelled."))
            meeting.topic_ids.filtered(
                lambda t: t.state == "scheduled").action_reopen()
        self.write({"state": "cancelled"})
        return True
