# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Validating a week: the checks, the journal entry, the undo."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.kpa_cooperative.services.trust import trusted

from .common import RemunerationCase


class TestRemunerationValidation(RemunerationCase):

    def _two_declarations(self):
        self._cash_a()
        first = self.declare(self.partner_a, 390, comment="Trois buffets")
        second = self.declare(self.partner_a2, 100)
        return first | second

    def test_validate_posts_one_balanced_entry(self):
        declarations = self._two_declarations()
        self.week_a.sudo(self.coordinator_a).action_validate()
        self.assertEqual(self.week_a.state, "validated")
        self.assertEqual(set(declarations.mapped("state")), {"validated"})
        move = self.week_a.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id,
                         self.company.kpa_remuneration_journal_id)
        self.assertEqual(move.date, "2026-03-22")
        lines = move.line_ids

        def total(prefix, side):
            return round(sum(lines.filtered(
                lambda l: l.account_id.code.startswith(prefix))
                .mapped(side)), 2)

        # gross 500 + 128.21, employer 150 + 38.46, net 390 + 100
        self.assertEqual(total("641", "debit"), 628.21)
        self.assertEqual(total("645", "debit"), 188.46)
        self.assertEqual(total("421", "credit"), 490.0)
        self.assertEqual(total("431", "credit"), 326.67)
        self.assertEqual(round(sum(lines.mapped("debit")), 2),
                         round(sum(lines.mapped("credit")), 2))
        net_lines = lines.filtered(lambda l: l.account_id.code[:3] == "421")
        self.assertEqual(net_lines.mapped("partner_id"),
                         self.partner_a | self.partner_a2)
        expense_lines = lines.filtered(
            lambda l: l.account_id.code[:3] in ("641", "645"))
        self.assertEqual(expense_lines.mapped("analytic_account_id"),
                         self.kpa_a.analytic_account_id)

    def test_refused_when_cost_exceeds_available(self):
        self._cash_a()
        self.declare(self.partner_a, 390)
        self.declare(self.partner_a2, 390)
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            self.week_a.action_validate()
        self.assertIn("1\u202f300,00", caught.exception.name)
        self.assertIn("850,00", caught.exception.name)
        self.assertEqual(self.week_a.state, "open")
        self.assertFalse(self.week_a.move_id)

    def test_refused_when_a_declarant_has_no_running_cape(self):
        self._two_declarations()
        trusted(self.cape_a2.sudo()).write(
            {"date_end": "2026-03-10"})
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            self.week_a.action_validate()
        self.assertIn("Membre Alpha Deux", caught.exception.name)
        self.assertEqual(self.week_a.state, "open")

    def test_refused_declarations_are_left_out(self):
        self._cash_a()
        self.declare(self.partner_a, 390)
        other = self.declare(self.partner_a2, 390)
        other.sudo(self.coordinator_a).action_refuse()
        self.week_a.action_validate()
        self.assertEqual(other.state, "refused")
        self.assertEqual(round(sum(self.week_a.move_id.mapped(
            "line_ids.debit")), 2), 650.0)

    def test_validated_week_never_changes(self):
        declarations = self._two_declarations()
        self.week_a.action_validate()
        with self.assertRaises(UserError), self.cr.savepoint():
            declarations[0].write({"amount_net": 1})
        with self.assertRaises(UserError), self.cr.savepoint():
            declarations.unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.week_a.write({"date_start": "2026-03-23"})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.week_a.unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.declare(self.partner_no_cape, 0)
        with self.assertRaises(UserError), self.cr.savepoint():
            self.week_a.action_validate()

    def test_weeks_are_validated_in_order(self):
        self._cash_a(date="2026-03-02")
        later = self.Period._kpa_get_week(self.kpa_a, "2026-03-25")
        later.action_validate()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.week_a.action_validate()

    def test_undo_is_for_the_cae_and_reverses_the_entry(self):
        declarations = self._two_declarations()
        self.week_a.action_validate()
        move = self.week_a.move_id
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.week_a.sudo(self.coordinator_a).action_undo_validation()
        Move = self.env["account.move"]
        before = Move.search([("journal_id", "=", move.journal_id.id)])
        self.week_a.sudo(self.manager).action_undo_validation()
        self.assertEqual(self.week_a.state, "open")
        self.assertFalse(self.week_a.move_id)
        self.assertEqual(set(declarations.mapped("state")), {"submitted"})
        reversal = Move.search([
            ("journal_id", "=", move.journal_id.id)]) - before
        self.assertEqual(len(reversal), 1)
        self.assertEqual(move.state, "posted")
        self.assertEqual(round(sum(reversal.mapped("line_ids.debit")), 2),
                         round(sum(move.mapped("line_ids.debit")), 2))
        self.assertIn("Validation", self.week_a.message_ids[0].body)
        # And it can be validated again.
        self.week_a.action_validate()
        self.assertEqual(self.week_a.state, "validated")

    def test_week_without_money_or_declarations(self):
        self.week_b.action_validate()
        self.assertEqual(self.week_b.state, "validated")
        self.assertFalse(self.week_b.move_id)

    def test_state_changes_by_buttons_only(self):
        with self.assertRaises(UserError), self.cr.savepoint():
            self.week_a.write({"state": "validated"})

    def test_accounts_are_found_in_the_chart(self):
        accounts = self.company._kpa_remuneration_accounts()
        self.assertEqual(accounts["kpa_gross_account_id"].code[:3], "641")
        self.assertEqual(accounts["kpa_employer_account_id"].code[:3], "645")
        self.assertEqual(accounts["kpa_net_account_id"].code[:3], "421")
        self.assertEqual(accounts["kpa_contribution_account_id"].code[:3],
                         "431")

    def test_validation_tells_the_members_paid_with_a_button_to_their_page(
            self):
        declarations = self._two_declarations()
        self.week_a.sudo(self.coordinator_a).action_validate()
        message = self.week_a.message_ids.filtered("partner_ids")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, declarations.mapped(
            "partner_id"))
        self.assertNotIn("390", message.body)  # amounts stay on the page
        self.assertEqual(set(self.env["mail.mail"].search([
            ("mail_message_id", "=", message.id)]).mapped("state")),
            {"outgoing"})
        action = self.week_a.get_access_action(self.member_user_a.id)
        self.assertEqual(action["url"], "/my/declarations?kpa=%d&week=%s" % (
            self.kpa_a.id, self.week_a.date_start))
        self.assertNotEqual(self.week_a.get_access_action(
            self.coordinator_a.id).get("type"), "ir.actions.act_url")

    def test_validated_week_keeps_the_pot_it_was_decided_with(self):
        self._two_declarations()
        self.week_a.action_validate()
        available = self.week_a.amount_available
        cashed = self.week_a.amount_cashed
        # A late payment recorded afterwards, dated in that week.
        self._cash_a(date="2026-03-21")
        self.week_a.invalidate_cache()
        self.assertEqual(self.week_a.amount_available, available)
        self.assertEqual(self.week_a.amount_cashed, cashed)
        self.assertEqual(self.week_a.frozen_available, available)
        # The undo gives the live figures back.
        self.week_a.sudo(self.manager).action_undo_validation()
        self.week_a.invalidate_cache()
        self.assertGreater(self.week_a.amount_cashed, cashed)

    def test_pay_entry_is_undone_with_its_week_only(self):
        self._two_declarations()
        self.week_a.action_validate()
        move = self.week_a.move_id
        for undo in (lambda m: m.reverse_moves(),
                     lambda m: m.button_cancel(),
                     lambda m: m.unlink()):
            with self.assertRaises(UserError), self.cr.savepoint():
                undo(move)
        self.assertEqual(move.state, "posted")
        self.assertEqual(self.week_a.state, "validated")

    def test_guards_ignore_the_old_context_keys(self):
        declarations = self._two_declarations()
        Declaration = self.Declaration.sudo(self.member_user_a).with_context(
            kpa_remuneration_internal=True, kpa_trusted=True)
        with self.assertRaises(UserError), self.cr.savepoint():
            Declaration.create({
                "period_id": self.week_a.id, "partner_id": self.partner_a.id,
                "amount_net": 99999, "state": "validated"})
        with self.assertRaises(UserError), self.cr.savepoint():
            declarations[0].sudo(self.member_user_a).with_context(
                kpa_remuneration_internal=True).write({"state": "validated"})
        self.week_a.action_validate()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.week_a.sudo(self.coordinator_a).with_context(
                kpa_remuneration_internal=True).write({"state": "open"})
        self.assertEqual(self.week_a.state, "validated")
