# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import ValidationError


class KpaPrestationLine(models.Model):
    """What a prestation sells: one line per product (a buffet served on
    site, the take-away part, the delivery...). Invoice and quote lines
    are made from these with Odoo's product onchange."""

    _name = "kpa.prestation.line"
    _description = "Prestation line"
    _order = "task_id, sequence, id"

    task_id = fields.Many2one(
        "project.task", string="Prestation", required=True, index=True,
        ondelete="cascade")
    kpa_id = fields.Many2one(
        "kpa.cooperative", related="task_id.kpa_id", store=True,
        readonly=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", string="Product", required=True,
        domain=[("sale_ok", "=", True)], ondelete="restrict",
        default=lambda self: self.env.ref(
            "kpa_cooperative.product_kpa_service", raise_if_not_found=False),
        help="The activity sold: it sets the VAT rate and the income "
             "account of the invoice line.")
    name = fields.Text(string="Description", required=True)
    quantity = fields.Float(
        digits=dp.get_precision("Product Unit of Measure"), default=1.0,
        required=True)
    price_unit = fields.Float(
        string="Unit price (untaxed)", digits=dp.get_precision("Product Price"),
        required=True, default=0.0)
    currency_id = fields.Many2one(
        "res.currency", related="task_id.kpa_currency_id", readonly=True)
    price_subtotal = fields.Monetary(
        string="Amount (untaxed)", compute="_compute_price_subtotal",
        store=True)
    tax_ids = fields.Many2many(
        "account.tax", string="VAT", compute="_compute_tax_ids",
        help="The product's VAT in the CAE: a client's fiscal position "
             "(intra-EU, export) may change it on the invoice.")

    @api.depends("quantity", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            currency = line.currency_id or self.env.user.company_id.currency_id
            line.price_subtotal = currency.round(
                line.quantity * line.price_unit)

    @api.depends("product_id", "task_id.company_id")
    def _compute_tax_ids(self):
        for line in self:
            company = line.task_id.company_id or self.env.user.company_id
            line.tax_ids = line.product_id.taxes_id.filtered(
                lambda tax: tax.company_id == company)

    @api.constrains("quantity", "price_unit")
    def _check_amounts(self):
        # As superuser: a user refused by the record rules gets that
        # refusal (checked after the constraints), not a read error here.
        for line in self.sudo():
            if line.quantity <= 0:
                raise ValidationError(_(
                    "The quantity of \"%s\" must be more than zero.")
                    % line.name)
            if line.price_unit < 0:
                raise ValidationError(_(
                    "The price of \"%s\" cannot be negative: a discount is "
                    "a line of its own on the invoice.") % line.name)

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id and not self.name:
            self.name = self.product_id.display_name

    @api.model
    def create(self, vals):
        if not vals.get("name") and vals.get("product_id"):
            vals["name"] = self.env["product.product"].browse(
                vals["product_id"]).display_name
        return super().create(vals)
