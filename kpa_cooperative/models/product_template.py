# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

# What makes an invoice line right in law: the CAE's to change.
TAX_FIELDS = ("taxes_id", "supplier_taxes_id", "property_account_income_id",
              "property_account_expense_id", "categ_id", "type")


class ProductTemplate(models.Model):
    _inherit = "product.template"

    @api.multi
    def write(self, vals):
        if any(name in vals for name in TAX_FIELDS):
            self._kpa_check_tax_writer()
        return super().write(vals)

    def _kpa_check_tax_writer(self):
        """hr_timesheet lets every timesheet user (so every coordinator)
        write products: the VAT and income account of a KPA activity stay
        with the CAE's accountants and managers."""
        user = self.env.user
        if self.env.uid == 1 or user.has_group(
                "account.group_account_manager") or user.has_group(
                "kpa_cooperative.group_kpa_manager"):
            return
        category = self.env.ref("kpa_cooperative.product_category_kpa",
                                raise_if_not_found=False)
        if not category:
            return
        kpa_categories = self.env["product.category"].sudo().search(
            [("id", "child_of", category.id)])
        if self.sudo().filtered(
                lambda template: template.categ_id in kpa_categories):
            raise AccessError(_(
                "Only the CAE's accountant or manager changes the VAT, "
                "accounts, category or type of a KPA activity: they make "
                "the invoices right in law."))
