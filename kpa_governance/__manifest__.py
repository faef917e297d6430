# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "KPA-Cité: governance",
    "summary": "Points gouvernance, decisions and votes, living charter, "
               "rotating roles, logbook",
    "version": "11.0.1.0.0",
    "category": "Cooperative",
    "website": "https://github.com/kpa-cite/kpa-cite-odoo",
    "author": "KPA-Cité",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["kpa_cooperative"],
    "data": [],
}
