# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.kpa_remuneration.tests.common import RemunerationCase

IBAN_A = "FR7630006000011234567890189"
IBAN_CAE = "FR7630004000031234567890143"


class PayoutCase(RemunerationCase):
    """RemunerationCase with the CAE's IBAN on its bank journal, an
    accountant, and an IBAN for member A (not for A2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.accountant = Users.create({
            "name": "Comptable", "login": "comptable@example.org",
            "groups_id": [(6, 0, [
                cls.env.ref("account.group_account_manager").id])]})
        bank = cls.env["res.bank"].create({"name": "Banque Test",
                                           "bic": "CCOPFRPPXXX"})
        cls.cae_account = cls.env["res.partner.bank"].create({
            "partner_id": cls.company.partner_id.id,
            "company_id": cls.company.id, "acc_number": IBAN_CAE,
            "bank_id": bank.id})
        cls.bank.bank_account_id = cls.cae_account
        cls.env["res.company"]._kpa_setup_payout()
        cls.account_a = cls.env["res.partner.bank"].create({
            "partner_id": cls.partner_a.id, "acc_number": IBAN_A,
            "acc_holder_name": "Titulaire Alpha"})
        cls.partner_a.kpa_bank_id = cls.account_a
