# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.kpa_cooperative.services.formatting import fmt_date


class KpaFollowup(models.Model):
    """An accompaniment meeting: individual or collective.

    The notes are sensitive (health, money, family): only the KPA's coaches
    and coordinators and the CAE read them, never the members themselves nor
    another KPA's coordinator (see security/kpa_cape_security.xml). No
    chatter on purpose: followers would be one more way in.
    """

    _name = "kpa.followup"
    _description = "CAPE accompaniment meeting"
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict")
    # Set from the KPA on create, not a stored related field: the company
    # rule must hold from the first write on.
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    coach_id = fields.Many2one(
        "res.users", string="Coach", required=True, index=True,
        default=lambda self: self.env.user)
    kind = fields.Selection([
        ("individual", "Individual"),
        ("collective", "Collective"),
    ], required=True, default="individual")
    partner_ids = fields.Many2many(
        "res.partner", "kpa_followup_partner_rel", "followup_id",
        "partner_id", string="Members", required=True)
    contract_id = fields.Many2one(
        "hr.contract", string="CAPE", index=True, ondelete="set null",
        domain=[("kpa_is_cape", "=", True)])
    topic = fields.Char()
    notes = fields.Text()
    objectives = fields.Text()
    next_steps = fields.Text()
    next_date = fields.Date(string="Next meeting")

    @api.depends("date", "kind", "partner_ids", "topic")
    def _compute_name(self):
        # As superuser: while the note is being created its company is not
        # stored yet, and the company rule would hide it from its author.
        for followup in self.sudo():
            who = followup.partner_ids[:1].name or ""
            if len(followup.partner_ids) > 1:
                who = _("%d members") % len(followup.partner_ids)
            followup.name = " - ".join(
                part for part in (followup.date, who, followup.topic) if part)

    @api.multi
    def name_get(self):
        # The stored name begins with the day as the database writes it
        # (2026-11-27): shown as written in France. Read as the user.
        return [(followup.id, (followup.name or "").replace(
            followup.date or "", fmt_date(followup.date), 1)
            or _("Accompaniment meeting")) for followup in self]

    @api.model
    def create(self, vals):
        kpa = self.env["kpa.cooperative"].browse(vals.get("kpa_id"))
        vals = dict(vals, company_id=kpa.sudo().company_id.id)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("kpa_id"):
            kpa = self.env["kpa.cooperative"].browse(vals["kpa_id"])
            vals = dict(vals, company_id=kpa.sudo().company_id.id)
        return super().write(vals)

    @api.onchange("contract_id")
    def _onchange_contract_id(self):
        if self.contract_id:
            self.kpa_id = self.contract_id.kpa_id
            self.partner_ids = self.contract_id.kpa_partner_id

    @api.constrains("kind", "partner_ids")
    def _check_kind(self):
        for followup in self.sudo():
            if followup.kind == "individual" and len(followup.partner_ids) != 1:
                raise ValidationError(_(
                    "An individual meeting is with exactly one member; "
                    "choose \"collective\" for a group."))

    @api.constrains("kpa_id", "partner_ids", "contract_id")
    def _check_members(self):
        for followup in self.sudo():
            members = followup.kpa_id.membership_ids.mapped("partner_id")
            strangers = followup.partner_ids - members
            if strangers:
                raise ValidationError(_(
                    "Not in %s: %s. A meeting note stays within one KPA.") % (
                    followup.kpa_id.name, ", ".join(strangers.mapped("name"))))
            if followup.contract_id \
                    and followup.contract_id.kpa_id != followup.kpa_id:
                raise ValidationError(_(
                    "The CAPE %s belongs to another KPA.")
                    % followup.contract_id.name)

    @api.constrains("date", "next_date")
    def _check_dates(self):
        for followup in self.sudo():
            if followup.next_date and followup.next_date < followup.date:
                raise ValidationError(_(
                    "The next meeting comes after this one."))
