# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "KPA-Cité: CAPE contracts",
    "summary": "CAPE contracts (Contrat d'Appui au Projet d'Entreprise): "
               "renewals, accompaniment, exits, funder reports",
    "version": "11.0.2.1.0",
    "category": "Cooperative",
    "website": "https://github.com/kpa-cite/kpa-cite-odoo",
    "author": "KPA-Cité",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["kpa_cooperative", "hr_contract"],
    "data": [
        "security/kpa_cape_security.xml",
        "security/ir.model.access.csv",
        "data/auditlog_rule_data.xml",
        "data/kpa_cape_data.xml",
        "data/kpa_cape_template_data.xml",
        "report/kpa_cape_reports.xml",
        "report/report_cape_agreement.xml",
        "report/report_cape_activity.xml",
        "wizards/kpa_cape_wizard_views.xml",
        "views/hr_contract_views.xml",
        "views/res_company_views.xml",
        "views/kpa_followup_views.xml",
        "views/kpa_cape_benefit_views.xml",
        "views/kpa_cape_template_views.xml",
        "report/kpa_cape_funder_report_views.xml",
        "views/portal_templates.xml",
        "views/kpa_cape_menus.xml",
    ],
    "demo": [
        "demo/hr_contract_demo.xml",
        "demo/kpa_followup_demo.xml",
    ],
}
