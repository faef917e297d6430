# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kpa_cooperative.services.trust import is_trusted


class KpaCharterArticle(models.Model):
    """An article of one charter version."""

    _name = "kpa.charter.article"
    _inherit = ["kpa.guard.mixin"]
    _description = "KPA charter article"
    _kpa_protected_fields = ("change", "decision_id", "origin_id")
    _kpa_fixed_fields = ("charter_id",)
    _order = "charter_id, sequence, id"

    charter_id = fields.Many2one("kpa.charter", string="Charter",
                                 required=True, index=True,
                                 ondelete="cascade")
    kpa_id = fields.Many2one(related="charter_id.kpa_id", store=True,
                             readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Title", required=True)
    body = fields.Html(string="Text")
    change = fields.Selection([
        ("new", "New"),
        ("amended", "Amended"),
        ("unchanged", "Unchanged"),
    ], default="new", readonly=True, copy=False,
        help="Compared with the previous version of the charter.")
    decision_id = fields.Many2one(
        "kpa.decision", string="Amended by", readonly=True, copy=False,
        help="The decision that wrote this text.")
    origin_id = fields.Many2one(
        "kpa.charter.article", string="Previous text", readonly=True,
        copy=False)
    previous_body = fields.Html(related="origin_id.body", readonly=True,
                                string="Previous text")

    def _kpa_frozen(self):
        return self.sudo().filtered(lambda a: a.charter_id.state != "draft")

    def _kpa_frozen_message(self, record):
        return self.env["kpa.charter"]._kpa_frozen_message(
            record.sudo().charter_id)

    @api.model
    def create(self, vals):
        charter = self.env["kpa.charter"].browse(vals.get("charter_id"))
        if not is_trusted(self) and charter.sudo()._kpa_frozen():
            raise UserError(charter._kpa_frozen_message(charter))
        return super().create(vals)
