# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""kpa.private.mixin: a person's private data, the KPA's settings and the
books, tested through the ORM as each role (the RPC side is in
tests/browser/test_rpc_attacks_privacy.py)."""
from odoo.exceptions import AccessError

from .common import KpaCase, KpaInvoiceCase

HOSTILE = {"active_test": False, "kpa_trusted": True}


class TestPrivateData(KpaCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Comptable", "login": "private_compta@example.org",
                "groups_id": [(6, 0, [cls.env.ref(
                    "account.group_account_manager").id])]})
        cls.partner_a.write({
            "kpa_qpv_resident": True, "mobile": "+33 6 12 34 56 78",
            "comment": "Cherche un logement."})
        cls.membership_a.note = "Arrivée par le centre social."
        cls.co_member, cls.co_member_user = cls._portal_member(
            "Co-membre Alpha", cls.kpa_a, "comembre_a@example.org",
            kpa_birthdate="1992-07-07")
        cls.client_company = cls.env["res.partner"].create({
            "name": "Mairie cliente", "is_company": True,
            "email": "mairie@example.org", "phone": "+33 3 20 00 00 00"})

    def _as(self, records, user):
        return records.sudo(user).with_context(**HOSTILE)

    def test_who_may_see_a_person(self):
        """The one definition, per kind: the person, their KPA's
        coordinators, the CAE; the accountant reads the contact only."""
        expected = {
            "social": {self.manager, self.coordinator_a, self.member_user_a},
            "note": {self.manager, self.coordinator_a, self.member_user_a},
            "contact": {self.manager, self.coordinator_a, self.member_user_a,
                        self.accountant},
        }
        users = [self.manager, self.accountant, self.coordinator_a,
                 self.coordinator_b, self.member_user_a, self.member_user_b,
                 self.co_member_user]
        for kind, allowed in expected.items():
            for user in users:
                sees = bool(self.partner_a.sudo(user)._kpa_private_allowed(
                    kind))
                self.assertEqual(sees, user in allowed, (kind, user.name))
        # Writing: never the accountant.
        self.assertFalse(self.partner_a.sudo(
            self.accountant)._kpa_private_allowed("contact", "write"))
        self.assertTrue(self.partner_a.sudo(
            self.coordinator_a)._kpa_private_allowed("contact", "write"))

    def test_other_kpa_coordinator_reads_empty_private_fields(self):
        names = ["kpa_birthdate", "kpa_age", "kpa_qpv_resident", "email",
                 "mobile", "comment"]
        row = self._as(self.partner_a, self.coordinator_b).read(
            names + ["name"])[0]
        self.assertEqual(row["name"], "Membre Alpha")
        self.assertFalse(any(row[name] for name in names), row)
        row = self._as(self.partner_a, self.coordinator_a).read(names)[0]
        self.assertTrue(all(row[name] for name in names), row)
        # Server code reading as superuser keeps working.
        self.assertEqual(self.partner_a.sudo(self.coordinator_b).sudo()
                         .kpa_birthdate, "1990-05-01")
        # A client company keeps Odoo's normal behaviour.
        row = self._as(self.client_company, self.coordinator_b).read(
            ["email", "phone"])[0]
        self.assertEqual(row["email"], "mairie@example.org")

    def test_other_kpa_coordinator_cannot_write_private_fields(self):
        partner = self._as(self.partner_a, self.coordinator_b)
        for values in ({"email": "pirate@example.org"},
                       {"kpa_birthdate": "1990-05-01"},
                       {"kpa_qpv_resident": False}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                partner.write(values)
        # Nor through the user behind the partner.
        with self.assertRaises(AccessError), self.cr.savepoint():
            self._as(self.member_user_a, self.coordinator_b).write(
                {"email": "pirate@example.org"})
        self._as(self.partner_a, self.coordinator_a).write(
            {"email": "nouveau@example.org"})
        self.assertEqual(self.partner_a.email, "nouveau@example.org")
        self._as(self.client_company, self.coordinator_b).write(
            {"email": "accueil@example.org"})

    def test_search_and_group_ignore_what_one_may_not_read(self):
        Partner = self.env["res.partner"].sudo(self.coordinator_b)
        domain = [("id", "=", self.partner_a.id)]
        for leaf in (("kpa_birthdate", "=", "1990-05-01"),
                     ("kpa_birthdate", "!=", "1990-05-01"),
                     ("kpa_qpv_resident", "=", True),
                     ("email", "ilike", "membre_a"),
                     ("kpa_membership_ids.qpv_resident", "=", True),
                     ("user_ids.login", "=", "membre_a@example.org")):
            self.assertFalse(Partner.search(domain + [leaf]), leaf)
        self.assertFalse(Partner.name_search("membre_a@example.org"))
        self.assertIn(self.partner_a.id, [
            row[0] for row in Partner.name_search("Membre Alpha")])
        groups = Partner.read_group(domain, ["kpa_qpv_resident"],
                                    ["kpa_qpv_resident"])
        self.assertFalse(sum(g["kpa_qpv_resident_count"] for g in groups))
        mine = self.env["res.partner"].sudo(self.coordinator_a)
        self.assertEqual(mine.search(domain + [
            ("kpa_birthdate", "=", "1990-05-01")]), self.partner_a)

    def test_export_copy_and_show_email_carry_nothing_out(self):
        partner = self._as(self.partner_a, self.coordinator_b)
        with self.assertRaises(AccessError):
            partner.export_data(["name", "kpa_birthdate"])
        copy = partner.copy({"name": "Copie"})
        self.assertFalse(copy.sudo().email or copy.sudo().kpa_birthdate)
        name = partner.with_context(show_email=True).name_get()[0][1]
        self.assertNotIn("membre_a@example.org", name)
        self.assertIn("membre_a@example.org", self._as(
            self.partner_a, self.coordinator_a).with_context(
                show_email=True).name_get()[0][1])

    def test_co_member_reads_no_private_membership_field(self):
        names = ["note", "email", "phone", "age_band", "qpv_resident"]
        row = self._as(self.membership_a, self.co_member_user).read(
            names)[0]
        self.assertFalse(any(row[name] for name in names), row)
        own = self._as(self.membership_a, self.member_user_a).read(names)[0]
        self.assertEqual(own["note"], "Arrivée par le centre social.")
        self.assertTrue(own["qpv_resident"] and own["age_band"])
        Membership = self.env["kpa.membership"].sudo(self.co_member_user)
        self.assertFalse(Membership.search([("qpv_resident", "=", True)]))
        self.assertEqual(Membership.search([("age_band", "!=", False)]),
                         self.co_member.kpa_membership_ids)
        # The accountant reads the membership, not the note nor the QPV.
        row = self._as(self.membership_a, self.accountant).read(names)[0]
        self.assertFalse(row["note"] or row["qpv_resident"])
        self.assertTrue(row["email"])

    def test_onchange_sends_back_no_other_kpa_data(self):
        Membership = self.env["kpa.membership"].sudo(self.coordinator_b)
        spec = {"partner_id": "1", "kpa_id": "", "email": "",
                "qpv_resident": ""}
        # As the web client sends it: every field, the related ones empty.
        values = {"partner_id": self.partner_a.id, "kpa_id": self.kpa_b.id,
                  "email": False, "qpv_resident": False}
        answer = Membership.onchange(values, "partner_id", spec)
        self.assertFalse(answer["value"].get("email"))
        self.assertFalse(answer["value"].get("qpv_resident"))
        answer = self.env["kpa.membership"].sudo(self.coordinator_a) \
            .onchange(dict(values, kpa_id=self.kpa_a.id), "partner_id", spec)
        self.assertEqual(answer["value"].get("email"),
                         "membre_a@example.org")


class TestKpaSettings(KpaCase):

    def test_only_the_cae_changes_a_kpa_settings(self):
        kpa = self.kpa_a.sudo(self.coordinator_a).with_context(**HOSTILE)
        for values in ({"contribution_rate": 0.0}, {"reserve_rate": 0.0},
                       {"coordinator_ids": [(4, self.coordinator_b.id)]},
                       {"active": False},
                       {"carrier_partner_id": self.partner_a.id}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                kpa.write(values)
        # What a form sends back unchanged, and the day-to-day fields.
        kpa.write({"name": "KPA Alpha bis", "note": "<p>Ouvert</p>",
                   "contribution_rate": self.kpa_a.contribution_rate})
        self.kpa_a.sudo(self.manager).write({"contribution_rate": 0.12})
        self.assertEqual(self.kpa_a.contribution_rate, 0.12)

    def test_a_coordinator_creates_a_kpa_with_the_cae_settings(self):
        Kpa = self.env["kpa.cooperative"].sudo(self.coordinator_a)
        with self.assertRaises(AccessError), self.cr.savepoint():
            Kpa.create({"name": "Gratuite", "code": "ZGRA",
                        "contribution_rate": 0.0})
        with self.assertRaises(AccessError), self.cr.savepoint():
            Kpa.create({"name": "Prise", "code": "ZPRI",
                        "coordinator_ids": [(6, 0, self.coordinator_b.ids)]})
        kpa = Kpa.create({"name": "Nouvelle", "code": "ZNOU",
                          "coordinator_ids": [(6, 0,
                                               self.coordinator_a.ids)]})
        self.assertEqual(kpa.contribution_rate, 0.10)

    def test_coordinators_cannot_change_company_settings(self):
        with self.assertRaises(AccessError):
            self.company.sudo(self.coordinator_a).write(
                {"kpa_late_penalty": "aucune"})


class TestBooks(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice_a = cls._invoice(cls.task_a)
        cls.invoice_a.action_invoice_open()
        cls.payment_a = cls._pay(cls.invoice_a)
        cls.moves_a = cls.invoice_a.move_id | cls.payment_a.move_line_ids \
            .mapped("move_id")

    def test_coordinator_sees_own_kpa_entries_only(self):
        Move = self.env["account.move"].sudo(self.coordinator_b)
        Line = self.env["account.move.line"].sudo(self.coordinator_b)
        self.assertFalse(Move.search([("id", "in", self.moves_a.ids)]))
        self.assertFalse(Line.search([("move_id", "in", self.moves_a.ids)]))
        self.assertFalse(self.env["account.payment"].sudo(
            self.coordinator_b).search([("id", "=", self.payment_a.id)]))
        with self.assertRaises(AccessError):
            self.invoice_a.move_id.sudo(self.coordinator_b).read(["name"])
        mine = self.env["account.move"].sudo(self.coordinator_a)
        self.assertEqual(mine.search([("id", "in", self.moves_a.ids)]),
                         self.moves_a)
        self.assertTrue(self.env["account.payment"].sudo(
            self.coordinator_a).search([("id", "=", self.payment_a.id)]))
        # The invoice's payment widget reads the payment lines as the user.
        self.assertIn("content", self.invoice_a.sudo(
            self.coordinator_a).payments_widget)

    def test_cae_and_accountant_see_all_entries(self):
        accountant = self.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Comptable", "login": "books_compta@example.org",
                "groups_id": [(6, 0, [
                    self.env.ref("account.group_account_manager").id])]})
        for user in (self.manager, accountant):
            self.assertEqual(self.env["account.move"].sudo(user).search(
                [("id", "in", self.moves_a.ids)]), self.moves_a)
