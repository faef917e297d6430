# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import xlrd

from odoo import fields
from odoo.exceptions import AccessError

from .common import RemunerationCase

# The dashboard's columns when its base date is the end of March 2026.
MARCH, FEBRUARY = 2, 1


class TestKpaDashboard(RemunerationCase):
    """The mis_builder dashboard of a KPA says what the pot says, to the
    cent: money by payment date, the contribution and reserve entries each
    payment books (journal CTRB, 658100/758100, 658200/758200), the week's
    pay entry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Instance = cls.env["mis.report.instance"]
        cls.report = cls.env.ref("kpa_remuneration.mis_report_kpa_dashboard")
        cls.accountant = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Comptable", "login": "comptable@example.org",
                "groups_id": [(6, 0, cls.env.ref(
                    "account.group_account_manager").ids)]})
        cls.accounts = {code: cls._account(code) for code in (
            "658100", "758100", "658200", "758200")}
        # February: 500 € cashed. March: 1 333.33 € cashed in two
        # payments, 80 € of expenses paid, an invoice of 400 € (taxes
        # included) left open, a week of pay validated.
        cls.february = cls._paid_invoice(500.0, "2026-02-05", "2026-02-10")
        cls.march = cls._paid_invoice(1000.0, "2026-03-02", "2026-03-20")
        cls.march_odd = cls._paid_invoice(333.33, "2026-03-03", "2026-03-18")
        cls.open_invoice = cls._open_invoice(333.34, "2026-03-25")
        cls._paid_bill(80.0, date="2026-03-21", date_invoice="2026-03-12")
        cls._open_bill(50.0, date_invoice="2026-03-26")
        # Each payment books its contribution and reserve (journal CTRB,
        # kpa_cooperative): nothing to make by hand.
        cls.declaration = cls.Declaration.create({
            "period_id": cls.week_a.id, "partner_id": cls.partner_a.id,
            "amount_net": 390.0})
        cls.week_a.action_validate()
        cls.dashboard = cls._dashboard(cls.kpa_a)

    @classmethod
    def _account(cls, code):
        Account = cls.env["account.account"]
        account = Account.search([("code", "=", code),
                                  ("company_id", "=", cls.company.id)])
        kind = "expenses" if code.startswith("6") else "other_income"
        return account or Account.create({
            "code": code, "name": "Compte %s" % code,
            "company_id": cls.company.id,
            "user_type_id": cls.env.ref("account.data_account_type_%s"
                                        % kind).id})

    @classmethod
    def _task(cls, amount):
        return cls.env["project.task"].create({
            "name": "Prestation de %s €" % amount,
            "project_id": cls.kpa_a.project_id.id,
            "partner_id": cls.client.id, "kpa_amount": amount,
            "kpa_referent_ids": [(6, 0, cls.partner_a.ids)]})

    @classmethod
    def _open_invoice(cls, amount, date):
        invoice = cls._invoice(cls._task(amount))
        invoice.date_invoice = date
        invoice.action_invoice_open()
        return invoice

    @classmethod
    def _paid_invoice(cls, amount, date, paid_on):
        invoice = cls._open_invoice(amount, date)
        cls._pay(invoice, date=paid_on)
        return invoice

    @classmethod
    def _dashboard(cls, kpa, user=None):
        Instance = cls.Instance.sudo(user) if user else cls.Instance
        instance = Instance._kpa_dashboards(kpa, whole_cae=not kpa)
        instance.sudo().date = "2026-03-31"
        return instance

    def _figures(self, instance, column=MARCH, user=None):
        if user:
            instance = instance.sudo(user)
        matrix = instance._compute_matrix()
        figures = {}
        for row in matrix.iter_rows():
            if row.account_id:
                continue
            cell = list(row.iter_cells())[column]
            figures[row.kpi.name] = round(float(cell.val or 0), 2) \
                if cell else 0.0
        return figures

    def _pot(self, monday):
        return self.Period._kpa_week_or_new(
            self.kpa_a, fields.Date.from_string(monday))

    def test_march_equals_the_pot_to_the_cent(self):
        figures = self._figures(self.dashboard)
        # The pot's totals are running: March = the last week ending in
        # March less the last week ending in February (no money moved on
        # the days between those Sundays and the months' ends).
        end_march = self._pot("2026-03-23")
        end_february = self._pot("2026-02-16")
        for name in ("cashed", "contribution", "reserve", "expenses"):
            pot_month = round(end_march["amount_" + name]
                              - end_february["amount_" + name], 2)
            kpi = "expenses_paid" if name == "expenses" else name
            self.assertEqual(figures[kpi], pot_month, name)
        self.assertEqual(figures["cashed"], 1333.33)
        self.assertEqual(figures["contribution"], 133.33)
        self.assertEqual(figures["reserve"], 66.67)
        self.assertEqual(figures["expenses_paid"], 80.0)
        # Pay: the cost of the week validated in March (gross + employer),
        # what the pot counts as distributed from the week after.
        self.assertEqual(figures["pay"], self.declaration.amount_cost)
        self.assertEqual(figures["pay"], round(
            end_march.amount_distributed
            - self.week_a.amount_distributed, 2))
        self.assertEqual(figures["pay"], 650.0)
        self.assertEqual(figures["to_collect"], 400.01)
        self.assertEqual(figures["expenses_to_pay"], 50.0)
        self.assertEqual(figures["result"], round(
            1333.33 - 80 - 133.33 - 66.67 - 650, 2))

    def test_columns_name_their_month(self):
        header = self.dashboard.with_context(lang="fr_FR").compute()[
            "header"][0]["cols"]
        self.assertEqual([col["description"] for col in header],
                         ["janvier 2026", "février 2026", "mars 2026"])

    def test_february_and_the_treasury(self):
        february = self._figures(self.dashboard, FEBRUARY)
        self.assertEqual(february["cashed"], 500.0)
        self.assertEqual(february["contribution"], 50.0)
        self.assertEqual(february["reserve"], 25.0)
        self.assertEqual(february["pay"], 0.0)
        self.assertEqual(february["treasury"], 425.0)
        march = self._figures(self.dashboard)
        self.assertEqual(march["treasury"], round(
            425.0 + march["result"], 2))

    def test_whole_cae_is_the_sum_of_the_kpas(self):
        invoice_b = self._invoice(self.task_b)
        invoice_b.date_invoice = "2026-03-04"
        invoice_b.action_invoice_open()
        self._pay(invoice_b, date="2026-03-19")
        whole = self._figures(self._dashboard(self.env["kpa.cooperative"]))
        alpha = self._figures(self.dashboard)
        beta = self._figures(self._dashboard(self.kpa_b))
        self.assertEqual(beta["cashed"], 300.0)
        for name, value in whole.items():
            self.assertAlmostEqual(value, alpha[name] + beta[name], 2,
                                   msg=name)

    def test_drilldown_to_the_contribution_entries(self):
        kpi = self.env.ref("kpa_remuneration.mis_report_kpi_kpa_contribution")
        march = self.dashboard.period_ids.sorted("sequence")[MARCH]
        action = self.dashboard.drilldown({
            "period_id": march.id, "expr": "balp[658100]",
            "kpi_id": kpi.id})
        self.assertEqual(action["res_model"], "account.move.line")
        self.assertIn(("kpa_id", "=", self.kpa_a.id), action["domain"])
        lines = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(lines.mapped("account_id"), self.accounts["658100"])
        self.assertEqual(sorted(lines.mapped("debit")), [33.33, 100.0])

    def test_xlsx_export_reads_back(self):
        report = self.env.ref("mis_builder.xls_export")
        content, kind = report.with_context(lang="fr_FR").render_xlsx(
            self.dashboard.ids, data={})
        self.assertEqual(kind, "xlsx")
        book = xlrd.open_workbook(file_contents=content)
        sheet = book.sheet_by_index(0)
        rows = [sheet.row_values(index) for index in range(sheet.nrows)]
        by_label = {row[0]: row[1:] for row in rows if row[0]}
        self.assertIn("Encaissé (HT)", by_label)
        self.assertEqual(round(by_label["Encaissé (HT)"][MARCH], 2),
                         1333.33)
        self.assertEqual(round(by_label["Contribution CAE"][MARCH], 2),
                         133.33)

    def test_coordinator_sees_his_kpa_only(self):
        mine = self._figures(self.dashboard, user=self.coordinator_a)
        self.assertEqual(mine, self._figures(self.dashboard))
        whole = self._dashboard(self.env["kpa.cooperative"])
        for instance in (self.dashboard, whole):
            with self.assertRaises(AccessError):
                instance.sudo(self.coordinator_b).read(["name"])
            with self.assertRaises(AccessError):
                instance.sudo(self.coordinator_b).compute()
        visible = self.Instance.sudo(self.coordinator_b).search([
            ("report_id", "=", self.report.id)])
        self.assertFalse(visible & (self.dashboard | whole))

    def test_members_see_nothing(self):
        with self.assertRaises(AccessError):
            self.Instance.sudo(self.member_user_a).search([])
        with self.assertRaises(AccessError):
            self.dashboard.sudo(self.member_user_a).compute()

    def test_accountant_sees_every_dashboard(self):
        for user in (self.accountant, self.manager):
            action = self.Instance.sudo(user)._kpa_dashboard_action()
            instances = self.Instance.search(action["domain"])
            # every KPA's (the XML demo may have more than the two here)
            self.assertEqual(instances.mapped("kpa_id"),
                             self.env["kpa.cooperative"].search([]))
            self.assertIn(self.dashboard, instances)
            # and the whole CAE's, without a KPA
            self.assertEqual(len(instances.filtered(
                lambda instance: not instance.kpa_id)), 1)
            self.assertEqual(self._figures(self.dashboard, user=user),
                             self._figures(self.dashboard))

    def test_coordinator_menu_opens_his_dashboard(self):
        action = self.Instance.sudo(
            self.coordinator_a)._kpa_dashboard_action()
        self.assertEqual(action["res_model"], "mis.report.instance")
        self.assertEqual(action["res_id"], self.dashboard.id)
        self.assertEqual(
            [p.offset for p in self.dashboard.period_ids.sorted("sequence")],
            [-2, -1, 0])
