# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The CAE contribution and the KPA reserve, to the cent: no database.

The pot of a KPA (kpa_remuneration) takes its CAE contribution and its
reserve from the *cumulative* cashed revenue; the books must say the same.
:func:`split` is the one rounding rule both use; :func:`bookings` says what
to book so that what is booked up to a day equals what the pot says for
that day.
"""
import datetime
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_decimal(value):
    """A float, int, str or Decimal as a Decimal (floats through repr, so
    0.22 stays 0.22)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value or 0)


def cents(value):
    """Rounded half up to the cent."""
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def split(cashed, contribution_rate, reserve_rate):
    """(contribution, share, reserve) of ``cashed``, each to the cent, as
    the pot shows them: the contribution is cashed x its rate, the members'
    share cashed x (1 - both rates), and the reserve takes what is left, so
    the three add up to the cashed money exactly."""
    cashed = cents(cashed)
    contribution_rate = to_decimal(contribution_rate)
    reserve_rate = to_decimal(reserve_rate)
    contribution = cents(cashed * contribution_rate)
    share = cents(cashed * (Decimal(1) - contribution_rate - reserve_rate))
    return contribution, share, cashed - share - contribution


def as_date(day):
    if isinstance(day, datetime.datetime):
        return day.date()
    if isinstance(day, str):
        return datetime.datetime.strptime(day[:10], "%Y-%m-%d").date()
    return day


def total_up_to(running, day, width=1):
    """The ``width`` running totals of ``running`` (sorted ``(day,
    total...)`` tuples) on ``day``: zeros when nothing came before."""
    day = as_date(day)
    result = [0] * width
    for row_day, *totals in running:
        if as_date(row_day) > day:
            break
        result = totals
    return [to_decimal(total) for total in result]


def bookings(cashed, booked, day, contribution_rate, reserve_rate,
             lock_date=None):
    """The entries that make the books say what the pot says.

    ``cashed``: ``(day, cumulative cashed)`` of the KPA, sorted by day;
    ``booked``: ``(day, cumulative contribution, cumulative reserve)``
    booked so far (reversals included), sorted by day; ``day``: the day a
    payment counts from (its date, or the date of a payment undone).

    Returns ``[(date, contribution, reserve, moved)]``: what to book on
    ``day`` so that the booked totals up to ``day`` are the pot's, and,
    when something is already cashed or booked later (a payment recorded
    late), a second entry on the latest such day so that the totals are
    the pot's there too (on any later day where nothing else changed as
    well). A day on or before ``lock_date`` cannot take an entry: it moves
    to the day after (``moved`` True). Nothing to book gives no entry:
    a KPA at 0 % books nothing.
    """
    day = as_date(day)
    lock_date = as_date(lock_date) if lock_date else None
    first_open = lock_date + datetime.timedelta(days=1) if lock_date \
        else None
    latest = max([as_date(row[0]) for row in list(cashed) + list(booked)]
                 + [day])
    days = sorted({day, latest})
    result = []
    extra_contribution = extra_reserve = Decimal(0)
    for when in days:
        moved = bool(first_open and when < first_open)
        if moved:
            when = first_open
        total, = total_up_to(cashed, when)
        contribution, _share, reserve = split(
            total, contribution_rate, reserve_rate)
        done_contribution, done_reserve = total_up_to(booked, when, 2)
        to_contribution = contribution - done_contribution \
            - extra_contribution
        to_reserve = reserve - done_reserve - extra_reserve
        if to_contribution or to_reserve:
            result.append((when, to_contribution, to_reserve, moved))
            extra_contribution += to_contribution
            extra_reserve += to_reserve
    return result
