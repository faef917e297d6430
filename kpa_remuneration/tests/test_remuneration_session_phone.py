# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The weekly session on a phone (issue 13, point 9) and the back office
without raw values (point 10), as the server serves them: the views and
names the web client draws (tests/browser/test_phone_backoffice.py drives
the browser)."""
from lxml import etree

from .common import RemunerationCase


class TestRemunerationSessionPhone(RemunerationCase):

    def _wizard(self):
        return self.env["kpa.remuneration.wizard"].sudo(
            self.coordinator_a).create({"kpa_id": self.kpa_a.id,
                                        "date": "2026-03-18"})

    def test_rows_are_named_by_their_member(self):
        """Odoo names a row by its ``_rec_name``, the row's number when
        there is none: a card and its dialog showed "64"."""
        wizard = self._wizard()
        for line in wizard.line_ids:
            self.assertEqual(line.display_name, line.partner_id.name)
        # Nobody is referent of a prestation that week: nothing to show
        # (not an empty text, which the form shows as a label alone).
        self.assertEqual({line.prestations for line in wizard.line_ids},
                         {False})

    def test_members_are_cards_on_a_phone(self):
        """The rows are a list on a computer and cards below 768 px
        ("tree,kanban"); a card shows the member, net, cost and state, and
        opens a form where net and hours are typed."""
        arch = etree.fromstring(self.env["kpa.remuneration.wizard"].sudo(
            self.coordinator_a).fields_view_get(view_type="form")["arch"])
        lines = arch.xpath("//field[@name='line_ids']")[0]
        self.assertEqual(lines.get("mode"), "tree,kanban")
        fields = self.env["kpa.remuneration.wizard"].sudo(
            self.coordinator_a).fields_view_get(
                view_type="form")["fields"]["line_ids"]["views"]
        self.assertEqual({"tree", "kanban", "form"}, set(fields))
        kanban = etree.fromstring(fields["kanban"]["arch"])
        shown = set(kanban.xpath("//templates//field/@name"))
        self.assertLessEqual({"partner_id", "amount_net", "amount_cost",
                              "state"}, shown)
        self.assertEqual(kanban.get("create"), "false")
        form = etree.fromstring(fields["form"]["arch"])
        self.assertLessEqual({"amount_net", "hours"},
                             set(form.xpath("//field/@name")))

    def test_session_opens_ready_to_type_and_reloads_in_place(self):
        """Opened in edit mode without the web client's own Save (it would
        keep the rows, not make the declarations); its buttons reload the
        form instead of adding a step to the breadcrumbs."""
        self._cash_a()
        wizard = self._wizard()
        action = wizard._kpa_action()
        self.assertEqual(action["context"],
                         {"form_view_initial_mode": "edit"})
        self.assertFalse(action["flags"]["default_buttons"])
        self.assertIs(wizard.action_load(), True)
        line = wizard.line_ids.filtered(
            lambda l: l.partner_id == self.partner_a)
        line.write({"amount_net": 39, "hours": 4})
        self.assertIs(wizard.action_save(), True)
        declaration = self.Declaration.search([
            ("period_id", "=", self.week_a.id),
            ("partner_id", "=", self.partner_a.id)])
        self.assertEqual(declaration.amount_net, 39.0)
        self.assertEqual(declaration.hours, 4.0)

    def test_the_accountant_sees_no_session_nor_validation(self):
        """The accountant reads the weeks and the declarations: their
        buttons are the coordinators' (a button she may not use is not
        shown); the coordinator keeps them."""
        accountant = self.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Comptable", "login": "comptable@example.org",
                "groups_id": [(6, 0, [
                    self.env.ref("account.group_account_manager").id])]})
        buttons = {
            "kpa.remuneration.period": ["action_open_wizard",
                                        "action_validate"],
            "kpa.remuneration.declaration": ["action_submit",
                                             "action_refuse",
                                             "action_draft"],
        }
        for model, names in buttons.items():
            for user, hidden in ((accountant, True),
                                 (self.coordinator_a, False)):
                arch = etree.fromstring(self.env[model].sudo(
                    user).fields_view_get(view_type="form")["arch"])
                for name in names:
                    button = arch.xpath("//header/button[@name='%s']"
                                        % name)[0]
                    self.assertEqual(
                        '"invisible": true' in button.get("modifiers", ""),
                        hidden, (model, name, user.login))
