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
        "views/kpa_cooperative_views.xml",
        "views/kpa_place_views.xml",
        "views/kpa_skill_views.xml",
        "views/kpa_membership_views.xml",
        "views/res_partner_views.xml",
        "views/kpa_menus.xml",
    ],
}
