# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The money of the weekly remuneration, to the cent: no database needed.

Amounts are Decimal, rounded half up to the cent at each figure a person
sees, so what the screen shows is what the books get.
"""
import bisect
import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
# A week's pay above this is a typing mistake, not a declaration.
MAX_NET = Decimal("100000")

# Reasons a typed amount is refused (the caller translates them).
AMOUNT_EMPTY = "empty"
AMOUNT_NOT_A_NUMBER = "not_a_number"
AMOUNT_NEGATIVE = "negative"
AMOUNT_TOO_PRECISE = "too_precise"
AMOUNT_TOO_BIG = "too_big"

_AMOUNT_PATTERN = re.compile(r"^[+-]?\d+(\.\d*)?$|^[+-]?\.\d+$")


def to_decimal(value):
    """A float, int, str or Decimal as a Decimal (floats through str, so
    0.22 stays 0.22)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value or 0)


def cents(value):
    """Rounded half up to the cent."""
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


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
    contribution_rate = to_decimal(contribution_rate)
    reserve_rate = to_decimal(reserve_rate)
    share = cents(cashed * (Decimal(1) - contribution_rate - reserve_rate))
    contribution = cents(cashed * contribution_rate)
    reserve = cashed - share - contribution
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
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    cleaned = cleaned.replace("€", "").replace(",", ".")
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


def parse_hours(text, maximum=Decimal(168)):
    """(Decimal, None) for typed hours (empty is 0), or (None, reason)."""
    if isinstance(text, str) and not text.strip():
        return Decimal("0.00"), None
    return parse_amount(text, maximum=maximum)
