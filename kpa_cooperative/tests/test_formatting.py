# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The French formatter: plain functions, no database."""
import datetime
import unittest

from ..services.formatting import fmt_date, fmt_hours, fmt_money, \
    fmt_number, fmt_percent, web_url

NNBSP = "\u202f"
NBSP = "\u00a0"


class TestFormatting(unittest.TestCase):

    def test_dates(self):
        self.assertEqual(fmt_date("2026-12-31"), "31/12/2026")
        self.assertEqual(fmt_date(datetime.date(2026, 1, 5)), "05/01/2026")
        self.assertEqual(fmt_date(datetime.datetime(2026, 3, 2, 23, 59)),
                         "02/03/2026")
        self.assertEqual(fmt_date("2026-03-02 08:00:00"), "02/03/2026")
        self.assertEqual(fmt_date(False), "")
        self.assertEqual(fmt_date(None), "")

    def test_money(self):
        self.assertEqual(fmt_money(1234.5), "1" + NNBSP + "234,50" + NBSP
                         + "€")
        self.assertEqual(fmt_money(0), "0,00" + NBSP + "€")
        self.assertEqual(fmt_money(1300), "1" + NNBSP + "300,00" + NBSP
                         + "€")
        self.assertEqual(fmt_money(1234567.891), "1" + NNBSP + "234" + NNBSP
                         + "567,89" + NBSP + "€")
        self.assertEqual(fmt_money(-12.5), "-12,50" + NBSP + "€")

    def test_money_rounds_half_up_to_the_cent(self):
        # 2.675 is 2.67499... as a float: the text of the number is used.
        self.assertEqual(fmt_number(2.675), "2,68")
        self.assertEqual(fmt_number(0.005), "0,01")

    def test_percent(self):
        self.assertEqual(fmt_percent(0.1), "10")
        self.assertEqual(fmt_percent(0.125), "12,5")
        self.assertEqual(fmt_percent(0), "0")

    def test_hours(self):
        self.assertEqual(fmt_hours(1.5), "1" + NBSP + "h" + NBSP + "30")
        self.assertEqual(fmt_hours(2), "2" + NBSP + "h")
        self.assertEqual(fmt_hours(0.25), "0" + NBSP + "h" + NBSP + "15")
        self.assertEqual(fmt_hours(0), "0" + NBSP + "h")
        self.assertEqual(fmt_hours(7.999), "8" + NBSP + "h")


class TestWebUrl(unittest.TestCase):

    def test_http_and_https_links_pass(self):
        for url in ("https://meet.jit.si/la-cape",
                    "http://visio.example.org/x?a=1",
                    "HTTPS://Meet.Example.org/room#top"):
            self.assertEqual(web_url(url), url)
        self.assertEqual(web_url("  https://meet.jit.si/a  "),
                         "https://meet.jit.si/a")

    def test_other_schemes_and_tricks_are_refused(self):
        for url in ("javascript:alert(1)", "JavaScript:alert(1)",
                    " javascript:alert(1)", "java\tscript:alert(1)",
                    "data:text/html,<script>alert(1)</script>",
                    "vbscript:msgbox(1)", "file:///etc/passwd",
                    "ftp://example.org", "//evil.example.org",
                    "https://", "https:///path", "meet.jit.si/room",
                    "https://a.org/\x00", "https://a.org/\"onmouseover=x",
                    "", None, False, 42):
            self.assertEqual(web_url(url), "", url)
