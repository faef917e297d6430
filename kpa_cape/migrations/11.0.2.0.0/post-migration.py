# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""11.0.2.0.0: the clauses of a CAPE come from a template (kpa.cape.template).

Every CAPE written before links to its company's default template; the texts
it carries are what was signed and stay as they are.
"""
from odoo import SUPERUSER_ID, api


def link_capes_to_templates(env):
    """Link every CAPE without a template to its company's default one,
    in SQL: no write, so no tracking message, no guard, no text touched."""
    capes = env["hr.contract"].search([
        ("kpa_is_cape", "=", True), ("kpa_template_id", "=", False)])
    by_company = {}
    for cape in capes:
        by_company.setdefault(cape.company_id, []).append(cape.id)
    for company, ids in by_company.items():
        template = env["kpa.cape.template"]._default_for_company(company)
        if template:
            env.cr.execute(
                "UPDATE hr_contract SET kpa_template_id = %s "
                "WHERE id IN %s", (template.id, tuple(ids)))
    capes.invalidate_cache(["kpa_template_id"])
    return capes


def migrate(cr, version):
    if not version:
        return
    link_capes_to_templates(api.Environment(cr, SUPERUSER_ID, {}))
