# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The money of the weekly remuneration, to the cent: no database needed.

Amounts are Decimal, rounded half up to the cent at each figure a person
sees, so what the screen shows is what the books get.
"""
import bisect
import datetime
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

# One rounding of money for the pot and the books (kpa_cooperative).
from odoo.addons.kpa_cooperative.services.contribution import (
    CENT, cents, split as contribution_split, to_decimal)

# A week's pay above this is a typing mistake, not a declaration.
MAX_NET = Decimal("100000")

# Reasons a typed amount is refused (the caller translates them).
AMOUNT_EMPTY = "empty"
AMOUNT_NOT_A_NUMBER = "not_a_number"
AMOUNT_NEGATIVE = "negative"
AMOUNT_TOO_PRECISE = "too_precise"
AMOUNT_TOO_BIG = "too_big"

_AMOUNT_PATTERN = re.compile(r"^[+-]?\d+(\.\d*)?$|^[+-]?\.\d+$")
# "4h30", "4 h 30", "4:30", "4h": hours and minutes, as people write them.
_HOURS_MINUTES_PATTERN = re.compile(r"^(\d{1,3})(?:h|:)(\d{1,2})?(?:min)?$")
_SPACES = (" ", "\u00a0", "\u202f")

# The declarations that ask the pot for money: the sent and the validated
# ones. A draft is not sent yet and a refused one was turned down: neither
# takes anything from the pot.
ASK_STATES = ("submitted", "validated")

# Why a week asked for (``?week=``) is not shown (the caller translates).
WEEK_MALFORMED = "malformed"
WEEK_BEFORE_FIRST = "before_first"
WEEK_TO_COME = "to_come"
_DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def pay_from_net(net, employee_rate, employer_rate):
    """(gross, employer, cost) for the net pay a member asks for.

    gross = net / (1 - employee_rate), employer = gross x employer_rate,
    cost = gross + employer; each to the cent (employer from the rounded
    gross, so the payslip adds up).
    """
    net = to_decimal(net)
    employee_rate = to_decimal(employee_rate)
    if employee_rate >= 1:
        raise ValueError("The employee share must be under 100 %.")
    gross = cents(net / (Decimal(1) - employee_rate))
    employer = cents(gross * to_decimal(employer_rate))
    return gross, employer, gross + employer


def pot(cashed, contribution_rate, reserve_rate, expenses, distributed):
    """The pot of a KPA, each figure to the cent, as a dict.

    share = cashed x (1 - contribution_rate - reserve_rate), and
    available = share - expenses - distributed. The contribution is
    cashed x contribution_rate; the reserve takes what is left of the
    cashed money, so contribution + reserve + share = cashed exactly.
    """
    cashed = cents(cashed)
    # The one rounding rule, shared with the contribution entries the books
    # get at each payment (kpa_cooperative): the books say what the pot says.
    contribution, share, reserve = contribution_split(
        cashed, contribution_rate, reserve_rate)
    expenses = cents(expenses)
    distributed = cents(distributed)
    return {
        "cashed": cashed,
        "contribution": contribution,
        "reserve": reserve,
        "share": share,
        "expenses": expenses,
        "distributed": distributed,
        "available": share - expenses - distributed,
    }


def running_totals(rows):
    """{key: (days, totals...)} from rows (key, day, total, ...) sorted by
    key then day, whose totals already run (a SQL window sum)."""
    result = {}
    for key, day, *totals in rows:
        entry = result.setdefault(key, ([], [[] for _total in totals]))
        entry[0].append(day)
        for column, total in zip(entry[1], totals):
            column.append(total)
    return result


def total_up_to(running, key, day, strictly_before=False):
    """The running totals of ``key`` on ``day`` (or on the day before it
    when ``strictly_before``): a zero for each when nothing came before.
    Days are compared as they come (ISO strings or dates)."""
    days, columns = running.get(key, ([], []))
    if not days:
        return None
    find = bisect.bisect_left if strictly_before else bisect.bisect_right
    index = find(days, day) - 1
    return [column[index] if index >= 0 else 0 for column in columns]


def week_bounds(day):
    """(Monday, Sunday) of the week holding ``day`` (a date)."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def week_asked(text, first, current):
    """The week to show for ``text`` (a day of it, "YYYY-MM-DD"), between
    the week of ``first`` (a KPA's first week) and that of ``current``
    (today): ``(Monday, None)``, or ``(Monday of current, reason)`` when
    ``text`` names no day or a week outside them (WEEK_* reasons). No
    ``text`` is the current week."""
    current = week_bounds(current)[0]
    first = min(week_bounds(first)[0], current) if first else current
    if not text:
        return current, None
    try:
        if not isinstance(text, str) or not _DAY_PATTERN.match(text):
            raise ValueError(text)
        day = datetime.datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        return current, WEEK_MALFORMED
    monday = week_bounds(day)[0]
    if monday < first:
        return current, WEEK_BEFORE_FIRST
    if monday > current:
        return current, WEEK_TO_COME
    return monday, None


def week_neighbours(monday, first, current):
    """(the Monday before, the Monday after) ``monday``, each None past
    the KPA's first week or the current one."""
    current = week_bounds(current)[0]
    first = min(week_bounds(first)[0], current) if first else current
    week = datetime.timedelta(days=7)
    before, after = monday - week, monday + week
    return (before if before >= first else None,
            after if after <= current else None)


def parse_amount(text, maximum=MAX_NET):
    """(Decimal, None) for a typed amount, or (None, reason).

    Accepts "390", "390.5", "390,50", " 1 200,00 " (French writing);
    refuses text, negative amounts, more than two decimals and huge
    amounts with one of the AMOUNT_* reasons. Never raises.
    """
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        return None, AMOUNT_NOT_A_NUMBER
    cleaned = _without_spaces(text.strip()).replace("€", "").replace(",", ".")
    if not cleaned:
        return None, AMOUNT_EMPTY
    if len(cleaned) > 20 or not _AMOUNT_PATTERN.match(cleaned):
        return None, AMOUNT_NOT_A_NUMBER
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, AMOUNT_NOT_A_NUMBER
    if value < 0:
        return None, AMOUNT_NEGATIVE
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        return None, AMOUNT_TOO_PRECISE
    if value > maximum:
        return None, AMOUNT_TOO_BIG
    return value.quantize(CENT), None


def _without_spaces(text):
    for space in _SPACES:
        text = text.replace(space, "")
    return text


def parse_hours(text, maximum=Decimal(168)):
    """(Decimal, None) for typed hours (empty is 0), or (None, reason).

    Hours as a number ("4", "4,5", "4.25") or as hours and minutes
    ("4h30", "4 h 30", "4:30"; minutes under 60), kept to the cent of an
    hour (4 h 20 is 4.33)."""
    if isinstance(text, str) and not text.strip():
        return Decimal("0.00"), None
    if isinstance(text, str):
        match = _HOURS_MINUTES_PATTERN.match(_without_spaces(text).lower())
        if match:
            minutes = int(match.group(2) or 0)
            if minutes >= 60:
                return None, AMOUNT_NOT_A_NUMBER
            value = cents(Decimal(match.group(1)) + Decimal(minutes) / 60)
            if value > maximum:
                return None, AMOUNT_TOO_BIG
            return value, None
    return parse_amount(text, maximum=maximum)


def input_amount(value):
    """An amount as a French person types it in a field: ``39`` ->
    ``"39,00"`` (no thousands separator: the field reads it back)."""
    return ("%.2f" % cents(value)).replace(".", ",")


def input_hours(value):
    """Hours as typed in a field: ``4.5`` -> ``"4,5"``, ``14`` -> ``"14"``,
    ``4.25`` -> ``"4,25"``."""
    text = "%.2f" % cents(value)
    return text.rstrip("0").rstrip(".").replace(".", ",")


# ----------------------------------------------------------------------
# What is asked of the pot, what is left, the most one can still ask
# ----------------------------------------------------------------------
def asked(declarations):
    """The cost the pot is asked for by ``declarations`` ((state, cost)
    pairs): the sum of the costs of those in ASK_STATES."""
    return sum((cents(cost) for state, cost in declarations
                if state in ASK_STATES), Decimal("0.00"))


def max_net(left, employee_rate, employer_rate, maximum=MAX_NET):
    """The largest net pay, to the cent, whose cost (gross + employer
    charges, as :func:`pay_from_net` rounds them) fits in ``left``; 0 when
    nothing is left."""
    left = cents(left)
    if left <= 0:
        return Decimal("0.00")
    employee_rate = to_decimal(employee_rate)
    employer_rate = to_decimal(employer_rate)
    net = (left * (Decimal(1) - employee_rate)
           / (Decimal(1) + employer_rate)).quantize(CENT, rounding=ROUND_DOWN)
    net = min(cents(maximum), net)
    # Each figure is rounded to the cent: step to the exact largest net.
    while net > 0 and pay_from_net(net, employee_rate,
                                   employer_rate)[2] > left:
        net -= CENT
    while net + CENT <= maximum and pay_from_net(
            net + CENT, employee_rate, employer_rate)[2] <= left:
        net += CENT
    return net


def member_asks(available, declarations, employee_rate, employer_rate):
    """The pot of a week as one member sees it.

    ``declarations`` are the week's (mine, state, cost) triples, ``mine``
    true for the member's own. Only the sent and validated ones are asks
    (ASK_STATES). Returns a dict: ``asked`` (every ask), ``left``
    (available - asked), ``over`` (the asks exceed the pot),
    ``left_for_me`` (available - the others' asks: what the member's own
    ask may cost at most), ``max_net`` (the most the member may still ask,
    net), ``my_cost`` (the cost of the member's declaration, None without
    one) and ``mine_over`` (it costs more than ``left_for_me``)."""
    available = cents(available)
    declarations = list(declarations)
    everyone = asked((state, cost) for _mine, state, cost in declarations)
    others = asked((state, cost) for mine, state, cost in declarations
                   if not mine)
    my_costs = [cents(cost) for mine, _state, cost in declarations if mine]
    my_cost = sum(my_costs) if my_costs else None
    left_for_me = available - others
    return {
        "asked": everyone,
        "left": available - everyone,
        "over": everyone > available,
        "left_for_me": left_for_me,
        "max_net": max_net(left_for_me, employee_rate, employer_rate),
        "my_cost": my_cost,
        "mine_over": my_cost is not None and my_cost > left_for_me,
    }
