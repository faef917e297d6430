# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's week on the portal: what is left in the pot, the most one
may still ask (drafts are no asks), the weeks one may look at, hours and
amounts as French people read and type them."""
import datetime
import unittest
from decimal import Decimal as D

from ..services import pot
from .common import RemunerationCase

DAY = datetime.date


class TestMaxNet(unittest.TestCase):

    def test_the_most_whose_cost_fits(self):
        # 390 net at 22 % / 30 % costs exactly 650.
        self.assertEqual(pot.max_net(D("650"), 0.22, 0.30), D("390.00"))
        # 279.90 would cost 466.51: one cent too much.
        self.assertEqual(pot.pay_from_net(D("279.90"), 0.22, 0.30)[2],
                         D("466.51"))
        self.assertEqual(pot.max_net(D("466.50"), 0.22, 0.30), D("279.89"))

    def test_every_cent_is_the_largest_that_fits(self):
        for cents_left in range(0, 2000, 7):
            left = D(cents_left) / 100
            net = pot.max_net(left, 0.22, 0.30)
            self.assertLessEqual(pot.pay_from_net(net, 0.22, 0.30)[2], left)
            self.assertGreater(
                pot.pay_from_net(net + pot.CENT, 0.22, 0.30)[2], left)

    def test_nothing_left_is_zero(self):
        self.assertEqual(pot.max_net(0, 0.22, 0.30), D("0.00"))
        self.assertEqual(pot.max_net(D("-20"), 0.22, 0.30), D("0.00"))

    def test_never_above_a_week_of_pay(self):
        self.assertEqual(pot.max_net(D("10000000"), 0.22, 0.30),
                         D("100000.00"))


class TestMemberAsks(unittest.TestCase):
    """Only sent and validated declarations are asks."""

    def test_drafts_and_refused_are_no_asks(self):
        self.assertEqual(pot.ASK_STATES, ("submitted", "validated"))
        figures = pot.member_asks(D("596.50"), [
            (False, "submitted", D("130")),
            (False, "draft", D("65")),
            (False, "refused", D("400")),
        ], 0.22, 0.30)
        self.assertEqual(figures["asked"], D("130.00"))
        self.assertEqual(figures["left"], D("466.50"))
        self.assertEqual(figures["left_for_me"], D("466.50"))
        self.assertEqual(figures["max_net"], D("279.89"))
        self.assertFalse(figures["over"])
        self.assertIsNone(figures["my_cost"])
        self.assertFalse(figures["mine_over"])

    def test_my_own_ask_is_what_i_may_change(self):
        figures = pot.member_asks(D("650"), [
            (True, "submitted", D("325")), (False, "submitted", D("260")),
        ], 0.22, 0.30)
        self.assertEqual(figures["asked"], D("585.00"))
        self.assertEqual(figures["left"], D("65.00"))
        # Mine may grow to what the others left: 650 - 260.
        self.assertEqual(figures["left_for_me"], D("390.00"))
        self.assertEqual(figures["max_net"], D("234.00"))
        self.assertEqual(figures["my_cost"], D("325.00"))
        self.assertFalse(figures["mine_over"])

    def test_over_the_pot_is_said(self):
        # The figures: 325.83 asked against 265 in the pot.
        figures = pot.member_asks(D("265"), [
            (False, "submitted", D("325.83")), (True, "draft", D("65")),
        ], 0.22, 0.30)
        self.assertTrue(figures["over"])
        self.assertEqual(figures["left"], D("-60.83"))
        self.assertEqual(figures["max_net"], D("0.00"))
        self.assertTrue(figures["mine_over"])


class TestWeeksShown(unittest.TestCase):
    FIRST = DAY(2026, 11, 16)
    TODAY = DAY(2026, 12, 2)  # a Wednesday

    def test_no_week_asked_is_the_current_week(self):
        self.assertEqual(pot.week_asked(None, self.FIRST, self.TODAY),
                         (DAY(2026, 11, 30), None))

    def test_any_day_names_its_week(self):
        self.assertEqual(
            pot.week_asked("2026-11-19", self.FIRST, self.TODAY),
            (DAY(2026, 11, 16), None))

    def test_out_of_range_and_malformed_say_why(self):
        current = DAY(2026, 11, 30)
        for text, reason in [
                ("2026-11-09", pot.WEEK_BEFORE_FIRST),
                ("2026-12-07", pot.WEEK_TO_COME),
                ("junk", pot.WEEK_MALFORMED),
                ("2026-02-30", pot.WEEK_MALFORMED),
                ("2026-1-5", pot.WEEK_MALFORMED),
                ("0000-01-01", pot.WEEK_MALFORMED),
                (["2026-11-16"], pot.WEEK_MALFORMED)]:
            self.assertEqual(pot.week_asked(text, self.FIRST, self.TODAY),
                             (current, reason), text)

    def test_a_kpa_without_weeks_starts_this_week(self):
        self.assertEqual(pot.week_asked("2026-11-23", None, self.TODAY),
                         (DAY(2026, 11, 30), pot.WEEK_BEFORE_FIRST))
        self.assertEqual(
            pot.week_neighbours(DAY(2026, 11, 30), None, self.TODAY),
            (None, None))

    def test_neighbours_stop_at_the_ends(self):
        self.assertEqual(
            pot.week_neighbours(DAY(2026, 11, 23), self.FIRST, self.TODAY),
            (DAY(2026, 11, 16), DAY(2026, 11, 30)))
        self.assertEqual(
            pot.week_neighbours(self.FIRST, self.FIRST, self.TODAY),
            (None, DAY(2026, 11, 23)))
        self.assertEqual(
            pot.week_neighbours(DAY(2026, 11, 30), self.FIRST, self.TODAY),
            (DAY(2026, 11, 23), None))


class TestTypedValues(unittest.TestCase):

    def test_hours_and_minutes(self):
        for text, hours in [("4h30", "4.50"), ("4 h 30", "4.50"),
                            ("4:30", "4.50"), ("4h", "4.00"),
                            ("4 H 20", "4.33"), ("4,5", "4.50")]:
            self.assertEqual(pot.parse_hours(text), (D(hours), None), text)
        self.assertEqual(pot.parse_hours("4h75"),
                         (None, pot.AMOUNT_NOT_A_NUMBER))
        self.assertEqual(pot.parse_hours("170h"), (None, pot.AMOUNT_TOO_BIG))

    def test_narrow_spaces_between_thousands(self):
        self.assertEqual(pot.parse_amount("1\u202f200,50"),
                         (D("1200.50"), None))

    def test_values_in_fields_as_french_people_type_them(self):
        self.assertEqual(pot.input_amount(39), "39,00")
        self.assertEqual(pot.input_amount(1200.5), "1200,50")
        self.assertEqual(pot.input_hours(4.5), "4,5")
        self.assertEqual(pot.input_hours(14), "14")
        self.assertEqual(pot.input_hours(4.25), "4,25")
        self.assertEqual(pot.input_hours(0), "0")
        # What the field shows reads back as the same value.
        for value in (39, 1200.5, 0.01):
            self.assertEqual(pot.parse_amount(pot.input_amount(value))[0],
                             pot.cents(value))
        self.assertEqual(pot.parse_hours(pot.input_hours(4.25))[0], D("4.25"))


class TestMemberPot(RemunerationCase):
    """The pot of a week as a member sees it, from real records."""

    def test_drafts_do_not_count_and_the_max_fits(self):
        self._cash_a()  # 850 available in week A
        self.declare(self.partner_a2, 156, state="submitted")  # costs 260
        self.declare(self.partner_a, 39)  # a draft: no ask
        self.week_a.invalidate_cache()
        figures = self.week_a._kpa_member_pot(self.partner_a)
        self.assertEqual(figures["available"], D("850.00"))
        self.assertEqual(figures["declared"], D("325.00"))  # validation's
        self.assertEqual(figures["asked"], D("260.00"))
        self.assertEqual(figures["left"], D("590.00"))
        self.assertEqual(figures["left_for_me"], D("590.00"))
        self.assertEqual(figures["max_net"], pot.max_net(590, 0.22, 0.30))
        self.assertEqual(figures["my_cost"], D("65.00"))
        # Partner A2 sees its own ask as changeable.
        other = self.week_a._kpa_member_pot(self.partner_a2)
        self.assertEqual(other["left_for_me"], D("850.00"))

    def test_a_week_not_made_yet_shows_its_pot_and_writes_nothing(self):
        self._cash_a(date="2026-03-25")
        before = self.Period.search_count([])
        week = self.Period._kpa_week_or_new(
            self.kpa_a, datetime.date(2026, 3, 23))
        self.assertFalse(week.id)
        self.assertEqual(week.date_end, "2026-03-29")
        figures = week._kpa_member_pot(self.partner_a)
        self.assertEqual(figures["available"], D("850.00"))
        self.assertEqual(figures["asked"], D("0.00"))
        self.assertEqual(figures["max_net"], pot.max_net(850, 0.22, 0.30))
        self.assertEqual(self.Period.search_count([]), before)
        # A week that exists comes as it is.
        self.assertEqual(self.Period._kpa_week_or_new(
            self.kpa_a, datetime.date(2026, 3, 16)), self.week_a)

    def test_first_monday_of_a_kpa(self):
        self.assertEqual(self.Period._kpa_first_monday(self.kpa_a),
                         datetime.date(2026, 3, 16))
        self.Period._kpa_get_week(self.kpa_a, "2026-02-04")
        self.assertEqual(self.Period._kpa_first_monday(self.kpa_a),
                         datetime.date(2026, 2, 2))
        kpa = self.env["kpa.cooperative"].create({"name": "Gamma",
                                                  "code": "GAMA"})
        self.assertIsNone(self.Period._kpa_first_monday(kpa))

    def test_pay_uses_the_rates_of_the_week(self):
        self.assertEqual(self.week_a._kpa_pay_from_net(390),
                         (D("500.00"), D("150.00"), D("650.00")))
        self.assertEqual(self.week_a._kpa_rates(), (0.22, 0.30))
        # Without a week: the user's company.
        self.assertEqual(self.Period._kpa_pay_from_net(390)[2], D("650.00"))
