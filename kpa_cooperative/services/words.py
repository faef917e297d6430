"""Amounts in French words, as French invoices print them.

num2words' own "currency" mode for French mis-reads thousands (1200 gives
"douze euros"), so the euros and the cents are spelled separately.
"""
import logging

_logger = logging.getLogger(__name__)
try:
    from num2words import num2words
except ImportError:  # Odoo itself needs it: only the words are lost.
    _logger.warning("num2words is missing: no amounts in words.")
    num2words = None


def _unit(count, singular, plural):
    return singular if count <= 1 else plural


def amount_in_words_fr(amount):
    """1200 -> 'mille deux cents euros'; 80.5 -> 'quatre-vingts euros et
    cinquante centimes'; negative amounts are spelled with 'moins'."""
    if num2words is None:
        return ""
    cents_total = int(round(abs(amount) * 100))
    euros, cents = divmod(cents_total, 100)
    spelled = num2words(euros, lang="fr")
    if spelled.endswith(("million", "millions", "milliard", "milliards")):
        words = "%s d'euros" % spelled  # un million d'euros
    else:
        words = "%s %s" % (spelled, _unit(euros, "euro", "euros"))
    if cents:
        words += " et %s %s" % (num2words(cents, lang="fr"),
                                _unit(cents, "centime", "centimes"))
    if amount < 0 and cents_total:
        words = "moins " + words
    return words
