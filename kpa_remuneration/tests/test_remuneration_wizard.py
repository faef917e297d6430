# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The weekly group session."""
from .common import MONDAY, RemunerationCase


class TestRemunerationWizard(RemunerationCase):

    def _wizard(self, user=None):
        Wizard = self.env["kpa.remuneration.wizard"]
        if user:
            Wizard = Wizard.sudo(user)
        return Wizard.create({"kpa_id": self.kpa_a.id, "date": "2026-03-18"})

    def test_rows_and_reasons(self):
        self._cash_a()
        self.task_a.kpa_date_planned = "2026-03-18"
        wizard = self._wizard(self.coordinator_a)
        self.assertEqual(wizard.period_id, self.week_a)
        self.assertEqual(wizard.amount_available, 850.0)
        self.assertEqual(len(wizard.criterion_ids), 5)
        rows = {line.partner_id: line for line in wizard.line_ids}
        self.assertEqual(set(rows), {self.partner_a, self.partner_a2,
                                     self.partner_no_cape})
        self.assertFalse(rows[self.partner_no_cape].can_be_paid)
        self.assertIn("CAPE", rows[self.partner_no_cape].reason)
        self.assertTrue(rows[self.partner_a].can_be_paid)
        self.assertIn("Buffet", rows[self.partner_a].prestations)

    def test_save_creates_and_updates_declarations(self):
        self._cash_a()
        wizard = self._wizard(self.coordinator_a)
        line = wizard.line_ids.filtered(
            lambda l: l.partner_id == self.partner_a)
        line.write({"amount_net": 390, "comment": "Buffet"})
        self.assertEqual(line.amount_cost, 650.0)
        self.assertEqual(wizard.amount_total_cost, 650.0)
        self.assertEqual(wizard.amount_left, 200.0)
        wizard.action_save()
        declaration = self.Declaration.search([
            ("period_id", "=", self.week_a.id),
            ("partner_id", "=", self.partner_a.id)])
        self.assertEqual(declaration.amount_cost, 650.0)
        line = wizard.line_ids.filtered(
            lambda l: l.partner_id == self.partner_a)
        line.amount_net = 300
        wizard.action_save()
        self.assertEqual(declaration.amount_net, 300.0)
        self.assertEqual(self.Declaration.search_count([
            ("period_id", "=", self.week_a.id)]), 1)
        wizard.action_validate()
        self.assertEqual(self.week_a.state, "validated")
        self.assertEqual(self.week_a.date_start, MONDAY)

    def test_over_budget_is_shown(self):
        wizard = self._wizard(self.coordinator_a)
        wizard.line_ids.filtered(
            lambda l: l.partner_id == self.partner_a).amount_net = 10
        self.assertTrue(wizard.over_budget)

    def test_opening_costs_the_same_queries_for_more_members(self):
        """The session opens in a number of queries that does not grow
        with the members of the KPA (its rows go in in one INSERT)."""
        from .test_remuneration_pot import _count_queries

        def open_session():
            self.env["kpa.remuneration.wizard"].create({
                "kpa_id": self.kpa_a.id, "date": "2026-03-18"})

        open_session()  # the week exists from now on
        few = _count_queries(self.env.cr, open_session)
        for index in range(12):
            partner = self.env["res.partner"].create({
                "name": "Membre en plus %d" % index})
            self.env["kpa.membership"].create({
                "partner_id": partner.id, "kpa_id": self.kpa_a.id,
                "state": "member", "date_join": "2026-01-05"})
        # New memberships drop the cached rules (they name the user's
        # KPAs): measure once they are read again.
        open_session()
        many = _count_queries(self.env.cr, open_session)
        self.assertLessEqual(many, few + 2, (few, many))
