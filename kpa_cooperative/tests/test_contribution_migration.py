# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The upgrade to 11.0.1.2.0: one catch-up entry per KPA with cashed
revenue, dated its last payment, and nothing more when run again."""
import importlib.util
import os

from .common import KpaInvoiceCase

MIGRATION = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "migrations", "11.0.1.2.0", "post-migration.py")


def _migration():
    spec = importlib.util.spec_from_file_location("kpa_ctb_mig", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestContributionMigration(KpaInvoiceCase):

    def _entries(self):
        return self.env["account.move"].search(
            [("kpa_contribution_kpa_id", "in", (self.kpa_a | self.kpa_b).ids)])

    def test_history_booked_once_per_kpa(self):
        for date in ("2026-03-02", "2026-03-09"):
            invoice = self._invoice(self.task_a.copy({"kpa_amount": 1000}))
            invoice.action_invoice_open()
            self._pay(invoice, date=date)
        # A database from before 11.0.1.2.0: payments, no entries.
        moves = tuple(self._entries().ids)
        cr = self.env.cr
        cr.execute("DELETE FROM account_analytic_line WHERE move_id IN "
                   "(SELECT id FROM account_move_line WHERE move_id IN %s)",
                   (moves,))
        cr.execute("DELETE FROM account_move_line WHERE move_id IN %s",
                   (moves,))
        cr.execute("DELETE FROM account_move WHERE id IN %s", (moves,))
        self.env["account.move"].invalidate_cache()
        migration = _migration()
        migration.book_the_history(self.env)
        entry = self._entries()
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.date, "2026-03-09")
        self.assertEqual((entry.kpa_contribution_amount,
                          entry.kpa_reserve_amount), (200.0, 100.0))
        self.assertIn("reprise à la mise à jour", entry.ref)
        self.assertFalse(entry.kpa_partial_reconcile_id)
        # Run again: nothing more to book.
        migration.book_the_history(self.env)
        self.assertEqual(self._entries(), entry)
