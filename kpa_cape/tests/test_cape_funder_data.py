# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The data funders ask at entry and after the exit (issue 18, point 1):
choice lists on the CAPE, the QPV by name and code on the person, the
official list imported with Odoo's import; who may read and write them."""
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import CapeCase

OFFICIAL_CSV = (
    "code_qp;lib_qp;lib_com\n"
    "QN05901X;Quartier Un;Roubaix\n"
    "QN05902X;Quartier Deux;Lille\n").encode("utf-8")


class TestCapeFunderData(CapeCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qpv = cls.env["kpa.qpv"].create({
            "code": "TEST-01", "name": "Épeule", "city": "Roubaix"})
        cls.partner_a.kpa_qpv_id = cls.qpv
        cls.co_member, cls.co_member_user = cls._portal_member(
            "Co-membre Alpha", cls.kpa_a, "comembre_cape@example.org")

    def test_entry_and_after_exit_reach_the_funder_report(self):
        cape = self.cape(kpa_entry_situation="rsa", kpa_study_level="level3",
                         kpa_prescriber="department")
        cape.action_kpa_sign()
        tracked = cape.sudo(self.coordinator_a).with_context(
            tracking_disable=False)
        tracked.write({"kpa_situation_after": "employed_fixed",
                       "kpa_situation_after_date": "2026-12-01"})
        Report = self.env["kpa.cape.funder.report"]
        row = Report.search([("contract_id", "=", cape.id)])
        self.assertEqual(
            (row.entry_situation, row.study_level, row.prescriber,
             row.situation_after, row.qpv_id),
            ("rsa", "level3", "department", "employed_fixed", self.qpv))
        groups = Report.sudo(self.coordinator_a).read_group(
            [("kpa_id", "=", self.kpa_a.id)], ["prescriber"], ["prescriber"])
        self.assertEqual([(g["prescriber"], g["prescriber_count"])
                          for g in groups], [("department", 1)])
        # A choice changed after signature is kept in the chatter.
        self.assertIn("kpa_situation_after", cape.sudo().message_ids.mapped(
            "tracking_value_ids.field"))

    def test_a_qpv_alone_counts_as_living_in_one(self):
        self.partner_a.kpa_qpv_resident = False
        row = self.env["kpa.cape.funder.report"].search([
            ("contract_id", "=", self.cape().id)])
        self.assertTrue(row.qpv_resident)

    def test_qpv_and_permit_are_private(self):
        self.partner_a.kpa_residence_permit_end = "2027-06-30"
        names = ["kpa_qpv_id", "kpa_residence_permit_end"]
        # Another KPA's coordinator reads the person, not these fields...
        other = self.partner_a.sudo(self.coordinator_b)
        row = other.read(names)[0]
        self.assertFalse(row["kpa_qpv_id"] or row["kpa_residence_permit_end"])
        self.assertFalse(other.search([("id", "=", self.partner_a.id),
                                       ("kpa_qpv_id", "=", self.qpv.id)]))
        # ... and a co-member does not read the person at all.
        with self.assertRaises(AccessError):
            self.partner_a.sudo(self.co_member_user).read(names)
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.partner_a.sudo(self.coordinator_b).write(
                {"kpa_qpv_id": False})
        row = self.partner_a.sudo(self.coordinator_a).read(names)[0]
        self.assertEqual(row["kpa_qpv_id"][0], self.qpv.id)
        self.assertEqual(self.partner_a.sudo(self.member_user_a)
                         .read(names)[0]["kpa_residence_permit_end"],
                         "2027-06-30")

    def test_the_list_is_the_cae_s(self):
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env["kpa.qpv"].sudo(self.coordinator_a).create(
                {"code": "X", "name": "Ailleurs"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.qpv.sudo(self.coordinator_a).write({"name": "Autre"})
        with self.assertRaises(IntegrityError), self.cr.savepoint(), \
                mute_logger("odoo.sql_db"):
            self.env["kpa.qpv"].create({"code": "TEST-01", "name": "Bis"})

    def test_the_official_csv_imports_with_odoo_s_import(self):
        wizard = self.env["base_import.import"].sudo(self.manager).create({
            "res_model": "kpa.qpv", "file": OFFICIAL_CSV,
            "file_type": "text/csv", "file_name": "qpv.csv"})
        messages = wizard.do(["code", "name", "city"], {
            "headers": True, "separator": ";", "quoting": '"',
            "encoding": "utf-8"})
        self.assertFalse(messages)
        imported = self.env["kpa.qpv"].search([("code", "like", "QN059")])
        self.assertEqual(imported.mapped("name"),
                         ["Quartier Deux", "Quartier Un"])  # by city
        self.assertEqual(imported[0].display_name, "Quartier Deux (Lille)")
