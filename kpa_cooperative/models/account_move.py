# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    """The KPA a journal entry belongs to, for the accountant's filters: its
    journal is the KPA's (invoices), it books a KPA's invoice or vendor
    bill, a line carries the KPA's analytic account (pay, expenses) or it
    pays a KPA's invoice or bill (payments)."""

    _inherit = "account.move"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", compute="_compute_kpa_id",
        search="_search_kpa_id")

    @api.depends("journal_id", "line_ids.analytic_account_id",
                 "line_ids.invoice_id", "line_ids.payment_id")
    def _compute_kpa_id(self):
        kpas = self.env["kpa.cooperative"].sudo().with_context(
            active_test=False).search([])
        by_journal = {kpa.journal_id.id: kpa for kpa in kpas
                      if kpa.journal_id}
        by_analytic = {kpa.analytic_account_id.id: kpa for kpa in kpas
                       if kpa.analytic_account_id}
        for move in self:
            lines = move.sudo().line_ids
            kpa = by_journal.get(move.journal_id.id) or next(
                (by_analytic[line.analytic_account_id.id] for line in lines
                 if line.analytic_account_id.id in by_analytic), None)
            if not kpa:
                kpa = (lines.mapped("invoice_id.kpa_id")
                       or lines.mapped("payment_id.invoice_ids.kpa_id"))[:1]
            move.kpa_id = kpa

    @api.model
    def _kpa_domain(self, kpas, prefix=""):
        """The entries of ``kpas``: the same four ways as the compute."""
        return [
            "|", "|", "|",
            (prefix + "journal_id", "in", kpas.mapped("journal_id").ids),
            (prefix + "line_ids.invoice_id.kpa_id", "in", kpas.ids),
            (prefix + "line_ids.analytic_account_id", "in",
             kpas.mapped("analytic_account_id").ids),
            (prefix + "line_ids.payment_id.invoice_ids.kpa_id", "in",
             kpas.ids)]

    def _search_kpa_id(self, operator, value):
        KPA = self.env["kpa.cooperative"].sudo().with_context(
            active_test=False)
        if value is False or value is None:  # some KPA (!=), none (=)
            domain = self._kpa_domain(KPA.search([]))
            return domain if operator == "!=" else ["!"] + domain
        if isinstance(value, str):  # a name typed in the search box
            kpas = KPA.search(["|", ("name", "ilike", value),
                               ("code", "ilike", value)])
        else:
            ids = value if isinstance(value, (list, tuple)) else [value]
            kpas = KPA.browse(ids)
        domain = self._kpa_domain(kpas)
        if operator in ("!=", "not in", "not ilike"):
            return ["!"] + domain
        return domain
