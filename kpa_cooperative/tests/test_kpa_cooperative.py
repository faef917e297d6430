# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import KpaCase


class TestKpaCooperative(KpaCase):

    def test_creation_makes_journal_numbering_analytic_and_project(self):
        kpa = self.env["kpa.cooperative"].create({
            "name": "La Cape test", "code": "zcap"})
        self.assertEqual(kpa.code, "ZCAP")
        self.assertEqual(kpa.journal_id.type, "sale")
        self.assertEqual(kpa.journal_id.code, "ZCAP")
        self.assertEqual(kpa.journal_id.company_id, kpa.company_id)
        self.assertEqual(kpa.journal_id.sequence_id.prefix,
                         "ZCAP/%(range_year)s/")
        self.assertEqual(kpa.journal_id.sequence_id.padding, 4)
        self.assertEqual(kpa.project_id.analytic_account_id,
                         kpa.analytic_account_id)
        self.assertTrue(kpa.analytic_account_id)

    def test_coordinator_creates_a_kpa_and_coordinates_it(self):
        kpa = self.env["kpa.cooperative"].sudo(self.coordinator_a).create({
            "name": "Moulins test", "code": "ZMOU"})
        self.assertEqual(kpa.coordinator_ids, self.coordinator_a)
        self.assertTrue(kpa.journal_id)

    def test_code_format_is_checked(self):
        for code in ("C", "TOOLONG", "AB-C", "é1"):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self.env["kpa.cooperative"].create({
                    "name": "Bad %s" % code, "code": code})

    @mute_logger("odoo.sql_db")
    def test_code_is_unique_in_the_cae(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["kpa.cooperative"].create({
                "name": "Another Alpha", "code": "ALPH"})

    def test_code_cannot_change_once_invoices_are_numbered(self):
        with self.assertRaises(ValidationError):
            self.kpa_a.write({"code": "ALPX"})
        self.kpa_a.write({"code": "ALPH", "name": "KPA Alpha bis"})
        self.assertIn("KPA Alpha bis", self.kpa_a.journal_id.name)

    def test_rates_are_shares_under_one(self):
        for rates in ({"contribution_rate": -0.1},
                      {"contribution_rate": 1.0},
                      {"contribution_rate": 0.6, "reserve_rate": 0.4}):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self.kpa_a.write(rates)
        self.kpa_a.write({"contribution_rate": 0.12, "reserve_rate": 0.08})

    def test_archiving_archives_journal_and_project(self):
        self.kpa_a.active = False
        self.assertFalse(self.kpa_a.journal_id.active)
        self.assertFalse(self.kpa_a.project_id.active)

    def test_member_counts(self):
        partner = self.env["res.partner"].create({"name": "Nouveau"})
        self.env["kpa.membership"].create({
            "partner_id": partner.id, "kpa_id": self.kpa_a.id})
        self.assertEqual(self.kpa_a.member_count, 2)
        self.assertEqual(self.kpa_a.newcomer_count, 1)
        self.assertEqual(self.kpa_b.member_count, 1)
