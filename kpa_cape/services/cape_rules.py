"""CAPE date rules (Code de commerce L127-1 to L127-7, R127-1).

A CAPE is written, lasts at most 12 months and can be renewed twice; the
successive CAPEs of one person with the same CAE last 36 months in all at
most. A minor of 16 or 17 needs the parental consent and a named legal
representative before it runs; nobody under 16 signs, and nobody signs
without a known birthdate. L127-1: the beneficiary is not a full-time
employee elsewhere.
The functions answer with a problem code (None when all is well): the model
turns the code into a French message for the person at the screen.
"""
import datetime

from dateutil.relativedelta import relativedelta

from odoo.addons.kpa_cooperative.services.people import MINIMUM_AGE, age_on

MAX_TERM_MONTHS = 12
MAX_RENEWALS = 2
MAJORITY_AGE = 18
REMINDER_DAYS = (60, 30)
MAX_TOTAL_MONTHS = 36
# The legal working week (Code du travail L3121-27): from there, the other
# job is a full-time one.
FULL_TIME_HOURS = 35.0

END_BEFORE_START = "end_before_start"
TERM_TOO_LONG = "term_too_long"
NO_END = "no_end"
TOO_MANY_RENEWALS = "too_many_renewals"
TOO_YOUNG = "too_young"
CONSENT_MISSING = "consent_missing"
NO_BIRTHDATE = "no_birthdate"
GUARDIAN_MISSING = "guardian_missing"
FULL_TIME_ELSEWHERE = "full_time_elsewhere"
OTHER_JOB_HOURS_MISSING = "other_job_hours_missing"
TOO_MANY_MONTHS = "too_many_months"


def default_end(start, months=MAX_TERM_MONTHS):
    """The last day of a term of ``months`` starting on ``start``:
    12 months minus one day (1 March 2026 -> 28 February 2027)."""
    return start + relativedelta(months=months) - datetime.timedelta(days=1)


def term_problem(start, end):
    """Why ``start``..``end`` (both included) is not a valid CAPE term."""
    if not end:
        return NO_END
    if end < start:
        return END_BEFORE_START
    if end > default_end(start):
        return TERM_TOO_LONG
    return None


def overlaps(start_a, end_a, start_b, end_b):
    """True when two periods (days included, None = open end) share a day."""
    far = datetime.date.max
    return start_a <= (end_b or far) and start_b <= (end_a or far)


def renewal_problem(renewal_count):
    """A CAPE is renewed at most twice."""
    if renewal_count >= MAX_RENEWALS:
        return TOO_MANY_RENEWALS
    return None


def renewal_term(previous_end, months=MAX_TERM_MONTHS):
    """The next term: from the day after the current end, ``months`` long."""
    start = previous_end + datetime.timedelta(days=1)
    return start, default_end(start, months)


def age_problem(birthdate, on_date, parental_consent):
    """Under 16: refused. 16 or 17: the parental consent is needed before the
    CAPE runs. An unknown birthdate is no refusal (filled in later)."""
    age = age_on(birthdate, on_date)
    if age is None:
        return None
    if age < MINIMUM_AGE:
        return TOO_YOUNG
    if age < MAJORITY_AGE and not parental_consent:
        return CONSENT_MISSING
    return None


def is_minor(birthdate, on_date):
    age = age_on(birthdate, on_date)
    return age is not None and age < MAJORITY_AGE


def months_between(start, end):
    """Months from ``start`` to ``end`` (both included), one decimal:
    a full CAPE of 12 months minus one day counts 12.0."""
    if not start or not end or end < start:
        return 0.0
    delta = relativedelta(end + datetime.timedelta(days=1), start)
    return round(delta.years * 12 + delta.months + delta.days / 30.0, 1)


def reminder_due(days_left, last_reminder):
    """The reminder to send now (60 or 30 days before the end) or None.

    ``last_reminder`` is the threshold already sent for this term (0: none),
    so a cron that runs twice a day never sends the same reminder twice, and
    a cron that was down for a month sends only the closest one.
    """
    if days_left is None or days_left < 0:
        return None
    due = [days for days in REMINDER_DAYS if days_left <= days]
    if not due:
        return None
    threshold = min(due)
    if last_reminder and last_reminder <= threshold:
        return None
    return threshold


def guardian_problem(birthdate, on_date, guardian_name, guardian_quality):
    """A minor signs with a named legal representative (name and quality)."""
    if is_minor(birthdate, on_date) and not (
            (guardian_name or "").strip()
            and (guardian_quality or "").strip()):
        return GUARDIAN_MISSING
    return None


def other_job_problem(other_job, hours):
    """L127-1: the beneficiary is not a full-time employee elsewhere; when
    they have another job, its hours per week say so."""
    if not other_job:
        return None
    if not hours or hours <= 0:
        return OTHER_JOB_HOURS_MISSING
    if hours >= FULL_TIME_HOURS:
        return FULL_TIME_ELSEWHERE
    return None


def months_left(months_used, months_asked, limit=MAX_TOTAL_MONTHS):
    """The months left under the 36-month cap after ``months_used`` (the
    person's other CAPEs with the CAE) and ``months_asked`` (this one, all
    its terms): negative when over the cap."""
    return round(limit - months_used - months_asked, 1)


def total_months_problem(months_used, months_asked,
                         limit=MAX_TOTAL_MONTHS):
    """Successive CAPEs of one person with the same CAE: 36 months in all."""
    if months_left(months_used, months_asked, limit) < 0:
        return TOO_MANY_MONTHS
    return None


def signature_problem(birthdate, on_date, parental_consent, guardian_name,
                      guardian_quality, other_job, other_job_hours,
                      months_used, months_asked):
    """The first reason a CAPE cannot be signed, or None: the birthdate,
    the age, the minor's legal representative, a full-time job elsewhere,
    the 36 months in all."""
    if not birthdate:
        return NO_BIRTHDATE
    return (age_problem(birthdate, on_date, parental_consent)
            or guardian_problem(birthdate, on_date, guardian_name,
                                guardian_quality)
            or other_job_problem(other_job, other_job_hours)
            or total_months_problem(months_used, months_asked))
