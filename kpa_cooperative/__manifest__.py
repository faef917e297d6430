# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "KPA-Cité: cooperatives",
    "summary": "Neighbourhood cooperatives (KPA) hosted by a CAE: places, "
               "members, shared-brand prestations, invoicing under the CAE",
    "version": "11.0.1.0.0",
    "category": "Cooperative",
    "website": "https://github.com/kpa-cite/kpa-cite-odoo",
    "author": "KPA-Cité",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "external_dependencies": {"python": ["num2words"]},
    "depends": [
        "account_invoicing",
        "l10n_fr",
        "portal",
        "project",
        "hr_timesheet",
    ],
    "data": [
        "security/kpa_cooperative_security.xml",
        "security/ir.model.access.csv",
        "data/kpa_skill_data.xml",
        "data/project_task_type_data.xml",
        "views/kpa_cooperative_views.xml",
        "views/kpa_place_views.xml",
        "views/kpa_skill_views.xml",
        "views/kpa_membership_views.xml",
        "views/res_partner_views.xml",
        "views/project_task_views.xml",
        "views/account_invoice_views.xml",
        "report/kpa_cashed_report_views.xml",
        "report/account_invoice_templates.xml",
        "views/kpa_menus.xml",
    ],
}
