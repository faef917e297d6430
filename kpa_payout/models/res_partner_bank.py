# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


def mask_number(number):
    """"…1234": the last four characters of an account number, the most a
    co-member or a coordinator may see of it."""
    number = "".join((number or "").split())
    return "\u2026" + number[-4:] if number else ""


class ResPartnerBank(models.Model):
    """A member's IBAN is read in full by the CAE manager and the
    accountant only (record rules, kpa_payout_security.xml); everyone else
    gets its last four digits, through ``kpa_acc_number_masked`` and the
    display name."""

    _inherit = "res.partner.bank"

    # Odoo 12 adds this field to base under this name.
    acc_holder_name = fields.Char(
        string="Account holder",
        help="The name the bank knows the account by, when it is not the "
             "partner's: the creditor's name in the SEPA file.")
    kpa_acc_number_masked = fields.Char(
        string="Account", compute="_compute_kpa_acc_number_masked",
        compute_sudo=True,
        help="The last four digits of the account number.")
    kpa_is_member_account = fields.Boolean(
        string="A member's account", compute="_compute_kpa_is_member_account",
        compute_sudo=True)

    @api.depends("acc_number")
    def _compute_kpa_acc_number_masked(self):
        for bank in self:
            bank.kpa_acc_number_masked = mask_number(
                bank.sanitized_acc_number or bank.acc_number)

    @api.depends("partner_id")
    def _compute_kpa_is_member_account(self):
        for bank in self:
            bank.kpa_is_member_account = bool(
                bank.partner_id.commercial_partner_id.kpa_membership_ids
                or bank.partner_id.kpa_membership_ids)

    @api.multi
    def name_get(self):
        """A member's account is named by its last four digits, whoever
        reads it: Odoo names the target of a many2one as superuser (a
        payment line, a journal item readable by a coordinator), so the
        name cannot depend on the reader."""
        result = dict(super().name_get())
        for bank in self.sudo():
            if bank.kpa_is_member_account:
                result[bank.id] = "%s (%s)" % (
                    bank.kpa_acc_number_masked, bank.partner_id.name)
        return [(bank.id, result[bank.id]) for bank in self]
