# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The work of a week's validation does not grow with the group: at most
three more SQL queries per declaration (counted on the cursor, as Odoo's
own test_performance does), tracking on, with what the validation keeps
(chatter, audit trail, journal entry, one message to the members paid)."""
from .common import RemunerationCase

SIZES = (5, 20, 40)
PER_DECLARATION = 3
MONDAYS = ("2026-03-23", "2026-03-30", "2026-04-06", "2026-04-13")


class TestRemunerationPerformance(RemunerationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._cash_a()
        Partner = cls.env["res.partner"]
        Membership = cls.env["kpa.membership"]
        cls.crowd = Partner.browse()
        for index in range(max(SIZES)):
            partner = Partner.create({
                "name": "Membre %02d" % index,
                "kpa_birthdate": "1990-01-01"})
            Membership.create({
                "partner_id": partner.id, "kpa_id": cls.kpa_a.id,
                "state": "member", "date_join": "2026-01-05"})
            cls._cape(partner, cls.kpa_a, cls.coordinator_a)
            cls.crowd |= partner

    def _week_of(self, monday, count):
        week = self.Period._kpa_get_week(self.kpa_a, monday)
        for index, partner in enumerate(self.crowd[:count]):
            self.declare(partner, 3 + index % 7, period=week, hours=2,
                         state="submitted")
        return week

    def _validate(self, week):
        """Queries of the coordinator's validation, tracking on."""
        week = week.sudo(self.coordinator_a).with_context(
            tracking_disable=False)
        week.invalidate_cache()
        before = self.cr.sql_log_count
        week.action_validate()
        return self.cr.sql_log_count - before

    def test_validation_grows_by_three_queries_per_declaration(self):
        # The first validation fills the caches (accounts, audit fields).
        self._validate(self._week_of("2026-03-16", 2))
        counts = {}
        for monday, size in zip(MONDAYS[1:], SIZES):
            counts[size] = self._validate(self._week_of(monday, size))
        for small, big in ((5, 20), (20, 40)):
            self.assertLessEqual(
                counts[big] - counts[small],
                PER_DECLARATION * (big - small),
                "validation: %s queries for 5, 20, 40 declarations" % (
                    [counts[size] for size in SIZES]))

    def test_big_validation_keeps_what_a_validation_leaves(self):
        week = self._week_of("2026-03-23", 20)
        week.sudo(self.coordinator_a).with_context(
            tracking_disable=False).action_validate()
        declarations = week.declaration_ids
        self.assertEqual(set(declarations.mapped("state")), {"validated"})
        self.assertEqual(declarations.mapped("contract_id.kpa_partner_id"),
                         self.crowd[:20])
        # One entry: a net line per member paid.
        net = week.move_id.line_ids.filtered(
            lambda l: l.account_id.code[:3] == "421")
        self.assertEqual(net.mapped("partner_id"), self.crowd[:20])
        self.assertEqual(week.move_id.state, "posted")
        # Each member's line is theirs in full: amount, balance, what is
        # left to pay them (the net account is reconciled on payment).
        by_partner = {d.partner_id: d for d in declarations}
        for line in net:
            amount = by_partner[line.partner_id].amount_net
            self.assertEqual(line.credit, amount)
            self.assertEqual(line.balance, -amount)
            self.assertEqual(line.amount_residual, -amount)
            self.assertEqual(line.credit_cash_basis, amount)
            self.assertFalse(line.reconciled)
            self.assertEqual(line.date, week.date_end)
            self.assertEqual(line.journal_id, week.move_id.journal_id)
            self.assertIn(line.partner_id.name, line.name)
        lines = week.move_id.line_ids
        self.assertEqual(round(sum(lines.mapped("debit")), 2),
                         round(sum(lines.mapped("credit")), 2))
        self.assertEqual(round(week.move_id.amount, 2),
                         round(sum(lines.mapped("debit")), 2))
        # The week's chatter: its state tracked, one summary, one message
        # to the members paid.
        tracked = week.message_ids.mapped("tracking_value_ids").filtered(
            lambda t: t.field == "state")
        self.assertEqual(len(tracked), 1)
        told = week.message_ids.filtered("partner_ids")
        self.assertEqual(len(told), 1)
        self.assertEqual(told.partner_ids, self.crowd[:20])
        # Each declaration's chatter says it was validated.
        for declaration in declarations:
            values = declaration.message_ids.mapped("tracking_value_ids")
            self.assertEqual(len(values.filtered(
                lambda t: t.field == "state")), 1)
        # The audit trail has the state change of every declaration.
        logs = self.env["auditlog.log"].search([
            ("model_id.model", "=", "kpa.remuneration.declaration"),
            ("res_id", "in", declarations.ids), ("method", "=", "write")])
        lines = logs.mapped("line_ids").filtered(
            lambda l: l.field_id.name == "state"
            and l.new_value == "validated")
        self.assertEqual(len(lines.mapped("log_id.res_id")), 20)

    def _session(self, monday, count, run):
        """The coordinator's session of a week with ``count`` declarations
        (drafts), every row typed with an amount of its own, saved: the
        queries of the save and the declarations."""
        week = self._week_of(monday, 0)
        Declaration = self.Declaration.sudo(self.coordinator_a)
        declarations = Declaration.browse()
        for partner in self.crowd[:count]:
            declarations |= Declaration.create({
                "period_id": week.id, "partner_id": partner.id,
                "amount_net": 1})
        wizard = self.env["kpa.remuneration.wizard"].sudo(
            self.coordinator_a).with_context(tracking_disable=False).create(
            {"kpa_id": self.kpa_a.id, "date": monday})
        rows = wizard.line_ids.filtered("declaration_id")
        wizard.write({"line_ids": [
            [1, line.id, {"amount_net": 2 + index + run / 10.0,
                          "comment": "Rangé %d" % index}]
            for index, line in enumerate(rows)]})
        wizard.invalidate_cache()
        before = self.cr.sql_log_count
        wizard.action_save()
        return self.cr.sql_log_count - before, declarations

    def test_session_save_grows_by_three_queries_per_row(self):
        self._session("2026-03-16", 2, 0)  # caches
        small, _declarations = self._session("2026-03-23", 5, 1)
        big, declarations = self._session("2026-03-30", 40, 2)
        self.assertLessEqual(big - small, PER_DECLARATION * 35,
                             "save: %d queries for 5 rows, %d for 40" % (
                                 small, big))
        # What a write of each would leave: amounts, pay, chatter, audit.
        declarations = declarations.sudo()
        for index, declaration in enumerate(declarations.sorted(
                lambda d: d.partner_id.name)):
            net = 2 + index + 0.2
            self.assertEqual(declaration.amount_net, net)
            self.assertEqual(declaration.comment, "Rangé %d" % index)
            gross, _employer, cost = declaration.period_id._kpa_pay_from_net(
                net)
            self.assertEqual(declaration.amount_cost, float(cost))
            self.assertEqual(declaration.amount_gross, float(gross))
            tracked = declaration.message_ids.mapped(
                "tracking_value_ids").filtered(
                lambda t: t.field == "amount_net")
            self.assertEqual(tracked.mapped("new_value_monetary"), [net])
        logs = self.env["auditlog.log"].search([
            ("model_id.model", "=", "kpa.remuneration.declaration"),
            ("res_id", "in", declarations.ids), ("method", "=", "write")])
        self.assertEqual(len(logs.mapped("line_ids").filtered(
            lambda l: l.field_id.name == "amount_net").mapped(
            "log_id.res_id")), 40)
