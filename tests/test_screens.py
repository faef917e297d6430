"""Every KPA-Cité screen, as each back-office role opens it.

For every menu of the KPA-Cité app that Odoo shows to a user, each view of
its action loads and its first page reads as the web client would read it
(list and kanban: 80 records; form: the first record; pivot and graph: the
grouped figures), with no access error. The access matrix proves who may
touch a record; this proves that the screens built on top of it open for
the people they are meant for (an accountant's KPA kanban failed on the
members it counts before this test existed).
"""
import datetime
import time

from odoo.tools.safe_eval import safe_eval

from odoo.addons.kpa_cooperative.tests.common import KpaInvoiceCase


class TestEveryScreen(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls.env["res.users"].create({
            "name": "Comptable", "login": "screens_compta@example.org",
            "groups_id": [(6, 0, cls.env.ref(
                "account.group_account_manager").ids)]})
        invoice = cls._invoice(cls.task_a)
        invoice.action_invoice_open()
        cls._pay(invoice)
        cls._paid_bill(50.0)
        cls.env["kpa.remuneration.period"]._kpa_get_week(
            cls.kpa_a, "2026-03-16")

    def _actions(self, user):
        """The window actions behind the KPA-Cité menus the user sees."""
        root = self.env.ref("kpa_cooperative.kpa_root_menu")
        menus = self.env["ir.ui.menu"].sudo(user).search(
            [("id", "child_of", root.id)])
        return [menu.action for menu in menus.sudo()
                if menu.action and menu.action._name
                == "ir.actions.act_window"]

    def _domain(self, action, user):
        return safe_eval(action.domain or "[]", {
            "uid": user.id, "user": user, "time": time,
            "datetime": datetime,
            "context_today": datetime.date.today})

    def _open(self, action, user):
        Model = self.env[action.res_model].sudo(user)
        domain = self._domain(action, user)
        records = Model.search(domain, limit=80)
        for mode in action.view_mode.split(","):
            view = Model.fields_view_get(view_type=mode)
            fields = list(view["fields"])
            if mode in ("pivot", "graph"):
                measures = [name for name in fields
                            if Model._fields[name].type in (
                                "integer", "float", "monetary")]
                Model.read_group(domain, measures, [], lazy=False)
            elif mode == "form":
                records[:1].read(fields)
            else:
                records.read(fields)
            # Nothing may linger from one user's reads into the next.
            self.env.clear()

    def test_every_menu_opens_for_every_back_office_role(self):
        users = {"manager": self.manager, "accountant": self.accountant,
                 "coordinator of A": self.coordinator_a,
                 "coordinator of B": self.coordinator_b}
        failures = []
        opened = 0
        for role, user in users.items():
            actions = self._actions(user)
            self.assertTrue(actions, role)
            for action in actions:
                try:
                    self._open(action, user)
                    opened += 1
                except Exception as error:  # pylint: disable=broad-except
                    failures.append("%s, %s (%s): %s" % (
                        role, action.name, action.res_model, error))
        self.assertFalse(failures, "\n".join(failures))
        self.assertGreater(opened, 30)
