# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The payroll hand-off: the month's export (CSV, XLSX), the import of the
provider's figures (books, pot, statement), the undo rules and who may."""
import base64
import datetime
import io
import zipfile

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import RemunerationCase

# The payroll's figures for partner_a (estimates: net 390, gross 500,
# employer 150): cost 505 + 148 = 653, 3 more than estimated.
HEADER = "reference;nom;brut;charges_patronales;net_paye;net_social;" \
         "prelevement_source"


class TestPayrollExport(RemunerationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls.env["res.users"].create({
            "name": "Comptable", "login": "comptable_paie@example.org",
            "email": "comptable_paie@example.org",
            "groups_id": [(6, 0, [
                cls.env.ref("base.group_user").id,
                cls.env.ref("account.group_account_manager").id])]})
        cls._cash_a()
        cls.declaration = cls.Declaration.create({
            "period_id": cls.week_a.id, "partner_id": cls.partner_a.id,
            "amount_net": 390, "hours": 12})
        cls.week_a.sudo(cls.coordinator_a).action_validate()
        cls.Export = cls.env["kpa.payroll.export"]
        cls.export = cls.Export.sudo(cls.accountant).create({
            "month": "2026-03-01", "kpa_id": cls.kpa_a.id})

    def _file(self, *rows, header=HEADER):
        text = "\n".join((header,) + rows)
        return base64.b64encode(text.encode("utf-8"))

    def _import(self, *rows, user=None, **kwargs):
        export = self.export.sudo(user or self.accountant)
        export.write({"import_file": self._file(*rows, **kwargs),
                      "import_filename": "paie.csv"})
        export.action_import()

    def _exported(self):
        self.export.sudo(self.accountant).action_export()
        return self.export.line_ids

    # ------------------------------------------------------------------
    def test_the_export_of_a_month(self):
        line = self._exported()
        self.assertEqual(self.export.state, "exported")
        self.assertEqual(len(line), 1)
        self.assertEqual((line.partner_id, line.kpa_id, line.contract_id,
                          line.weeks, line.hours, line.amount_net,
                          line.amount_gross, line.amount_employer),
                         (self.partner_a, self.kpa_a, self.cape_a, 1, 12.0,
                          390.0, 500.0, 150.0))
        self.assertEqual(line.declaration_ids, self.declaration)
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "kpa.payroll.export"),
            ("res_id", "=", self.export.id)])
        text = base64.b64decode(attachment.datas).decode("utf-8-sig")
        rows = text.splitlines()
        self.assertEqual(rows[0].split(";")[:3], ["reference", "nom", "kpa"])
        self.assertEqual(rows[1].split(";"), [
            "2026-03-0001", "Membre Alpha", "KPA Alpha", self.cape_a.name,
            "1", "12,00", "390,00", "500,00", "150,00"])
        # The XLSX file of the same lines.
        content, kind = self.env.ref(
            "kpa_remuneration.kpa_payroll_export_xlsx_report").sudo(
            self.accountant).render(self.export.ids)
        self.assertEqual(kind, "xlsx")
        book = zipfile.ZipFile(io.BytesIO(content))
        strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("2026-03-0001", strings)
        self.assertIn("Membre Alpha", strings)
        self.assertIn("<v>500</v>", book.read(
            "xl/worksheets/sheet1.xml").decode())
        # Exported pay is not exported again.
        again = self.Export.create({"month": "2026-03-15"})
        again.action_compute_lines()
        self.assertFalse(again.line_ids)

    def test_the_import_books_the_difference_balanced(self):
        self._exported()
        self._import("2026-03-0001;Membre Alpha;505,00;148,00;388,00;"
                     "395,00;7,00")
        line = self.export.line_ids
        self.assertEqual(self.export.state, "imported")
        self.assertEqual((line.real_gross, line.real_employer,
                          line.real_net_paid, line.real_net_social,
                          line.real_withholding, line.amount_difference),
                         (505.0, 148.0, 388.0, 395.0, 7.0, 3.0))
        move = self.export.move_id
        self.assertEqual(move.state, "posted")
        items = move.line_ids

        def side(prefix):
            chosen = items.filtered(
                lambda l: l.account_id.code.startswith(prefix))
            return (round(sum(chosen.mapped("debit")), 2),
                    round(sum(chosen.mapped("credit")), 2))

        self.assertEqual(side("641"), (5.0, 0.0))
        self.assertEqual(side("645"), (0.0, 2.0))
        self.assertEqual(side("421"), (2.0, 0.0))
        self.assertEqual(side("431"), (2.0, 0.0))
        self.assertEqual(side("442"), (0.0, 7.0))
        self.assertEqual(round(sum(items.mapped("debit")), 2),
                         round(sum(items.mapped("credit")), 2))
        self.assertEqual(items.filtered(
            lambda l: l.account_id.code[:3] in ("641", "645")).mapped(
            "analytic_account_id"), self.kpa_a.analytic_account_id)
        self.assertEqual(items.filtered(
            lambda l: l.account_id.code[:3] == "421").partner_id,
            self.partner_a)

    def test_the_pot_counts_the_difference_the_week_after(self):
        self._exported()
        self._import("2026-03-0001;Membre Alpha;505,00;148,00;388,00;"
                     "395,00;7,00")
        monday = self.export.date_adjustment
        today = fields.Date.from_string(fields.Date.context_today(
            self.export))
        self.assertEqual(fields.Date.from_string(monday),
                         today + datetime.timedelta(days=7 - today.weekday()))
        before = self.Period._kpa_get_week(
            self.kpa_a, fields.Date.from_string(monday)
            - datetime.timedelta(days=7))
        after = self.Period._kpa_get_week(self.kpa_a, monday)
        # 1 000 cashed: share 850, 650 paid, then 3 more.
        self.assertEqual(before.amount_distributed, 650.0)
        self.assertEqual(before.amount_available, 200.0)
        self.assertEqual(after.amount_distributed, 653.0)
        self.assertEqual(after.amount_available, 197.0)
        self.assertIn("3,00", after.pot_explanation)
        self.assertNotIn("3,00", before.pot_explanation)

    def test_the_statement_shows_the_real_pay(self):
        self._exported()
        self._import("2026-03-0001;Membre Alpha;505,00;148,00;388,00;"
                     "395,00;7,00")
        values = self.env[
            "report.kpa_remuneration.report_statement"].sudo(
            self.member_user_a).get_report_values(
            self.partner_a.ids, {"month": "2026-03"})
        paid = values["payroll"][self.partner_a.id]
        self.assertEqual((paid.real_net_paid, paid.real_net_social),
                         (388.0, 395.0))
        html = self.env.ref(
            "kpa_remuneration.kpa_remuneration_statement_report").sudo(
            self.member_user_a).render_qweb_html(
            self.partner_a.ids, {"month": "2026-03"})[0].decode()
        self.assertIn("o_kpa_net_paid", html)
        # In the member's language: French here, English under Odoo's
        # runner (its database has no French).
        self.assertRegex(html, r"388[,.]00")
        self.assertRegex(html, r"395[,.]00")
        # And the pot per month of the KPA, for its coordinator.
        rows = self.env["kpa.remuneration.month.report"].sudo(
            self.coordinator_a).search([("kpa_id", "=", self.kpa_a.id),
                                        ("month", "=", "2026-03-01")])
        self.assertEqual((sum(rows.mapped("amount_net_paid")),
                          sum(rows.mapped("amount_net_social")),
                          sum(rows.mapped("amount_net"))),
                         (388.0, 395.0, 390.0))

    def test_a_bad_file_names_line_and_column_and_stores_nothing(self):
        self._exported()
        good = "2026-03-0001;Membre Alpha;505,00;148,00;388,00;395,00;7,00"
        cases = [
            (("2026-03-0001;Membre Alpha;cinq cents;148;388;395;7",),
             {}, ("2", "brut")),
            (("2026-03-0001;Membre Alpha;505;-1;388;395;7",),
             {}, ("2", "charges_patronales")),
            (("2026-03-0009;X;505;148;388;395;7",), {},
             ("2", "reference", "2026-03-0009")),
            ((good, good), {}, ("3", "reference")),
            (("2026-03-0001;Membre Alpha;505;148;390;395;7",), {},
             ("2", "net_paye")),
            (("",), {}, ("2026-03-0001",)),
            ((good,), {"header": "reference;nom;brut;net_paye"},
             ("1", "charges_patronales")),
        ]
        for rows, kwargs, words in cases:
            with self.assertRaises(UserError) as caught, \
                    self.cr.savepoint():
                self._import(*rows, **kwargs)
            for word in words:
                self.assertIn(word, caught.exception.name)
            self.assertNotIn("Traceback", caught.exception.name)
        self.export.invalidate_cache()
        self.assertEqual(self.export.state, "exported")
        self.assertFalse(self.export.line_ids.real_gross)
        self.assertFalse(self.export.move_id)
        # Not a text file at all.
        self.export.sudo(self.accountant).write({
            "import_file": base64.b64encode(b"\x00\x01PK\x03\x04\xff")})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.export.sudo(self.accountant).action_import()

    # ------------------------------------------------------------------
    # Undo rules
    # ------------------------------------------------------------------
    def test_an_exported_week_cannot_be_undone(self):
        self._exported()
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            self.week_a.sudo(self.manager).action_undo_validation()
        self.assertIn(self.export.name, caught.exception.name)
        self.assertEqual(self.week_a.state, "validated")
        self.assertEqual(self.declaration.state, "validated")

    def test_a_draft_export_does_not_stop_the_undo(self):
        self.export.sudo(self.accountant).action_compute_lines()
        self.assertTrue(self.export.line_ids)
        self.week_a.sudo(self.manager).action_undo_validation()
        self.assertEqual(self.week_a.state, "open")
        # The export, made again, no longer holds the week.
        self.export.sudo(self.accountant).action_compute_lines()
        self.assertFalse(self.export.line_ids)

    def test_a_paid_week_cannot_be_undone(self):
        net = self.week_a.move_id.line_ids.filtered(
            lambda l: l.account_id.code.startswith("421"))
        bank_account = self.bank.default_debit_account_id
        payment = self.env["account.move"].create({
            "journal_id": self.bank.id, "date": "2026-03-25",
            "line_ids": [
                (0, 0, {"account_id": net.account_id.id, "debit": 390.0,
                        "partner_id": self.partner_a.id, "name": "Paie"}),
                (0, 0, {"account_id": bank_account.id, "credit": 390.0,
                        "name": "Paie"})]})
        payment.post()
        (net | payment.line_ids.filtered(
            lambda l: l.account_id == net.account_id)).reconcile()
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            self.week_a.sudo(self.manager).action_undo_validation()
        self.assertIn("Membre Alpha", caught.exception.name)
        self.assertEqual(self.week_a.state, "validated")

    # ------------------------------------------------------------------
    # Who may
    # ------------------------------------------------------------------
    def test_coordinators_and_members_have_no_access(self):
        self._exported()
        for user in (self.coordinator_a, self.member_user_a):
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.Export.sudo(user).search([])
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.Export.sudo(user).create({"month": "2026-03-01"})
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.export.sudo(user).action_import()
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.env["kpa.payroll.export.line"].sudo(user).search([])
        # The manager reads and exports, as the accountant.
        self.assertEqual(self.Export.sudo(self.manager).search([
            ("id", "=", self.export.id)]), self.export)

    def test_the_states_move_by_the_buttons_only(self):
        self._exported()
        export = self.export.sudo(self.accountant)
        for values in ({"state": "draft"}, {"state": "imported"},
                       {"kpa_id": self.kpa_b.id},
                       {"date_adjustment": "2026-01-05"}):
            with self.assertRaises(UserError), self.cr.savepoint():
                export.write(values)
        with self.assertRaises(UserError), self.cr.savepoint():
            export.unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.Export.sudo(self.accountant).create({
                "month": "2026-03-01", "state": "imported"})
        # The lines are the method's: nobody writes them.
        with self.assertRaises(AccessError), self.cr.savepoint():
            export.line_ids.write({"real_gross": 1.0})
        self.assertEqual(self.export.state, "exported")
