# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KpaCharterArticle(models.Model):
    """An article of one charter version."""

    _name = "kpa.charter.article"
    _description = "KPA charter article"
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

    @api.model
    def create(self, vals):
        self.env["kpa.charter"].browse(vals.get("charter_id"))\
            ._check_unlocked()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("charter_id")._check_unlocked()
        if vals.get("charter_id"):
            self.env["kpa.charter"].browse(vals["charter_id"])\
                ._check_unlocked()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("charter_id")._check_unlocked()
        return super().unlink()
