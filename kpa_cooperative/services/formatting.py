# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dates, money and hours as French people write them: the one formatter
every module uses in its messages (no database needed).

- a date: ``31/12/2026``;
- money: ``1 234,50 €``, a narrow no-break space between thousands and a
  no-break space before the euro sign (so a line never breaks inside an
  amount);
- a rate: ``12,5`` (for "12,5 %");
- hours: ``1 h 30``;
- a link put on a page: only ``http``/``https`` (:func:`web_url`).
"""
import datetime
import re
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlsplit

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
DATE_FORMAT = "%d/%m/%Y"


def _as_date(value):
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.datetime.strptime(str(value)[:10], "%Y-%m-%d").date()


def fmt_date(value):
    """``"2026-12-31"`` or a date -> ``"31/12/2026"``; empty -> ``""``."""
    day = _as_date(value)
    return day.strftime(DATE_FORMAT) if day else ""


def _cents(amount):
    return Decimal(str(amount or 0)).quantize(Decimal("0.01"),
                                              rounding=ROUND_HALF_UP)


def fmt_number(amount, decimals=2):
    """``1234.5`` -> ``"1 234,50"`` (narrow no-break space thousands)."""
    value = _cents(amount) if decimals == 2 else Decimal(str(amount or 0))
    text = "{:,.{}f}".format(value, decimals)
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def fmt_money(amount, symbol="€"):
    """``1234.5`` -> ``"1 234,50 €"``."""
    return fmt_number(amount) + NBSP + symbol


def fmt_percent(rate):
    """A rate as a share (``0.125``) -> ``"12,5"``, for ``"%s %%"``."""
    text = "%.2f" % (float(rate or 0) * 100)
    return text.rstrip("0").rstrip(".").replace(".", ",")


def fmt_hours(hours):
    """``1.5`` -> ``"1 h 30"``, ``2`` -> ``"2 h"``, ``0.25`` -> ``"0 h 15"``
    (to the nearest minute)."""
    minutes = int(round(abs(float(hours or 0)) * 60))
    sign = "-" if float(hours or 0) < 0 and minutes else ""
    whole, rest = divmod(minutes, 60)
    if not rest:
        return "%s%d%sh" % (sign, whole, NBSP)
    return "%s%d%sh%s%02d" % (sign, whole, NBSP, NBSP, rest)


_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f<>\"'\\]")


def web_url(url):
    """``url`` if it is an ``http``/``https`` link to a host, else ``""``:
    a ``javascript:`` or ``data:`` link, or one hiding spaces or control
    characters, is never put on a page."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    if not url or _UNSAFE_URL_CHARS.search(url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return url
