# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoice mentions as plain rules: no database needed."""
import unittest

from ..services import invoice_rules as rules


class TestOperationNature(unittest.TestCase):

    def test_services_goods_or_both(self):
        self.assertEqual(rules.operation_nature(["service", "service"]),
                         rules.NATURE_SERVICES)
        self.assertEqual(rules.operation_nature(["consu", "product"]),
                         rules.NATURE_GOODS)
        self.assertEqual(rules.operation_nature(["service", "consu"]),
                         rules.NATURE_BOTH)

    def test_a_line_without_product_is_work(self):
        self.assertEqual(rules.operation_nature([False]),
                         rules.NATURE_SERVICES)
        self.assertIsNone(rules.operation_nature([]))


class TestSiret(unittest.TestCase):

    def test_siren_and_siret_are_cleaned(self):
        self.assertEqual(rules.clean_siret("215 903 501"), "215903501")
        self.assertEqual(rules.clean_siret("215 903 501 00017"),
                         "21590350100017")
        self.assertEqual(rules.clean_siret("215.903.501-00017"),
                         "21590350100017")

    def test_a_wrong_number_is_refused(self):
        for wrong in ("215903502", "2159035010001", "ABCDEFGHI", "",
                      "21590350100018"):
            with self.assertRaises(ValueError):
                rules.clean_siret(wrong)

    def test_siren_of_a_siret(self):
        self.assertEqual(rules.siren_of("21590350100017"), "215903501")
        self.assertEqual(rules.siren_of("215903501"), "215903501")
        self.assertEqual(rules.siren_of("123"), "")
        self.assertEqual(rules.format_siren("215903501"), "215 903 501")


class TestSalesProducts(unittest.TestCase):

    def test_each_activity_has_its_rate_and_account(self):
        products = rules.SALES_PRODUCTS
        onsite = products["kpa_cooperative.product_kpa_catering_onsite"]
        takeaway = products["kpa_cooperative.product_kpa_takeaway"]
        self.assertEqual((onsite["rate"], onsite["service"]), ("10", True))
        self.assertEqual((takeaway["rate"], takeaway["service"]),
                         ("5.5", False))
        for spec in products.values():
            self.assertIn(spec["account"][:3], ("706", "701"))
