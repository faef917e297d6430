# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import CapeCase


class TestCapeFunderReport(CapeCase):
    """The funders' figures of each CAPE, in their own report model."""

    def row(self, cape, user=None):
        Report = self.env["kpa.cape.funder.report"]
        if user:
            Report = Report.sudo(user)
        return Report.search([("contract_id", "=", cape.id)])

    def test_figures_of_a_minor_and_an_adult(self):
        minor = self.cape(partner=self.minor, kpa_parental_consent=True,
                          kpa_guardian_name="Parent Alpha",
                          kpa_guardian_quality="Mère",
                          kpa_parental_consent_date="2026-02-20",
                          kpa_benefit_ids=[(6, 0, (self.are | self.rsa).ids)])
        row = self.row(minor)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.kpa_id, self.kpa_a)
        self.assertEqual(row.partner_id, self.minor)
        self.assertEqual(row.age_band, "16-17")
        self.assertEqual(row.gender, "female")
        self.assertTrue(row.qpv_resident)
        self.assertEqual(row.benefit_names, "RSA, ARE")  # by sequence
        self.assertEqual(row.benefit_ids, self.are | self.rsa)
        self.assertEqual(row.state, "draft")
        self.assertEqual(row.months, 0.0)  # a draft counts nothing
        adult = self.cape(date_start="2026-01-01", date_end="2026-06-30")
        self.assertEqual(self.row(adult).age_band, "26-35")
        self.assertFalse(self.row(adult).benefit_names)
        adult.action_kpa_sign()
        self.env["kpa.cape.exit.wizard"].create({
            "contract_id": adult.id, "outcome": "salaried",
            "date_exit": "2026-06-30"}).action_confirm()
        self.env["kpa.cape.funder.report"].invalidate_cache()
        row = self.row(adult)
        self.assertEqual(row.months, 6.0)
        self.assertEqual(row.exit_outcome, "salaried")
        self.assertEqual(row.exit_date, "2026-06-30")
        self.assertEqual(row.state, "close")
        groups = self.env["kpa.cape.funder.report"].sudo(
            self.coordinator_a).read_group(
            [("kpa_id", "=", self.kpa_a.id),
             ("state", "not in", ("draft", "cancel"))],
            ["months", "exit_outcome"], ["exit_outcome"])
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["exit_outcome"], "salaried")
        self.assertEqual(groups[0]["months"], 6.0)

    def test_unknown_birthdate_has_no_band(self):
        self.partner_a.kpa_birthdate = False
        self.assertFalse(self.row(self.cape()).age_band)

    def test_plain_contracts_are_not_counted(self):
        employee = self.env["hr.employee"].create({"name": "Salariée CAE"})
        contract = self.env["hr.contract"].create({
            "name": "CDI", "employee_id": employee.id, "wage": 2000.0})
        self.assertFalse(self.row(contract))

    def test_coordinators_see_their_kpa_only(self):
        cape_a = self.cape()
        cape_b = self.cape(partner=self.partner_b, kpa=self.kpa_b,
                           user=self.coordinator_b)
        self.assertTrue(self.row(cape_a, self.coordinator_a))
        self.assertFalse(self.row(cape_b, self.coordinator_a))
        with self.assertRaises(AccessError):
            self.row(cape_a).sudo(self.coordinator_b).read(["gender"])
        self.assertEqual(
            self.row(cape_a, self.manager) | self.row(cape_b, self.manager),
            self.row(cape_a) | self.row(cape_b))
        # The member reads their own CAPE, never the funders' figures.
        with self.assertRaises(AccessError):
            self.env["kpa.cape.funder.report"].sudo(
                self.member_user_a).search([])
