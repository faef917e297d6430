# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The CAE contribution and the KPA reserve, booked at each client payment.

A real journal entry (journal ``CTRB``), not analytic lines only: the FEC,
the general ledger and mis_builder read journal items, and a reversal keeps
the trail (a posted entry is never deleted). The entry nets to zero in the
CAE's result; it moves the money between analytic accounts:

* debit 658100 on the KPA's analytic account, credit 758100 on the CAE's
  ("CAE – structure"): the contribution;
* debit 658200 on the KPA's analytic account, credit 758200 on the KPA's
  reserve analytic account: the reserve.

The amounts are those of the pot to the cent (services/contribution.py):
what the pot says for the cumulative cashed revenue up to the payment's
date, minus what is already booked for the KPA. Each entry carries its KPA
(``kpa_contribution_kpa_id``) and the partial reconciliation that caused it
(``kpa_partial_reconcile_id``, as Odoo's cash-basis tax entries carry
``tax_cash_basis_rec_id``); undoing the reconciliation reverses them.
"""
import datetime

from odoo import _, api, fields, models

from ..services import contribution as rules
from ..services.formatting import fmt_date
from ..services.trust import trusted

BOOKS_LANG = "fr_FR"


class KpaContribution(models.AbstractModel):
    _name = "kpa.contribution"
    _description = "CAE contribution entries of the KPAs"

    # ------------------------------------------------------------------
    # What the reconciliations cash
    # ------------------------------------------------------------------
    @api.model
    def _kpa_cashed_rows(self, partials):
        """``[(partial id, kpa id, day, invoice id)]``: the revenue rows of
        the pot (``kpa.cashed.report``) that ``partials`` make; nothing for
        a vendor bill, a refund set against an invoice or a non-KPA
        invoice. Two queries whatever the history."""
        if not partials:
            return []
        cr = self.env.cr
        cr.execute("""
            SELECT DISTINCT l.invoice_id
              FROM account_partial_reconcile p
              JOIN account_move_line l
                ON l.id IN (p.debit_move_id, p.credit_move_id)
             WHERE p.id IN %s AND l.invoice_id IS NOT NULL
        """, (tuple(partials.ids),))
        invoice_ids = tuple(row[0] for row in cr.fetchall())
        if not invoice_ids:
            return []
        # The view's row ids are the partial's id * 4 + its side (0: an
        # invoice paid, 1: a refund paid back).
        row_ids = tuple(pid * 4 + side for pid in partials.ids
                        for side in (0, 1))
        cr.execute("""
            SELECT id / 4, kpa_id, date, invoice_id
              FROM kpa_cashed_report
             WHERE kind = 'revenue' AND invoice_id IN %s AND id IN %s
             ORDER BY date, id
        """, (invoice_ids, row_ids))
        return cr.fetchall()

    @api.model
    def _kpa_book_partials(self, partials):
        """After ``partials`` were made: book what each KPA's pot gained."""
        for partial_id, kpa_id, day, invoice_id in self._kpa_cashed_rows(
                partials):
            self._kpa_book(
                self.env["kpa.cooperative"].browse(kpa_id), day,
                partial=self.env["account.partial.reconcile"].browse(
                    partial_id),
                invoice=self.env["account.invoice"].browse(invoice_id))

    @api.model
    def _kpa_undo_partials(self, partials):
        """Before ``partials`` are unlinked: reverse the entries they made.
        Returns ``{kpa: first day}`` to catch up once they are gone
        (:meth:`_kpa_catch_up`)."""
        to_catch_up = {}
        for _partial, kpa_id, day, invoice_id in self._kpa_cashed_rows(
                partials):
            kpa = self.env["kpa.cooperative"].browse(kpa_id)
            first, _invoice = to_catch_up.get(kpa, (day, invoice_id))
            to_catch_up[kpa] = (min(first, day), invoice_id)
        moves = self.env["account.move"].sudo().search([
            ("kpa_partial_reconcile_id", "in", partials.ids),
            ("state", "=", "posted")], order="date, id")
        for move in moves:
            self._kpa_reverse(move)
        return to_catch_up

    @api.model
    def _kpa_catch_up(self, to_catch_up):
        for kpa, (day, invoice_id) in to_catch_up.items():
            self._kpa_book(kpa, day, invoice=self.env[
                "account.invoice"].browse(invoice_id), undone=True)

    # ------------------------------------------------------------------
    # Booking
    # ------------------------------------------------------------------
    @api.model
    def _kpa_lock_date(self, company):
        """The last day the company's books are closed on, or None."""
        dates = [day for day in (company.period_lock_date,
                                 company.fiscalyear_lock_date) if day]
        return max(dates) if dates else None

    @api.model
    def _kpa_running(self, kpa, day):
        """(cashed, booked) running totals of ``kpa`` for
        :func:`rules.bookings`: at ``day`` and at the latest day of each,
        in two SQL sums (the history is never loaded)."""
        cr = self.env.cr
        cr.execute("""
            SELECT COALESCE(SUM(amount_cashed) FILTER (WHERE date <= %s), 0),
                   COALESCE(SUM(amount_cashed), 0), MAX(date)
              FROM kpa_cashed_report
             WHERE kpa_id = %s AND kind = 'revenue'
        """, (day, kpa.id))
        up_to, total, latest = cr.fetchone()
        cashed = [(day, up_to)]
        if latest and str(latest) > str(day):
            cashed.append((latest, total))
        cr.execute("""
            SELECT COALESCE(SUM(kpa_contribution_amount)
                            FILTER (WHERE date <= %s), 0),
                   COALESCE(SUM(kpa_reserve_amount)
                            FILTER (WHERE date <= %s), 0),
                   COALESCE(SUM(kpa_contribution_amount), 0),
                   COALESCE(SUM(kpa_reserve_amount), 0), MAX(date)
              FROM account_move
             WHERE kpa_contribution_kpa_id = %s AND state = 'posted'
        """, (day, day, kpa.id))
        contribution, reserve, all_contribution, all_reserve, latest = \
            cr.fetchone()
        booked = [(day, contribution, reserve)]
        if latest and str(latest) > str(day):
            booked.append((latest, all_contribution, all_reserve))
        return cashed, booked

    @api.model
    def _kpa_book(self, kpa, day, partial=None, invoice=None, undone=False,
                  label=None):
        """Book what makes ``kpa``'s books say what its pot says, from
        ``day`` on (:func:`rules.bookings`). Returns the entries."""
        kpa = kpa.sudo()
        company = kpa.company_id
        lock_date = self._kpa_lock_date(company)
        day = fields.Date.to_string(rules.as_date(day))
        if lock_date and day <= lock_date:
            # What the books can take: from the first open day on.
            start = fields.Date.to_string(
                fields.Date.from_string(lock_date)
                + datetime.timedelta(days=1))
        else:
            start = day
        cashed, booked = self._kpa_running(kpa, start)
        moves = self.env["account.move"]
        for when, contribution, reserve, moved in rules.bookings(
                cashed, booked, start, kpa.contribution_rate,
                kpa.reserve_rate, lock_date):
            moved = moved or start != day
            moves |= self._kpa_make_move(
                kpa, fields.Date.to_string(when), contribution, reserve,
                partial=partial, invoice=invoice, undone=undone,
                moved=moved, label=label)
        return moves

    def _kpa_books_env(self):
        """This model in the language of the books: French, whoever
        reconciles (the FEC and the CAE's ledgers are French)."""
        return self.with_context(lang=BOOKS_LANG)

    @api.model
    def _kpa_make_move(self, kpa, day, contribution, reserve, partial=None,
                       invoice=None, undone=False, moved=False, label=None):
        company = kpa.company_id
        setup = company._kpa_contribution_setup()
        self = self._kpa_books_env()  # pylint: disable=W0642
        number = (invoice.number or invoice.move_name) if invoice else ""
        if label:
            ref = label
        elif undone:
            ref = _("CAE contribution and reserve of %s, caught up after a "
                    "payment of %s was undone") % (kpa.name, number)
        else:
            ref = _("CAE contribution and reserve of %s, payment of %s "
                    "on %s") % (kpa.name, number, fmt_date(day))
        if moved:
            ref += _(" (closed period: booked on the first open day, "
                     "%s)") % fmt_date(day)
        lines = []
        if contribution:
            lines += self._kpa_pair(
                contribution, setup["kpa_contribution_expense_account_id"],
                kpa.analytic_account_id,
                setup["kpa_contribution_income_account_id"],
                setup["kpa_cae_analytic_account_id"],
                _("CAE contribution, %s") % kpa.name, number)
        if reserve:
            lines += self._kpa_pair(
                reserve, setup["kpa_reserve_expense_account_id"],
                kpa.analytic_account_id,
                setup["kpa_reserve_income_account_id"],
                kpa.reserve_analytic_account_id,
                _("Reserve, %s") % kpa.name, number)
        Move = trusted(self.env["account.move"].sudo())
        move = Move.create({
            "journal_id": setup["kpa_contribution_journal_id"].id,
            "date": day,
            "ref": ref,
            "line_ids": lines,
            "kpa_contribution_kpa_id": kpa.id,
            "kpa_partial_reconcile_id": partial.id if partial else False,
            "kpa_contribution_amount": float(contribution),
            "kpa_reserve_amount": float(reserve),
        })
        move.post()
        return move

    @api.model
    def _kpa_pair(self, amount, debit_account, debit_analytic,
                  credit_account, credit_analytic, name, number):
        """Two lines moving ``amount`` (negative: the other way)."""
        amount = rules.cents(amount)
        label = "%s, %s" % (name, number) if number else name
        debit, credit = (float(amount), 0.0) if amount > 0 \
            else (0.0, float(-amount))
        return [
            (0, 0, {"account_id": debit_account.id, "name": label,
                    "debit": debit, "credit": credit,
                    "analytic_account_id": debit_analytic.id}),
            (0, 0, {"account_id": credit_account.id, "name": label,
                    "debit": credit, "credit": debit,
                    "analytic_account_id": credit_analytic.id}),
        ]

    @api.model
    def _kpa_reverse(self, move):
        """Reverse a contribution entry: on its own date while that is
        open (the pot no longer counts the payment on that day either),
        else on the first open day, and the label says so."""
        move = move.sudo()
        company = move.company_id
        lock_date = self._kpa_lock_date(company)
        day = move.date
        moved = bool(lock_date and day <= lock_date)
        if moved:
            day = fields.Date.to_string(
                fields.Date.from_string(lock_date)
                + datetime.timedelta(days=1))
        reversal = move.browse(trusted(move).reverse_moves(date=day))
        books = self._kpa_books_env()
        ref = books._kpa_reversal_ref(move, day, moved)
        trusted(reversal).write({
            "ref": ref,
            "kpa_contribution_amount": -move.kpa_contribution_amount,
            "kpa_reserve_amount": -move.kpa_reserve_amount,
        })
        return reversal

    def _kpa_history_ref(self, kpa, day):
        return _("CAE contribution and reserve of %s on everything cashed "
                 "up to %s (booked at the upgrade)") % (
            kpa.name, fmt_date(day))

    def _kpa_reversal_ref(self, move, day, moved):
        ref = _("Reversal of %s: its payment was undone") % move.name
        if moved:
            ref += _(" (closed period: booked on the first open day, "
                     "%s)") % fmt_date(day)
        return ref
