# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class KpaRole(models.Model):
    """A role of the KPA (communication, ménage, accueil...), held by a
    referent, the "soucieux", with contributors; it rotates."""

    _name = "kpa.role"
    _description = "KPA role"
    _inherit = ["mail.thread"]
    _order = "kpa_id, sequence, name"

    name = fields.Char(string="Role", required=True)
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict")
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    description = fields.Text(help="What the role takes care of.")
    referent_id = fields.Many2one(
        "res.partner", string="Referent (soucieux)",
        track_visibility="onchange",
        help="The person who makes sure it gets done, not the one who does "
             "it all.")
    contributor_ids = fields.Many2many(
        "res.partner", "kpa_role_contributor_rel", "role_id", "partner_id",
        string="Contributors")
    date_start = fields.Date(
        string="Referent since", readonly=True,
        help="When the current referent took the role.")
    rotation_months = fields.Integer(
        string="Rotates every (months)", default=3,
        help="0: no planned rotation.")
    date_next_rotation = fields.Date(
        string="Next rotation", compute="_compute_date_next_rotation",
        store=True)
    rotation_ids = fields.One2many("kpa.role.rotation", "role_id",
                                   string="Rotation history")

    @api.depends("date_start", "rotation_months")
    def _compute_date_next_rotation(self):
        for role in self:
            if role.date_start and role.rotation_months > 0:
                role.date_next_rotation = fields.Date.to_string(
                    fields.Date.from_string(role.date_start)
                    + relativedelta(months=role.rotation_months))
            else:
                role.date_next_rotation = False

    @api.model
    def create(self, vals):
        if vals.get("referent_id") and not vals.get("date_start"):
            vals = dict(vals, date_start=fields.Date.context_today(self))
        role = super().create(vals)
        if role.referent_id:
            role._open_rotation()
        return role

    @api.multi
    def write(self, vals):
        changing = self.browse()
        if "referent_id" in vals:
            changing = self.filtered(
                lambda r: r.referent_id.id != vals["referent_id"])
            if changing and not vals.get("date_start"):
                vals = dict(vals, date_start=fields.Date.context_today(self))
        today = fields.Date.context_today(self)
        for role in changing:
            role.rotation_ids.filtered(lambda r: not r.date_end).write(
                {"date_end": today})
        result = super().write(vals)
        for role in changing.filtered("referent_id"):
            role._open_rotation()
        return result

    def _open_rotation(self):
        self.ensure_one()
        self.env["kpa.role.rotation"].create({
            "role_id": self.id,
            "referent_id": self.referent_id.id,
            "date_start": self.date_start,
        })
