# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The accountant's books per KPA: entries and items found by KPA (an
invoice, its payment, a vendor bill and its payment, the week's pay entry),
what clients still owe, and menus only for who may use them."""
from odoo.tools.safe_eval import safe_eval

from .common import RemunerationCase


class TestAccountingByKpa(RemunerationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice_a = cls._cash_a()
        cls.payment_a = cls.invoice_a.payment_ids
        cls.bill_b = cls._paid_bill(45.0, kpa=cls.kpa_b)
        cls.env["kpa.remuneration.declaration"].create({
            "period_id": cls.week_a.id, "partner_id": cls.partner_a.id,
            "amount_net": 390})
        cls.week_a.sudo(cls.coordinator_a).action_validate()
        cls.open_b = cls._invoice(cls.task_b)
        cls.open_b.action_invoice_open()
        cls.Move = cls.env["account.move"]
        cls.Line = cls.env["account.move.line"]
        cls.accountant = cls.env["res.users"].create({
            "name": "Comptable", "login": "comptable@example.org",
            "groups_id": [(6, 0, [
                cls.env.ref("base.group_user").id,
                cls.env.ref("account.group_account_manager").id])]})

    def test_the_entries_of_a_kpa(self):
        moves = self.Move.search([("kpa_id", "=", self.kpa_a.id)])
        self.assertIn(self.invoice_a.move_id, moves)
        self.assertIn(self.payment_a.move_line_ids.mapped("move_id"), moves)
        self.assertIn(self.week_a.move_id, moves)
        self.assertNotIn(self.bill_b.move_id, moves)
        self.assertNotIn(self.open_b.move_id, moves)
        self.assertEqual(self.week_a.move_id.kpa_id, self.kpa_a)
        self.assertEqual(
            self.payment_a.move_line_ids.mapped("move_id").kpa_id,
            self.kpa_a)

    def test_a_vendor_bill_and_its_payment_belong_to_their_kpa(self):
        bill_moves = self.bill_b.move_id | self.bill_b.payment_ids.mapped(
            "move_line_ids.move_id")
        self.assertEqual(bill_moves.mapped("kpa_id"), self.kpa_b)
        found = self.Move.search([("kpa_id", "=", self.kpa_b.id)])
        self.assertEqual(bill_moves - found, self.Move)

    def test_every_item_of_the_pay_entry_is_the_kpa_s(self):
        """Only the expense lines carry the analytic account; the net pay
        (421) and contributions (431) lines belong to the KPA too."""
        pay_lines = self.week_a.move_id.line_ids
        found = self.Line.search([("kpa_id", "=", self.kpa_a.id)])
        self.assertEqual(pay_lines - found, self.Line)
        self.assertFalse(self.Line.search([
            ("kpa_id", "=", self.kpa_b.id), ("id", "in", pay_lines.ids)]))

    def test_a_kpa_is_found_by_the_name_typed_and_excluded(self):
        by_name = self.Move.search([("kpa_id", "ilike", "Beta")])
        self.assertIn(self.bill_b.move_id, by_name)
        self.assertNotIn(self.invoice_a.move_id, by_name)
        not_a = self.Move.search([("kpa_id", "!=", self.kpa_a.id)])
        self.assertNotIn(self.invoice_a.move_id, not_a)
        self.assertIn(self.bill_b.move_id, not_a)

    def test_to_collect_lists_what_clients_still_owe_per_kpa(self):
        action = self.env.ref(
            "kpa_cooperative.account_move_line_action_to_collect")
        lines = self.Line.search(safe_eval(action.domain))
        self.assertIn(self.open_b.move_id.line_ids.filtered(
            lambda l: l.account_id.internal_type == "receivable"), lines)
        self.assertFalse(lines & self.invoice_a.move_id.line_ids,
                         "a paid invoice is not to collect")
        groups = self.Line.read_group(
            [("id", "in", lines.ids)], ["balance", "journal_id"], ["journal_id"])
        self.assertIn(self.kpa_b.journal_id.id,
                      [group["journal_id"][0] for group in groups])

    def test_the_books_menu_is_the_accountant_s(self):
        menu = self.env.ref("kpa_cooperative.kpa_accounting_menu")
        fec = self.env.ref("kpa_cooperative.account_fr_fec_menu")
        Menu = self.env["ir.ui.menu"]
        seen = Menu.sudo(self.accountant)._visible_menu_ids()
        self.assertIn(menu.id, seen)
        self.assertIn(fec.id, seen)
        # A coordinator keeps his KPAs' invoices; the books are not his.
        self.assertNotIn(
            menu.id, Menu.sudo(self.coordinator_a)._visible_menu_ids())

    def test_pay_entries_lists_the_weeks_pay(self):
        action = self.env["account.move"].sudo(
            self.accountant)._kpa_pay_entries_action()
        entries = self.Move.sudo(self.accountant).search(action["domain"])
        self.assertIn(self.week_a.move_id, entries)
        self.assertEqual(entries.mapped("journal_id"),
                         self.company.kpa_remuneration_journal_id)
        self.assertNotIn(self.invoice_a.move_id, entries)
        self.assertEqual(action["res_model"], "account.move")
