"""Rules about people: age, minimum age to join a KPA."""
from dateutil.relativedelta import relativedelta

MINIMUM_AGE = 16
AGE_BANDS = (
    ("16-17", 16, 17),
    ("18-25", 18, 25),
    ("26-35", 26, 35),
    ("36-49", 36, 49),
    ("50+", 50, 200),
)


def age_on(birthdate, on_date):
    """Whole years between ``birthdate`` and ``on_date`` (None if unknown)."""
    if not birthdate or not on_date:
        return None
    return relativedelta(on_date, birthdate).years


def age_band(age):
    """The funders' age band of an age ('' if unknown or under 16)."""
    if age is None:
        return ""
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return ""


def is_old_enough(birthdate, on_date, minimum=MINIMUM_AGE):
    """True when the person is at least ``minimum`` years old on ``on_date``.

    An unknown birthdate is not a refusal: coordinators often fill it later.
    """
    age = age_on(birthdate, on_date)
    return age is None or age >= minimum
