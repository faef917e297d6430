"""Two real transactions racing for the same money: only one passes.

The data is committed (each thread opens its own cursor on the registry,
as two HTTP requests would) and removed at the end. Who may be paid and
how much the pot holds are fixed with patches: those rules have their own
tests in kpa_remuneration; here only the locking is on trial.
"""
import random
import threading
import time
import unittest
from unittest import mock

import psycopg2

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError

from odoo.addons.kpa_remuneration.services import pot

AVAILABLE = pot.cents(1000)  # each declaration below costs 650


def _registry():
    return odoo.registry(odoo.tests.common.get_db_name())


class TestRemunerationConcurrency(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = _registry()
        with api.Environment.manage(), cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {
                "tracking_disable": True, "mail_create_nosubscribe": True})
            kpa = env["kpa.cooperative"].create({
                "name": "KPA Course", "code": "R%03d" % random.randint(0, 999),
                "coordinator_ids": [(6, 0, [])]})
            partners = env["res.partner"].create({"name": "Coureur Un"}) \
                | env["res.partner"].create({"name": "Coureuse Deux"})
            period = env["kpa.remuneration.period"].create({
                "kpa_id": kpa.id, "date_start": "2026-03-16"})
            cls.kpa_id, cls.period_id = kpa.id, period.id
            cls.partner_ids = partners.ids
            cr.commit()

    @classmethod
    def tearDownClass(cls):
        with api.Environment.manage(), cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            remove_kpa(env, env["kpa.cooperative"].browse(cls.kpa_id))
            env["res.partner"].browse(cls.partner_ids).unlink()
            cr.commit()
        super().tearDownClass()

    def _patches(self):
        Period = self.registry["kpa.remuneration.period"]
        Declaration = self.registry["kpa.remuneration.declaration"]
        original = Period._pot_figures

        def fixed_pot(periods):
            figures = original(periods)
            for values in figures.values():
                values["available"] = AVAILABLE
            return figures

        def everyone_payable(_self, _kpa, partners, _start, _end):
            return {pid: (_self.env["hr.contract"], False)
                    for pid in partners.ids}

        return (mock.patch.object(Period, "_pot_figures", fixed_pot),
                mock.patch.object(Declaration, "_kpa_payability",
                                  everyone_payable))

    def _race(self, work):
        """Run ``work(env, index)`` in two transactions at once; each one
        holds its locks a moment before committing."""
        barrier = threading.Barrier(2)
        results = [None, None]

        def run(index):
            with api.Environment.manage(), self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {
                    "tracking_disable": True})
                # Both transactions take their snapshot before the race.
                env["kpa.remuneration.period"].browse(
                    self.period_id).read(["state"])
                barrier.wait()
                try:
                    work(env, index)
                    time.sleep(0.5)
                    cr.commit()
                    results[index] = "passed"
                except UserError:
                    cr.rollback()
                    results[index] = "refused"
                except psycopg2.extensions.TransactionRollbackError:
                    cr.rollback()
                    results[index] = "serialization"

        patches = self._patches()
        with patches[0], patches[1]:
            threads = [threading.Thread(target=run, args=(i,))
                       for i in (0, 1)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        return results

    def _declarations(self):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["kpa.remuneration.declaration"].search_read(
                [("period_id", "=", self.period_id)],
                ["state", "amount_cost"])

    def test_1_two_submissions_for_the_same_money(self):
        def submit(env, index):
            env["kpa.remuneration.declaration"].create({
                "period_id": self.period_id,
                "partner_id": self.partner_ids[index],
                "amount_net": 390, "state": "submitted"})

        results = self._race(submit)
        self.assertEqual(results.count("passed"), 1, results)
        declarations = self._declarations()
        self.assertEqual(len(declarations), 1)
        self.assertEqual(declarations[0]["amount_cost"], 650.0)
        # Odoo retries the loser: now it sees the money is gone.
        loser = results.index("passed") ^ 1
        patches = self._patches()
        with patches[0], patches[1], api.Environment.manage(), \
                self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            with self.assertRaises(UserError):
                submit(env, loser)
            cr.rollback()

    def test_2_two_validations_of_the_same_week(self):
        def validate(env, _index):
            env["kpa.remuneration.period"].browse(
                self.period_id).action_validate()

        results = self._race(validate)
        self.assertEqual(results.count("passed"), 1, results)
        self.assertIn(results[results.index("passed") ^ 1],
                      ("refused", "serialization"))


def remove_kpa(env, kpa):
    """Remove a KPA made for this test and all it left in the books."""
    cr = env.cr
    cr.execute("SELECT move_id FROM kpa_remuneration_period "
               "WHERE kpa_id = %s AND move_id IS NOT NULL", (kpa.id,))
    move_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
    cr.execute("DELETE FROM kpa_remuneration_declaration WHERE period_id IN "
               "(SELECT id FROM kpa_remuneration_period WHERE kpa_id = %s)",
               (kpa.id,))
    cr.execute("DELETE FROM kpa_remuneration_period WHERE kpa_id = %s",
               (kpa.id,))
    cr.execute("DELETE FROM account_analytic_line WHERE move_id IN "
               "(SELECT id FROM account_move_line WHERE move_id IN %s)",
               (move_ids,))
    cr.execute("DELETE FROM account_move_line WHERE move_id IN %s",
               (move_ids,))
    cr.execute("DELETE FROM account_move WHERE id IN %s", (move_ids,))
    env.cache.invalidate()
    project, journal = kpa.project_id, kpa.journal_id
    analytic = kpa.analytic_account_id
    kpa.unlink()
    project.unlink()
    analytic.exists().unlink()
    journal.unlink()
