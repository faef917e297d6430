# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A member's IBAN, from the side of those refused: co-members and
coordinators get its last four digits at most."""
from odoo.exceptions import AccessError, ValidationError

from .common import IBAN_A, PayoutCase


class TestBankAccess(PayoutCase):

    def test_coordinator_never_reads_the_number(self):
        Bank = self.env["res.partner.bank"].sudo(self.coordinator_a)
        self.assertFalse(Bank.search([("partner_id", "=",
                                       self.partner_a.id)]))
        self.assertFalse(Bank.search([("acc_number", "=", IBAN_A)]))
        with self.assertRaises(AccessError):
            Bank.browse(self.account_a.id).read(["acc_number"])
        with self.assertRaises(AccessError):
            Bank.browse(self.account_a.id).read(["sanitized_acc_number"])
        # Through the member: the accounts are filtered out, the pay-out
        # account is not readable at all.
        partner = self.partner_a.sudo(self.coordinator_a)
        self.assertFalse(partner.bank_ids)
        with self.assertRaises(AccessError):
            partner.read(["kpa_bank_id"])

    def test_display_name_shows_the_last_four_digits_only(self):
        for user in (self.coordinator_a, self.accountant, self.manager):
            name = self.account_a.sudo(user).sudo().name_get()[0][1]
            self.assertNotIn(IBAN_A[:-4], name.replace(" ", ""))
            self.assertIn("\u20260189", name)

    def test_co_member_reads_only_their_own(self):
        Bank = self.env["res.partner.bank"].sudo(self.member_user_a2)
        self.assertFalse(Bank.search([]))
        with self.assertRaises(AccessError):
            Bank.browse(self.account_a.id).read(["acc_number"])
        # Refused (the IBAN check reads the new record back, as the user).
        with self.assertRaises((AccessError, ValidationError)), \
                self.cr.savepoint():
            Bank.create({"partner_id": self.partner_a.id,
                         "acc_number": "FR7630006000011234567890189"})
        own = self.env["res.partner.bank"].sudo(self.member_user_a).search(
            [])
        self.assertEqual(own, self.account_a)
        with self.assertRaises(AccessError):
            own.sudo(self.member_user_a).unlink()
        with self.assertRaises(AccessError):
            own.sudo(self.member_user_a).write({"acc_holder_name": "X"})

    def test_cae_manager_and_accountant_read_it_in_full(self):
        for user in (self.manager, self.accountant):
            bank = self.account_a.sudo(user)
            self.assertEqual(bank.read(["acc_number"])[0]["acc_number"],
                             IBAN_A)
            self.assertEqual(self.partner_a.sudo(user).kpa_bank_id, bank)

    def test_changes_are_audited(self):
        rule = self.env.ref("kpa_payout.auditlog_rule_res_partner_bank")
        self.assertEqual(rule.state, "subscribed")
        self.account_a.acc_holder_name = "Alpha Un"
        logs = self.env["auditlog.log"].search([
            ("model_id.model", "=", "res.partner.bank"),
            ("res_id", "=", self.account_a.id)])
        self.assertEqual(set(logs.mapped("method")), {"create", "write"})
