# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape
from odoo.tools.misc import format_date

from odoo.addons.kpa_cooperative.services.trust import trusted


class KpaCharter(models.Model):
    """One version of a charter: a KPA's own, or the network-wide one that
    every KPA may share (no KPA set)."""

    _name = "kpa.charter"
    _description = "KPA charter version"
    _inherit = ["kpa.guard.mixin", "mail.thread"]
    _order = "kpa_id, version desc"
    # A version is put in force, amended and superseded by its actions.
    _kpa_protected_fields = ("state", "version", "previous_id", "decision_id",
                             "date_adopted", "date_superseded",
                             "change_summary")
    _kpa_fixed_fields = ("kpa_id",)

    name = fields.Char(required=True, track_visibility="onchange")
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", index=True, ondelete="restrict",
        help="Leave empty for the network-wide KPA-Cité charter, shared by "
             "every KPA that has no charter of its own.")
    version = fields.Integer(default=1, required=True, readonly=True,
                             copy=False)
    state = fields.Selection([
        ("draft", "Draft"),
        ("current", "Current"),
        ("superseded", "Superseded"),
    ], default="draft", required=True, readonly=True, index=True,
        copy=False, track_visibility="onchange")
    preamble = fields.Html()
    article_ids = fields.One2many("kpa.charter.article", "charter_id",
                                  string="Articles", copy=True)
    previous_id = fields.Many2one("kpa.charter", string="Previous version",
                                  readonly=True, copy=False)
    decision_id = fields.Many2one(
        "kpa.decision", string="Adopted by", readonly=True, copy=False,
        help="The decision whose adoption made this version.")
    date_adopted = fields.Date(string="In force since", readonly=True,
                               copy=False)
    date_superseded = fields.Date(string="Replaced on", readonly=True,
                                  copy=False)
    change_summary = fields.Html(
        string="What changed", readonly=True, copy=False,
        help="The change from the previous version.")
    acceptance_count = fields.Integer(
        compute="_compute_acceptance_count", string="Accepted by")

    def _compute_acceptance_count(self):
        data = self.env["kpa.membership"].sudo().read_group(
            [("charter_accepted_id", "in", self.ids)],
            ["charter_accepted_id"], ["charter_accepted_id"])
        counts = {row["charter_accepted_id"][0]: row["charter_accepted_id_count"]
                  for row in data}
        for charter in self:
            charter.acceptance_count = counts.get(charter.id, 0)

    @api.multi
    def name_get(self):
        return [(charter.id, _("%s (version %d)") % (
            charter.name, charter.version)) for charter in self]

    # -- a version in force never changes (kpa.guard.mixin) -----------
    def _kpa_frozen(self):
        return self.sudo().filtered(lambda c: c.state != "draft")

    def _kpa_frozen_message(self, record):
        record = record.sudo()
        return _("\"%s\" version %d has been adopted: change it through a "
                 "decision, which makes the next version.") % (
            record.name, record.version)

    @api.multi
    def write(self, vals):
        # Refuse those who may not write at all before saying why others
        # may not either.
        self._kpa_check_writer()
        return super().write(vals)

    @api.model
    def current_for(self, kpa):
        """The charter in force for a KPA: its own, else the network's."""
        own = self.search([("kpa_id", "=", kpa.id), ("state", "=", "current")],
                          limit=1)
        return own or self.search([("kpa_id", "=", False),
                                   ("state", "=", "current")], limit=1)

    @api.multi
    def action_make_current(self):
        """Put a first version in force: later ones come from decisions,
        never from this button."""
        self._kpa_check_writer()
        for charter in self:
            if charter.state != "draft":
                raise UserError(_("Only a draft version can be put in force."))
            if not charter.article_ids:
                raise UserError(_("A charter needs at least one article."))
            if charter.sudo().search_count([
                    ("kpa_id", "=", charter.kpa_id.id),
                    ("state", "=", "current"), ("id", "!=", charter.id)]):
                raise UserError(_(
                    "A charter is already in force here: a new version "
                    "comes from a decision that amends it."))
        trusted(self).write({
            "state": "current",
            "date_adopted": fields.Date.context_today(self)})
        return True

    def _supersede_others(self):
        self.ensure_one()
        trusted(self.search([
            ("kpa_id", "=", self.kpa_id.id), ("state", "=", "current"),
            ("id", "!=", self.id)])).write({
                "state": "superseded",
                "date_superseded": fields.Date.context_today(self)})

    def _amend(self, decision):
        """Make the next version with the decision's change; return it."""
        self.ensure_one()
        if self.state != "current":
            raise UserError(_(
                "Only the current version of a charter can be amended."))
        Article = self.env["kpa.charter.article"]
        new = trusted(self).copy({
            "name": self.name,
            "version": self.version + 1,
            "previous_id": self.id,
            "decision_id": decision.id,
            "article_ids": [],
        })
        for article in self.article_ids:
            if decision.amendment == "remove" \
                    and article == decision.amend_article_id:
                continue
            values = {"charter_id": new.id, "origin_id": article.id,
                      "change": "unchanged"}
            if decision.amendment == "replace" \
                    and article == decision.amend_article_id:
                values.update({
                    "name": decision.amend_title or article.name,
                    "body": decision.amend_body,
                    "change": "amended",
                    "decision_id": decision.id,
                })
            trusted(article).copy(values)
        if decision.amendment == "add":
            trusted(Article).create({
                "charter_id": new.id,
                "sequence": max(self.article_ids.mapped("sequence") or [0]) + 1,
                "name": decision.amend_title or _("New article"),
                "body": decision.amend_body,
                "change": "new",
                "decision_id": decision.id,
            })
        trusted(new).write({
            "change_summary": self._change_summary(decision),
            "state": "current",
            "date_adopted": fields.Date.context_today(self),
        })
        new._supersede_others()
        return new

    def _change_summary(self, decision):
        labels = {
            "add": _("Article added:"),
            "replace": _("Article changed:"),
            "remove": _("Article removed:"),
        }
        title = decision.amend_title or decision.amend_article_id.name or ""
        summary = "<p><strong>%s</strong> %s</p><p>%s</p>" % (
            html_escape(labels[decision.amendment]), html_escape(title),
            html_escape(_("By the decision \"%s\", adopted on %s.") % (
                decision.name,
                format_date(self.env, fields.Date.context_today(self)))))
        if decision.amendment in ("replace", "remove"):
            summary += "<p><em>%s</em></p>%s" % (
                html_escape(_("Before:")), decision.amend_article_id.body or "")
        if decision.amendment in ("add", "replace"):
            summary += "<p><em>%s</em></p>%s" % (
                html_escape(_("After:")), decision.amend_body or "")
        return summary

    @api.multi
    def action_accept(self):
        """The current user accepts this version, on each of their
        memberships whose KPA it governs."""
        self.ensure_one()
        self.check_access_rule("read")
        if self.state != "current":
            raise UserError(_("Only the charter in force can be accepted."))
        partner = self.env.user.partner_id
        memberships = self.env["kpa.membership"]._kpa_current(
            partners=partner).filtered(
            lambda m: self.sudo().current_for(m.kpa_id) == self.sudo())
        if not memberships:
            raise UserError(_(
                "This charter is not the one in force in your KPA."))
        memberships.write({
            "charter_accepted_id": self.id,
            "charter_accepted_date": fields.Date.context_today(self),
        })
        return True
