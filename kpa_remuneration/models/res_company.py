# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# field, code prefix in the French chart, name if missing, type, reconcile
DEFAULT_ACCOUNTS = (
    ("kpa_gross_account_id", "641", "Salaires et appointements",
     "account.data_account_type_expenses", False),
    ("kpa_employer_account_id", "645", "Charges de sécurité sociale",
     "account.data_account_type_expenses", False),
    ("kpa_net_account_id", "421", "Personnel - Rémunérations dues",
     "account.data_account_type_current_liabilities", True),
    ("kpa_contribution_account_id", "431", "Sécurité sociale",
     "account.data_account_type_current_liabilities", False),
    # The payroll hand-off: income tax withheld by the payroll (PAS).
    ("kpa_withholding_account_id", "442",
     "Prélèvements à la source (impôt sur le revenu)",
     "account.data_account_type_current_liabilities", False),
)


class ResCompany(models.Model):
    _inherit = "res.company"

    kpa_employee_rate = fields.Float(
        string="Employee share", default=0.22, digits=(3, 4),
        help="Employee contributions as a share of gross pay: "
             "gross = net / (1 - this share).")
    kpa_employer_rate = fields.Float(
        string="Employer share", default=0.30, digits=(3, 4),
        help="Employer contributions as a share of gross pay.")
    kpa_gross_account_id = fields.Many2one(
        "account.account", string="Gross pay account",
        help="Debited with the gross pay (641 in the French chart).")
    kpa_employer_account_id = fields.Many2one(
        "account.account", string="Employer charges account",
        help="Debited with the employer charges (645).")
    kpa_net_account_id = fields.Many2one(
        "account.account", string="Net pay account",
        help="Credited with the net pay owed to each member (421).")
    kpa_contribution_account_id = fields.Many2one(
        "account.account", string="Contributions account",
        help="Credited with the contributions owed: employee and employer "
             "shares (431).")
    kpa_withholding_account_id = fields.Many2one(
        "account.account", string="Income tax withholding account",
        help="Credited with the income tax the payroll withholds (442 in "
             "the French chart), when its real figures are imported.")
    kpa_remuneration_journal_id = fields.Many2one(
        "account.journal", string="Remuneration journal",
        help="Created when the first week is validated.")

    @api.constrains("kpa_employee_rate", "kpa_employer_rate")
    def _check_kpa_rates(self):
        for company in self:
            if not 0 <= company.kpa_employee_rate < 1 \
                    or not 0 <= company.kpa_employer_rate < 1:
                raise ValidationError(_(
                    "The employee and employer shares are shares of gross "
                    "pay: each between 0 %% and 100 %% (%s).") % company.name)

    def _kpa_remuneration_accounts(self):
        """The accounts of the remuneration entry, as a dict: the ones
        set on the company, else found (or made) in its chart."""
        self.ensure_one()
        company = self.sudo()
        Account = self.env["account.account"].sudo()
        accounts = {}
        values = {}
        for field, prefix, name, type_xmlid, reconcile in DEFAULT_ACCOUNTS:
            account = company[field]
            if not account:
                account = Account.search([
                    ("code", "=like", prefix + "%"),
                    ("company_id", "=", company.id),
                    ("deprecated", "=", False)], order="code", limit=1)
                if not account:
                    account = Account.create({
                        "code": prefix + "000",
                        "name": name,
                        "user_type_id": self.env.ref(type_xmlid).id,
                        "reconcile": reconcile,
                        "company_id": company.id,
                    })
                values[field] = account.id
            accounts[field] = account
        if values:
            company.write(values)
        return accounts

    def _kpa_remuneration_journal(self):
        """The "Rémunérations KPA" journal, created when first needed."""
        self.ensure_one()
        company = self.sudo()
        if not company.kpa_remuneration_journal_id:
            Journal = self.env["account.journal"].sudo()
            code = "KPAR"
            if Journal.search_count([("code", "=", code),
                                     ("company_id", "=", company.id)]):
                code = "KPRM"
            company.kpa_remuneration_journal_id = Journal.create({
                "name": _("Rémunérations KPA"),
                "code": code,
                "type": "general",
                "company_id": company.id,
                "show_on_dashboard": False,
            })
        return company.kpa_remuneration_journal_id
