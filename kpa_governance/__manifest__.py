# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "KPA-Cité: governance",
    "summary": "Points gouvernance, decisions and votes, living charter, "
               "rotating roles, logbook",
    "version": "11.0.1.1.1",
    "category": "Cooperative",
    "website": "https://github.com/kpa-cite/kpa-cite-odoo",
    "author": "KPA-Cité",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["kpa_cooperative"],
    "data": [
        "security/kpa_governance_security.xml",
        "security/ir.model.access.csv",
        "data/auditlog_rule_data.xml",
        "data/kpa_governance_data.xml",
        "views/kpa_decision_vote_views.xml",
        "views/kpa_decision_views.xml",
        "views/kpa_charter_views.xml",
        "views/kpa_governance_topic_views.xml",
        "views/kpa_governance_meeting_views.xml",
        "views/kpa_role_views.xml",
        "views/kpa_logbook_entry_views.xml",
        "views/kpa_membership_views.xml",
        "views/kpa_governance_menus.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/kpa_charter_demo.xml",
        "demo/kpa_decision_demo.xml",
        "demo/kpa_role_demo.xml",
    ],
}
