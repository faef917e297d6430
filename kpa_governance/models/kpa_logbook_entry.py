# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import html2plaintext

from odoo.addons.kpa_cooperative.services.formatting import fmt_date


class KpaLogbookEntry(models.Model):
    """The KPA's shared journal: what was discussed and done, day by day,
    so that a newcomer can join any action."""

    _name = "kpa.logbook.entry"
    _inherit = ["kpa.guard.mixin"]
    _description = "KPA logbook entry"
    # Signed by its writer, in its KPA, for good.
    _kpa_protected_fields = ("author_id",)
    _kpa_fixed_fields = ("kpa_id",)
    _order = "date desc, id desc"

    name = fields.Char(string="Title")
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    author_id = fields.Many2one(
        "res.partner", string="Written by", required=True,
        default=lambda self: self.env.user.partner_id)
    # Sanitized: written from the portal by anyone in the KPA.
    body = fields.Html(string="Text", required=True, sanitize=True,
                       sanitize_attributes=True, strip_style=True)
    task_id = fields.Many2one("project.task", string="Prestation",
                              ondelete="set null")
    meeting_id = fields.Many2one("kpa.governance.meeting", string="Meeting",
                                 ondelete="set null")

    @api.multi
    def name_get(self):
        # The title is optional: an entry without one is named by its day
        # (not "False" in the breadcrumbs).
        return [(entry.id, entry.name or _("Entry of %s") % fmt_date(
            entry.date)) for entry in self]

    @api.constrains("body")
    def _check_body(self):
        for entry in self.sudo():
            if not html2plaintext(entry.body or "").strip():
                raise ValidationError(_("The logbook entry is empty."))

    @api.constrains("kpa_id", "meeting_id")
    def _check_meeting_kpa(self):
        for entry in self.sudo():
            if entry.meeting_id and entry.meeting_id.kpa_id != entry.kpa_id:
                raise ValidationError(_(
                    "The meeting belongs to another KPA."))
