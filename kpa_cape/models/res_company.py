# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The CAE signs its CAPEs through a named person (a KPA has no legal
    # personality: it is only where the activity takes place).
    kpa_cape_signatory_name = fields.Char(
        string="CAPE signed by",
        help="The person who represents the CAE and signs its CAPEs.")
    kpa_cape_signatory_quality = fields.Char(
        string="Quality of the signatory",
        help="e.g. Gérante, Président, Directrice générale déléguée.")

    @api.model
    def create(self, vals):
        company = super().create(vals)
        company._kpa_create_cape_template()
        return company

    @api.multi
    def _kpa_create_cape_template(self):
        """Every company has its own CAPE template: a new one starts from a
        copy of the creating user's company's, translations included."""
        Template = self.env["kpa.cape.template"].sudo()
        source = Template._default_for_company(self.env.user.company_id)
        for company in self:
            if source and not Template.search_count(
                    [("company_id", "=", company.id)]):
                source.copy({"company_id": company.id, "sequence": 10})
        return True
