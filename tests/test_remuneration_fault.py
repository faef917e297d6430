"""A server process killed in the middle of validating a week leaves all of
it or none of it: the week, its declarations and the journal entry move
together, in one transaction.

The data is committed (the validating process is a real, separate Odoo
process) and removed at the end. As in test_remuneration_concurrency, who
may be paid and the pot are fixed with patches, in both processes.
"""
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

import odoo
from odoo import SUPERUSER_ID, api

# A module, not its class: pytest would collect the class here again.
import test_remuneration_concurrency as race_module

VALIDATE = textwrap.dedent("""
    import os, sys, time
    import odoo
    from odoo import SUPERUSER_ID, api
    from unittest import mock
    config, database, period_id, marker, pause = sys.argv[1:6]
    odoo.tools.config.parse_config(["-c", config, "-d", database,
                                    "--log-level", "critical"])
    registry = odoo.registry(database)
    Period = registry["kpa.remuneration.period"]
    Declaration = registry["kpa.remuneration.declaration"]
    Move = registry["account.move"]
    original_pot, original_post = Period._pot_figures, Move.post

    def fixed_pot(periods):
        figures = original_pot(periods)
        for values in figures.values():
            values["available"] = 10 ** 9
        return figures

    def everyone_payable(self, _kpa, partners, _start, _end):
        return {pid: (self.env["hr.contract"], False) for pid in partners.ids}

    def slow_post(self, *args, **kwargs):
        result = original_post(self, *args, **kwargs)
        open(marker, "w").write("posted, not committed")
        time.sleep(float(pause))  # killed here
        return result

    with mock.patch.object(Period, "_pot_figures", fixed_pot), \\
            mock.patch.object(Declaration, "_kpa_payability",
                              everyone_payable), \\
            mock.patch.object(Move, "post", slow_post), \\
            api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        env["kpa.remuneration.period"].browse(int(period_id)).action_validate()
        cr.commit()
    print("validated")
""")


class TestValidationKilled(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        race = race_module.TestRemunerationConcurrency
        race.setUpClass()
        cls.race = race
        cls.registry = race.registry
        patches = race._patches(race)
        with patches[0], patches[1], api.Environment.manage(), \
                cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            for partner_id in race.partner_ids:
                env["kpa.remuneration.declaration"].create({
                    "period_id": race.period_id, "partner_id": partner_id,
                    "amount_net": 100, "state": "submitted"})
            cr.commit()

    @classmethod
    def tearDownClass(cls):
        cls.race.tearDownClass()
        super().tearDownClass()

    def _state(self):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            period = env["kpa.remuneration.period"].browse(
                self.race.period_id)
            return (period.state, bool(period.move_id),
                    sorted(period.declaration_ids.mapped("state")))

    def _validate(self, pause):
        marker = tempfile.mktemp(prefix="kpa-fault-")
        script = tempfile.NamedTemporaryFile(
            "w", suffix=".py", delete=False)
        script.write(VALIDATE)
        script.close()
        process = subprocess.Popen([
            sys.executable, script.name, odoo.tools.config.rcfile,
            odoo.tests.common.get_db_name(), str(self.race.period_id),
            marker, str(pause)], stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT)
        return process, marker, script.name

    def test_1_killed_while_posting_leaves_none_of_it(self):
        process, marker, script = self._validate(pause=120)
        try:
            deadline = time.time() + 120
            while not os.path.exists(marker):
                if process.poll() is not None:
                    self.fail(process.stdout.read().decode())
                if time.time() > deadline:
                    process.kill()
                    self.fail("the validation never reached the posting")
                time.sleep(0.2)
            os.kill(process.pid, signal.SIGKILL)
            process.wait(30)
        finally:
            os.unlink(script)
            if os.path.exists(marker):
                os.unlink(marker)
        self.assertEqual(self._state(), ("open", False,
                                         ["submitted", "submitted"]))

    def test_2_left_alone_it_does_all_of_it(self):
        process, marker, script = self._validate(pause=0)
        output = process.communicate(timeout=120)[0].decode()
        os.unlink(script)
        if os.path.exists(marker):
            os.unlink(marker)
        self.assertIn("validated", output)
        self.assertEqual(self._state(), ("validated", True,
                                         ["validated", "validated"]))
