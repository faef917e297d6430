# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..services.trust import is_trusted

# Set by the contribution booking only (models/kpa_contribution.py).
CONTRIBUTION_FIELDS = ("kpa_contribution_kpa_id", "kpa_partial_reconcile_id",
                       "kpa_contribution_amount", "kpa_reserve_amount")


class AccountMove(models.Model):
    """The KPA a journal entry belongs to, for the accountant's filters: its
    journal is the KPA's (invoices), it books a KPA's invoice or vendor
    bill, a line carries the KPA's analytic account (pay, expenses) or it
    pays a KPA's invoice or bill (payments)."""

    _inherit = "account.move"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", compute="_compute_kpa_id",
        search="_search_kpa_id")
    # The CAE contribution entries (models/kpa_contribution.py): made by a
    # KPA's client payment, undone with it, never by hand.
    kpa_contribution_kpa_id = fields.Many2one(
        "kpa.cooperative", string="Contribution of the KPA", readonly=True,
        index=True, ondelete="restrict",
        help="The KPA whose CAE contribution and reserve this entry books.")
    kpa_partial_reconcile_id = fields.Many2one(
        "account.partial.reconcile", string="Contribution of the payment",
        readonly=True, index=True, copy=False, ondelete="set null",
        help="The reconciliation of a client payment with a KPA invoice "
             "that made this entry; undoing it reverses the entry.")
    kpa_contribution_amount = fields.Monetary(
        string="CAE contribution booked", readonly=True, copy=False,
        currency_field="currency_id",
        help="Negative on a reversal or a correction.")
    kpa_reserve_amount = fields.Monetary(
        string="Reserve booked", readonly=True, copy=False,
        currency_field="currency_id")

    # ------------------------------------------------------------------
    # Contribution entries: by the payment only, whatever a client sends
    # ------------------------------------------------------------------
    def _kpa_contribution_refusal(self):
        return UserError(_(
            "The CAE contribution entries are booked by the client "
            "payments of the KPAs and undone with them (unreconcile or "
            "cancel the payment): they cannot be written, reversed or "
            "deleted by hand."))

    def _kpa_check_not_contribution(self):
        if is_trusted(self) or not self.ids:
            return
        # The ORM's cache: no query per line of an invoice being written.
        if self.mapped("kpa_contribution_kpa_id"):
            raise self._kpa_contribution_refusal()

    @api.model
    def _kpa_contribution_journals(self):
        return self.env["res.company"].sudo().search([]).mapped(
            "kpa_contribution_journal_id")

    @api.model
    def create(self, vals):
        if not is_trusted(self) and (
                any(vals.get(name) for name in CONTRIBUTION_FIELDS)
                or vals.get("journal_id") and vals["journal_id"]
                in self._kpa_contribution_journals().ids):
            raise self._kpa_contribution_refusal()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if not is_trusted(self):
            if any(name in vals for name in CONTRIBUTION_FIELDS) or (
                    vals.get("journal_id") and vals["journal_id"]
                    in self._kpa_contribution_journals().ids):
                raise self._kpa_contribution_refusal()
            self._kpa_check_not_contribution()
        return super().write(vals)

    @api.multi
    def reverse_moves(self, date=None, journal_id=None):
        self._kpa_check_not_contribution()
        return super().reverse_moves(date=date, journal_id=journal_id)

    @api.multi
    def button_cancel(self):
        self._kpa_check_not_contribution()
        return super().button_cancel()

    @api.multi
    def unlink(self):
        self._kpa_check_not_contribution()
        return super().unlink()

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
