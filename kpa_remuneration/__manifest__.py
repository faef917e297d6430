# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "KPA-Cité: weekly remuneration",
    "summary": "The pot, weekly self-declared remuneration, validation "
               "and accounting",
    "version": "11.0.1.3.0",
    "category": "Cooperative",
    "website": "https://github.com/kpa-cite/kpa-cite-odoo",
    "author": "KPA-Cité",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["kpa_cape", "mis_builder", "report_xlsx"],
    "data": [
        "security/kpa_remuneration_security.xml",
        "security/ir.model.access.csv",
        "data/auditlog_rule_data.xml",
        "data/kpa_remuneration_data.xml",
        "data/mis_report_kpa_dashboard.xml",
        "views/kpa_remuneration_period_views.xml",
        "views/kpa_remuneration_declaration_views.xml",
        "views/kpa_remuneration_criterion_views.xml",
        "wizards/kpa_remuneration_wizard_views.xml",
        "report/kpa_remuneration_statement_report.xml",
        "report/kpa_remuneration_month_report_views.xml",
        "views/portal_templates.xml",
        "views/account_move_views.xml",
        "views/mis_report_instance_views.xml",
        "views/kpa_remuneration_rate_profile_views.xml",
        "views/kpa_payroll_export_views.xml",
        "views/kpa_remuneration_menus.xml",
    ],
    "demo": [
        "demo/kpa_remuneration_declaration_demo.xml",
    ],
}
