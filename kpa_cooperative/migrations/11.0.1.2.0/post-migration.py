# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""11.0.1.2.0: the CAE contribution and the KPA reserve are booked at each
client payment (models/kpa_contribution.py).

An upgraded database gets the journal, accounts and analytic accounts, and
one catch-up entry per KPA with cashed revenue, dated its last payment, so
that its books say what its pot says from then on.
"""
from odoo import SUPERUSER_ID, api


def book_the_history(env):
    """One entry per KPA: the pot's contribution and reserve of everything
    cashed so far (minus what is already booked: run twice, books
    nothing)."""
    env.cr.execute("""
        SELECT kpa_id, MAX(date) FROM kpa_cashed_report
         WHERE kind = 'revenue' GROUP BY kpa_id ORDER BY kpa_id""")
    booking = env["kpa.contribution"]
    moves = env["account.move"]
    for kpa_id, last in env.cr.fetchall():
        kpa = env["kpa.cooperative"].browse(kpa_id)
        books = booking._kpa_books_env()
        moves |= books._kpa_book(kpa, last, label=books._kpa_history_ref(
            kpa, last))
    return moves


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._kpa_setup_contribution()
    book_the_history(env)
