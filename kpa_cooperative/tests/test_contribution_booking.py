# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The CAE contribution and the KPA reserve booked at each client payment
(issue 20): the books say what the pot says, to the cent, and are undone
with the payment."""
from decimal import Decimal as D

from odoo.api import Environment
from odoo.exceptions import AccessError, UserError

from ..services.contribution import split
from .common import KpaInvoiceCase


class TestContributionBooking(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup = cls.company._kpa_contribution_setup()
        cls.journal = cls.setup["kpa_contribution_journal_id"]

    # ------------------------------------------------------------------
    def _entries(self, kpa=None):
        return self.env["account.move"].search([
            ("kpa_contribution_kpa_id", "=", (kpa or self.kpa_a).id)],
            order="date, id")

    def _booked(self, kpa=None, day=None):
        """(contribution, reserve) booked for ``kpa``, up to ``day``, read
        from the journal items (what the FEC and mis_builder read)."""
        domain = [("move_id.kpa_contribution_kpa_id", "=",
                   (kpa or self.kpa_a).id), ("move_id.state", "=", "posted")]
        if day:
            domain.append(("date", "<=", day))
        lines = self.env["account.move.line"].search(domain)

        def balance(field):
            account = self.setup[field]
            return D(str(round(sum(
                line.debit - line.credit for line in lines
                if line.account_id == account), 2))) + 0
        return balance("kpa_contribution_expense_account_id"), \
            balance("kpa_reserve_expense_account_id")

    def _pot(self, kpa=None, day=None):
        """(contribution, reserve) of the pot on ``day``: the cashed
        revenue of kpa.cashed.report, split by the pot's rule."""
        kpa = kpa or self.kpa_a
        domain = [("kpa_id", "=", kpa.id), ("kind", "=", "revenue")]
        if day:
            domain.append(("date", "<=", day))
        rows = self.env["kpa.cashed.report"].search(domain)
        cashed = sum(D(str(row.amount_cashed)) for row in rows)
        contribution, _share, reserve = split(
            cashed, kpa.contribution_rate, kpa.reserve_rate)
        return contribution, reserve

    def _untaxed_invoice(self, amount, kpa=None):
        task = self.env["project.task"].create({
            "name": "Atelier", "partner_id": self.client.id,
            "project_id": (kpa or self.kpa_a).project_id.id,
            "kpa_amount": amount})
        invoice = self._invoice(task)
        invoice.invoice_line_ids.write({"invoice_line_tax_ids": [(5,)]})
        invoice.compute_taxes()
        invoice.action_invoice_open()
        self.assertEqual(invoice.amount_total, amount)
        return invoice

    def _open_invoice(self):
        invoice = self._invoice(self.task_a)
        invoice.action_invoice_open()
        return invoice

    def assertBooksMatchPot(self, *days):
        for day in days:
            self.assertEqual(self._booked(day=day), self._pot(day=day), day)

    # ------------------------------------------------------------------
    def test_setup_at_install(self):
        self.assertEqual(self.journal.code, "CTRB")
        self.assertEqual(self.journal.type, "general")
        codes = {field: self.setup[field].code for field in (
            "kpa_contribution_expense_account_id",
            "kpa_contribution_income_account_id",
            "kpa_reserve_expense_account_id",
            "kpa_reserve_income_account_id")}
        self.assertEqual(codes, {
            "kpa_contribution_expense_account_id": "658100",
            "kpa_contribution_income_account_id": "758100",
            "kpa_reserve_expense_account_id": "658200",
            "kpa_reserve_income_account_id": "758200"})
        self.assertEqual(self.setup["kpa_cae_analytic_account_id"].name,
                         "CAE – structure")
        self.assertEqual(self.kpa_a.reserve_analytic_account_id.name,
                         "KPA Alpha – réserve")
        # Idempotent: a second run makes nothing new.
        count = self.env["account.account"].search_count([])
        self.env["res.company"]._kpa_setup_contribution()
        self.assertEqual(self.env["account.account"].search_count([]),
                         count)

    def test_a_full_payment_books_contribution_and_reserve(self):
        invoice = self._open_invoice()
        self._pay(invoice, date="2026-03-20")
        entry = self._entries()
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.journal_id, self.journal)
        self.assertEqual(entry.state, "posted")
        self.assertEqual(entry.date, "2026-03-20")
        # In French, whoever reconciles: the CAE's books are French.
        self.assertEqual(
            entry.ref, "Contribution à la CAE et réserve de KPA Alpha, "
            "paiement de %s du 20/03/2026" % invoice.number)
        self.assertEqual(entry.line_ids.filtered(
            lambda line: line.account_id.code == "658100").name,
                         "Contribution à la CAE, KPA Alpha, %s"
                         % invoice.number)
        self.assertTrue(entry.kpa_partial_reconcile_id)
        self.assertIn(entry,
                      entry.kpa_partial_reconcile_id.kpa_contribution_move_ids)
        self.assertEqual(self._booked(), (D("100.00"), D("50.00")))
        lines = {(line.account_id.code, line.analytic_account_id):
                 (line.debit, line.credit) for line in entry.line_ids}
        self.assertEqual(lines, {
            ("658100", self.kpa_a.analytic_account_id): (100.0, 0.0),
            ("758100", self.setup["kpa_cae_analytic_account_id"]):
                (0.0, 100.0),
            ("658200", self.kpa_a.analytic_account_id): (50.0, 0.0),
            ("758200", self.kpa_a.reserve_analytic_account_id): (0.0, 50.0),
        })
        self.assertEqual(entry.kpa_id, self.kpa_a)
        self.assertBooksMatchPot("2026-03-20")

    def test_partial_payments(self):
        invoice = self._open_invoice()
        self._pay(invoice, amount=600.0, date="2026-03-20")
        self.assertEqual(self._booked(), (D("50.00"), D("25.00")))
        self._pay(invoice, amount=600.0, date="2026-03-27")
        self.assertEqual(len(self._entries()), 2)
        self.assertBooksMatchPot("2026-03-20", "2026-03-27")
        self.assertEqual(self._booked(), (D("100.00"), D("50.00")))

    def test_roundings_follow_the_cumulative_pot(self):
        """3 x 33.33 at 10 %: 3.33, 3.34, 3.33 (the pot of 66.66 is
        6.67)."""
        invoice = self._untaxed_invoice(99.99)
        for when in ("2026-03-02", "2026-03-03", "2026-03-04"):
            self._pay(invoice, amount=33.33, date=when)
        self.assertEqual(
            self._entries().mapped("kpa_contribution_amount"),
            [3.33, 3.34, 3.33])
        self.assertBooksMatchPot("2026-03-02", "2026-03-03", "2026-03-04")
        self.assertEqual(self._booked(), (D("10.00"), D("5.00")))

    def test_a_refund_paid_back_books_back(self):
        invoice = self._open_invoice()
        self._pay(invoice, date="2026-03-20")
        refund = invoice.refund(date_invoice="2026-03-22",
                                description="Remboursement partiel")
        refund.invoice_line_ids.write({"price_unit": 200.0})
        refund.compute_taxes()
        refund.action_invoice_open()
        self._pay(refund, amount=240.0, date="2026-03-23")
        last = self._entries()[-1]
        self.assertEqual((last.kpa_contribution_amount,
                          last.kpa_reserve_amount), (-20.0, -10.0))
        self.assertEqual(self._booked(), (D("80.00"), D("40.00")))
        self.assertBooksMatchPot("2026-03-20", "2026-03-23")

    def test_unreconcile_reverses_then_rebooks(self):
        invoice = self._untaxed_invoice(99.99)
        payments = [self._pay(invoice, amount=33.33, date=when)
                    for when in ("2026-03-02", "2026-03-03", "2026-03-04")]
        second = payments[1]
        entry = self._entries().filtered(lambda m: m.date == "2026-03-03")
        line = second.move_line_ids.filtered(
            lambda l: l.account_id.internal_type == "receivable")
        line.remove_move_reconcile()
        reversal = self._entries().filtered(
            lambda m: m.kpa_contribution_amount == -3.34)
        self.assertEqual(len(reversal), 1)
        self.assertEqual(reversal.date, entry.date)  # still open: same day
        self.assertEqual(reversal.ref, "Extourne de %s : son paiement a "
                         "été annulé" % entry.name)
        self.assertFalse(entry.kpa_partial_reconcile_id)
        # The pot of 66.66 is 6.67: the catch-up adds the cent on the 4th.
        self.assertBooksMatchPot("2026-03-02", "2026-03-03", "2026-03-04")
        self.assertEqual(self._booked(), (D("6.67"), D("3.33")))
        # Matched again: booked again.
        invoice.assign_outstanding_credit(line.id)
        self.assertBooksMatchPot("2026-03-02", "2026-03-03", "2026-03-04")
        self.assertEqual(self._booked(), (D("10.00"), D("5.00")))

    def test_a_cancelled_payment_takes_its_contribution_back(self):
        invoice = self._open_invoice()
        payment = self._pay(invoice, date="2026-03-20")
        self.bank.update_posted = True
        payment.cancel()
        self.assertEqual(self._booked(), (D("0.00"), D("0.00")))
        self.assertEqual(len(self._entries()), 2)  # the entry and reversal
        self.assertBooksMatchPot("2026-03-20")

    def test_a_closed_period_books_on_the_first_open_day(self):
        self.company.period_lock_date = "2026-03-25"
        invoice = self._open_invoice()
        self._pay(invoice, date="2026-03-20")
        entry = self._entries()
        self.assertEqual(entry.date, "2026-03-26")
        self.assertIn("période clôturée : comptabilisé au premier jour "
                      "ouvert, le 26/03/2026", entry.ref)
        self.assertEqual(self._booked(), (D("100.00"), D("50.00")))

    def test_a_non_kpa_invoice_books_nothing(self):
        account = self.env["account.account"].search([
            ("code", "=like", "706%"), ("company_id", "=", self.company.id)],
            limit=1)
        invoice = self.env["account.invoice"].create({
            "partner_id": self.client.id, "type": "out_invoice",
            "invoice_line_ids": [(0, 0, {
                "name": "Hors KPA", "account_id": account.id,
                "quantity": 1, "price_unit": 500.0})]})
        invoice.action_invoice_open()
        count = self.env["account.move"].search_count(
            [("journal_id", "=", self.journal.id)])
        self._pay(invoice)
        self.assertEqual(self.env["account.move"].search_count(
            [("journal_id", "=", self.journal.id)]), count)

    def test_a_kpa_at_zero_percent_books_nothing(self):
        self.kpa_a.write({"contribution_rate": 0.0, "reserve_rate": 0.0})
        self._pay(self._open_invoice())
        self.assertFalse(self._entries())

    def test_a_vendor_bill_books_nothing(self):
        self._paid_bill(80)
        self.assertFalse(self._entries())

    def test_one_reconciliation_costs_the_same_whatever_the_history(self):
        """The booking sums the history in SQL: its queries do not grow
        with the KPA's past payments."""
        def count_for(history):
            kpa = self.env["kpa.cooperative"].create({
                "name": "KPA %d" % history, "code": "H%d" % history})
            for _number in range(history):
                self._pay(self._untaxed_invoice(10.0, kpa), date="2026-03-02")
            invoice = self._untaxed_invoice(10.0, kpa)
            payment = self._pay(invoice, date="2026-03-03")
            partial = payment.move_line_ids.mapped("matched_debit_ids")
            self.assertEqual(len(partial), 1)
            # Something to book again: the rate changes.
            kpa.contribution_rate = 0.2
            self.env.cr.execute("SELECT 1")
            for env in list(Environment.envs):
                env.cache.invalidate()
            before = self.env.cr.sql_log_count
            self.env["kpa.contribution"]._kpa_book_partials(partial)
            count = self.env.cr.sql_log_count - before
            self.assertEqual(self._booked(kpa), self._pot(kpa))
            return count
        self.assertEqual(count_for(1), count_for(4))

    # ------------------------------------------------------------------
    # Nobody books, changes or undoes them by hand
    # ------------------------------------------------------------------
    def _booked_entry(self):
        self._pay(self._open_invoice())
        return self._entries()

    def test_nobody_creates_one_by_hand(self):
        entry = self._booked_entry()
        lines = [(0, 0, {"account_id": line.account_id.id,
                         "debit": line.debit, "credit": line.credit,
                         "name": "x"}) for line in entry.line_ids]
        for user in (self.coordinator_a, self.manager):
            Move = self.env["account.move"].sudo(user).with_context(
                kpa_trusted=True)
            with self.assertRaises((UserError, AccessError)):
                Move.create({"journal_id": self.journal.id,
                             "line_ids": lines})
            other = self.env["account.journal"].search([
                ("type", "=", "general"),
                ("id", "!=", self.journal.id)], limit=1)
            with self.assertRaises((UserError, AccessError)):
                Move.create({"journal_id": other.id, "line_ids": lines,
                             "kpa_contribution_kpa_id": self.kpa_a.id})
        # Not even the superuser, outside the booking.
        with self.assertRaises(UserError):
            entry.copy()

    def test_nobody_changes_or_undoes_one_by_hand(self):
        entry = self._booked_entry()
        for user in (self.coordinator_a, self.manager):
            mine = entry.sudo(user).with_context(kpa_trusted=True)
            with self.assertRaises((UserError, AccessError)):
                mine.write({"ref": "Autre"})
            with self.assertRaises((UserError, AccessError)):
                mine.reverse_moves()
            with self.assertRaises((UserError, AccessError)):
                mine.unlink()
            with self.assertRaises((UserError, AccessError)):
                mine.line_ids[0].write({
                    "analytic_account_id":
                        self.kpa_b.analytic_account_id.id})
        other = self.env["account.move"].search([
            ("kpa_contribution_kpa_id", "=", False)], limit=1)
        with self.assertRaises(UserError):
            other.write({"kpa_contribution_kpa_id": self.kpa_a.id})
        self.assertEqual(entry.ref and len(self._entries()), 1)
        self.assertEqual(self._booked(), (D("100.00"), D("50.00")))

    def test_a_new_kpa_has_its_reserve_account(self):
        kpa = self.env["kpa.cooperative"].create({"name": "Gamma",
                                                  "code": "GAMA"})
        self.assertEqual(kpa.reserve_analytic_account_id.name,
                         "Gamma – réserve")
        kpa.name = "Gamma Coop"
        self.assertEqual(kpa.reserve_analytic_account_id.name,
                         "Gamma Coop – réserve")
