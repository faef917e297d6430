# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "KPA-Cité: bank details and SEPA pay-out",
    "summary": "Members' IBAN from the portal, the net pay of validated "
               "weeks paid by SEPA credit transfer",
    "version": "11.0.1.0.0",
    "category": "Cooperative",
    "website": "https://github.com/kpa-cite/kpa-cite-odoo",
    "author": "KPA-Cité",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["kpa_remuneration", "account_banking_sepa_credit_transfer"],
    "external_dependencies": {"python": ["stdnum"]},
    "data": [
        "security/kpa_payout_security.xml",
        "security/ir.model.access.csv",
        "data/auditlog_rule_data.xml",
        "data/mail_template_data.xml",
        "data/kpa_payout_data.xml",
        "views/res_partner_bank_views.xml",
        "views/account_payment_order_views.xml",
        "wizards/kpa_payout_wizard_views.xml",
        "views/portal_templates.xml",
        "report/kpa_remuneration_statement_report.xml",
    ],
}
