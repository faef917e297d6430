"""How people type their login on a phone, as plain rules.

Members type ``Samir``, ``samir `` (the space a phone keyboard adds), their
email or their mobile number: each names one login when it names one
person only.
"""
import re

# A phone number as people type it: digits, spaces, dots, dashes, +, ().
_PHONE = re.compile(r"^\+?[\d\s.\-()]{9,20}$")


def clean_login(typed):
    """What was typed, without the spaces around it."""
    return (typed or "").strip()


def phone_key(typed):
    """The last nine digits of a French phone number as typed
    (``06 12 34 56 78``, ``+33 6 12 34 56 78``, ``0612345678``), or None
    when ``typed`` is no phone number."""
    text = clean_login(typed)
    if not _PHONE.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    return digits[-9:] if len(digits) >= 9 else None
