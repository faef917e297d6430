# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Deposits ("acomptes") of a KPA quote with sale's own wizard.

A deposit on services carries the VAT of what it pays for (CGI art. 269-2-c:
the VAT on services is due when paid, deposits included). Odoo 11 puts the
deposit product's own taxes on the deposit; for a KPA quote the deposit is
split instead into one line per VAT rate of the quote, in proportion of the
untaxed amounts, on the deposit product (income account 4191 "Clients -
avances et acomptes reçus sur commandes"). The balance invoice
(``action_invoice_create(final=True)``) then deducts each line with its
own VAT.
"""
from decimal import ROUND_HALF_UP, Decimal

from odoo import _, api, models
from odoo.exceptions import UserError

from ..services.formatting import fmt_percent

DEPOSIT_PRODUCT = "kpa_cooperative.product_kpa_deposit"


def split_deposit(amount, bases):
    """``amount`` (untaxed) split in proportion of ``bases``, a list of
    ``(key, untaxed base)``: a list of ``(key, share)`` rounded to the cent
    whose sum is ``amount`` exactly (the last key takes the rounding).
    Keys with a zero base get nothing; no base at all: ``[]``."""
    total = sum(Decimal(str(base)) for _key, base in bases)
    cents = Decimal(str(amount)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    kept = [(key, Decimal(str(base))) for key, base in bases if base]
    if not total or not kept:
        return []
    shares = []
    left = cents
    for index, (key, base) in enumerate(kept):
        if index == len(kept) - 1:
            share = left
        else:
            share = (cents * base / total).quantize(Decimal("0.01"),
                                                    ROUND_HALF_UP)
            left -= share
        shares.append((key, float(share)))
    return shares


class SaleAdvancePaymentInv(models.TransientModel):
    _inherit = "sale.advance.payment.inv"

    def _kpa_orders(self):
        orders = self.env["sale.order"].browse(
            self.env.context.get("active_ids") or [])
        if self.env.context.get("active_model", "sale.order") != "sale.order":
            return orders.browse()
        return orders

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        orders = self._kpa_orders()
        product = self.env.ref(DEPOSIT_PRODUCT, raise_if_not_found=False)
        if product and orders and all(orders.sudo().mapped("kpa_id")):
            values.update({
                "product_id": product.id,
                "deposit_account_id":
                    product.property_account_income_id.id,
                "deposit_taxes_id": [(6, 0, [])],
            })
        return values

    @api.multi
    def create_invoices(self):
        orders = self._kpa_orders()
        # The wizard has no record rules: its user must be allowed to
        # invoice every quote it names.
        orders.check_access_rights("write")
        orders.check_access_rule("write")
        kpa_orders = orders.filtered(lambda o: o.sudo().kpa_id)
        if self.advance_payment_method not in ("percentage", "fixed") \
                or not kpa_orders:
            return super().create_invoices()
        if orders - kpa_orders:
            raise UserError(_(
                "Make the deposits of KPA quotes apart from the others."))
        self._kpa_check_deposit_product()
        for order in kpa_orders:
            self._kpa_deposit_invoice(order)
        if self.env.context.get("open_invoices"):
            return kpa_orders.action_view_invoice()
        return {"type": "ir.actions.act_window_close"}

    def _kpa_check_deposit_product(self):
        if not self.product_id:
            self.product_id = self.env.ref(DEPOSIT_PRODUCT)
        if self.product_id.invoice_policy != "order" \
                or self.product_id.type != "service":
            raise UserError(_(
                "The deposit product must be a service invoiced on ordered "
                "quantities."))
        if self.amount <= 0:
            raise UserError(_("The deposit must be more than zero."))
        if self.advance_payment_method == "percentage" and self.amount > 100:
            raise UserError(_("A deposit is at most 100 % of the quote."))

    def _kpa_deposit_bases(self, order):
        """The untaxed amount of the quote per set of taxes (its own lines,
        not earlier deposits): [(taxes, untaxed)], largest first."""
        bases = {}
        for line in order.order_line.filtered(lambda l: not l.is_downpayment):
            key = tuple(sorted(line.tax_id.ids))
            bases[key] = bases.get(key, 0.0) + line.price_subtotal
        return sorted(bases.items(), key=lambda item: -item[1])

    def _kpa_deposit_invoice(self, order):
        """One deposit line per VAT rate on the quote, and their invoice in
        the KPA's journal."""
        if self.advance_payment_method == "percentage":
            amount = order.amount_untaxed * self.amount / 100
            label = _("Deposit of %s %%") % fmt_percent(self.amount / 100)
        else:
            amount = self.amount
            label = _("Deposit")
        bases = self._kpa_deposit_bases(order)
        shares = split_deposit(amount, bases)
        if not shares:
            raise UserError(_(
                "The quote %s has no amount to take a deposit on.")
                % order.name)
        if amount > order.amount_untaxed + 0.005:
            raise UserError(_(
                "The deposit is more than the untaxed amount of the quote "
                "%s.") % order.name)
        Tax = self.env["account.tax"]
        lines = self.env["sale.order.line"]
        for key, share in shares:
            taxes = Tax.browse(key)
            name = label
            if len(shares) > 1 and taxes:
                name = "%s (%s)" % (label, ", ".join(taxes.mapped(
                    lambda tax: tax.description or tax.name)))
            lines |= lines.create({
                "name": name,
                "price_unit": share,
                "product_uom_qty": 0.0,
                "order_id": order.id,
                "discount": 0.0,
                "product_uom": self.product_id.uom_id.id,
                "product_id": self.product_id.id,
                "tax_id": [(6, 0, taxes.ids)],
                "is_downpayment": True,
            })
        invoice = self.env["account.invoice"].create(order._prepare_invoice())
        lines.invoice_line_create(invoice.id, 1.0)
        invoice.compute_taxes()
        invoice.message_post_with_view(
            "mail.message_origin_link",
            values={"self": invoice, "origin": order},
            subtype_id=self.env.ref("mail.mt_note").id)
        return invoice
