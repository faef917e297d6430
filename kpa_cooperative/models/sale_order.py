# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quotes of a KPA, on Odoo's own sale.order: numbered in the KPA's own
series, invoiced in its journal, accepted online by the client (the
access-token link) or recorded by its coordinators, unchanged once
accepted."""
import datetime

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..services.issuer import issuer_line, odoo_translator
from ..services.trust import is_trusted, trusted

# What an accepted quote says to its client: no client write changes it
# any more (Odoo's own flows write state, invoicing and chatter fields).
FROZEN_ORDER_FIELDS = (
    "partner_id", "partner_invoice_id", "partner_shipping_id",
    "pricelist_id", "currency_id", "fiscal_position_id", "payment_term_id",
    "client_order_ref", "validity_date", "date_order", "company_id",
    "note",
)
# What a line of an accepted quote says: its price.
FROZEN_LINE_FIELDS = (
    "product_id", "name", "price_unit", "product_uom", "product_uom_qty",
    "tax_id", "discount", "order_id",
)
ACCEPTED_STATES = ("sale", "done")
DEFAULT_VALIDITY_DAYS = 30
DEPOSIT_PRODUCT = "kpa_cooperative.product_kpa_deposit"
# PCG 4191 "Clients - avances et acomptes reçus sur commandes" (419100 in
# Odoo's French chart).
DEPOSIT_ACCOUNT = "4191"


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "kpa.guard.mixin"]

    _kpa_protected_fields = ("kpa_accepted_by", "kpa_accepted_on",
                             "kpa_drafted_by_id")
    _kpa_fixed_fields = ("kpa_id", "kpa_task_id")

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", index=True, readonly=True,
        states={"draft": [("readonly", False)]},
        track_visibility="onchange",
        help="The KPA that sells: the quote is numbered in its series, "
             "its invoices go to its journal.")
    kpa_task_id = fields.Many2one(
        "project.task", string="Prestation", index=True, readonly=True,
        states={"draft": [("readonly", False)]}, copy=False,
        domain="[('kpa_id', '=', kpa_id)]")
    kpa_drafted_by_id = fields.Many2one(
        "res.partner", string="Drafted by (member)", readonly=True,
        copy=False,
        help="The member who drafted this quote from the portal: a "
             "coordinator checks and sends it.")
    kpa_accepted_by = fields.Char(
        string="Accepted by", readonly=True, copy=False,
        track_visibility="onchange",
        help="The name of the person who accepted the quote for the "
             "client (\"Bon pour accord\").")
    kpa_accepted_on = fields.Datetime(
        string="Accepted on", readonly=True, copy=False,
        track_visibility="onchange")
    kpa_date_service = fields.Date(
        string="Day of service", compute="_compute_kpa_date_service",
        help="The prestation's date of service, or its planned date.")

    @api.depends("kpa_task_id.kpa_date_service",
                 "kpa_task_id.kpa_date_planned")
    def _compute_kpa_date_service(self):
        for order in self:
            task = order.kpa_task_id.sudo()
            order.kpa_date_service = task.kpa_date_service \
                or task.kpa_date_planned

    # ------------------------------------------------------------------
    # Consistency
    # ------------------------------------------------------------------
    @api.constrains("kpa_id", "kpa_task_id", "company_id")
    def _check_kpa(self):
        for order in self.sudo().filtered("kpa_id"):
            if order.kpa_id.company_id != order.company_id:
                raise ValidationError(_(
                    "The KPA %s belongs to the CAE %s, not to %s: its "
                    "quotes are issued by its own CAE.") % (
                    order.kpa_id.name, order.kpa_id.company_id.name,
                    order.company_id.name))
            if order.kpa_task_id and order.kpa_task_id.kpa_id \
                    != order.kpa_id:
                raise ValidationError(_(
                    "The prestation \"%s\" is not one of %s's.") % (
                    order.kpa_task_id.name, order.kpa_id.name))

    @api.onchange("kpa_task_id")
    def _onchange_kpa_task_id(self):
        task = self.kpa_task_id
        if task:
            self.kpa_id = task.kpa_id
            if task.partner_id:
                self.partner_id = task.partner_id
            if task.kpa_client_ref:
                self.client_order_ref = task.kpa_client_ref

    # ------------------------------------------------------------------
    # Setup at install and when a company gets its chart (idempotent)
    # ------------------------------------------------------------------
    @api.model
    def _kpa_setup_quotes(self):
        """The deposit product gets its income account 4191 (PCG "Clients
        - avances et acomptes reçus sur commandes") in each company that
        has it."""
        product = self.env.ref(DEPOSIT_PRODUCT, raise_if_not_found=False)
        if not product:
            return
        template = product.product_tmpl_id.sudo()
        for company in self.env["res.company"].sudo().search([]):
            account = self.env["account.account"].sudo().search([
                ("code", "=like", DEPOSIT_ACCOUNT + "%"),
                ("company_id", "=", company.id)], order="code", limit=1)
            in_company = template.with_context(force_company=company.id)
            if account and not in_company.property_account_income_id:
                in_company.property_account_income_id = account

    # ------------------------------------------------------------------
    # Numbering, KPA defaults
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        kpa = self.env["kpa.cooperative"].sudo().browse(vals.get("kpa_id"))
        if kpa:
            vals = dict(vals, company_id=vals.get("company_id")
                        or kpa.company_id.id)
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = kpa._kpa_next_quote_number(
                    vals.get("date_order"))
            if not vals.get("analytic_account_id"):
                vals["analytic_account_id"] = kpa.analytic_account_id.id
            if not vals.get("validity_date"):
                vals["validity_date"] = self._kpa_validity_date(kpa)
            if not vals.get("user_id") and (
                    "user_id" in vals or self.env.uid == SUPERUSER_ID):
                # Made by the server (a member's draft): the KPA's
                # coordinator is its salesperson, never nobody.
                vals["user_id"] = kpa.coordinator_ids[:1].id or False
        return super().create(vals)

    @api.model
    def _kpa_validity_date(self, kpa):
        today = fields.Date.from_string(fields.Date.context_today(self))
        days = kpa.quote_validity_days or DEFAULT_VALIDITY_DAYS
        return fields.Date.to_string(today + datetime.timedelta(days=days))

    # ------------------------------------------------------------------
    # What an accepted quote refuses
    # ------------------------------------------------------------------
    def _kpa_accepted(self):
        return self.sudo().filtered(
            lambda order: order.kpa_id and order.state in ACCEPTED_STATES)

    def _kpa_guard_write(self, vals):
        result = super()._kpa_guard_write(vals)
        names = [name for name in FROZEN_ORDER_FIELDS if name in vals]
        accepted = self._kpa_accepted()
        if names and accepted:
            changed = accepted._kpa_changes(vals, names)
            if changed:
                raise UserError(_(
                    "The quote %s was accepted by the client: %s cannot "
                    "change any more. Cancel it and make a new quote.") % (
                    accepted[0].name,
                    ", ".join(self._kpa_field_labels(changed))))
        return result

    @api.multi
    def unlink(self):
        if not is_trusted(self) and self._kpa_accepted():
            raise UserError(_("An accepted quote cannot be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Who may send: those who may change the quote (a member reads it)
    # ------------------------------------------------------------------
    @api.multi
    def action_quotation_send(self):
        self._kpa_check_writer()
        return super().action_quotation_send()

    @api.multi
    def force_quotation_send(self):
        self._kpa_check_writer()
        return super().force_quotation_send()

    @api.multi
    def print_quotation(self):
        self._kpa_check_writer()
        return super().print_quotation()

    @api.multi
    def action_confirm(self):
        self._kpa_check_writer()
        return super().action_confirm()

    # ------------------------------------------------------------------
    # Acceptance
    # ------------------------------------------------------------------
    def get_portal_confirmation_action(self):
        """KPA quotes are accepted online with a name and a signature,
        whatever the CAE's own sale settings."""
        if self.sudo().kpa_id:
            return "sign"
        return super().get_portal_confirmation_action()

    def _kpa_check_can_record_acceptance(self):
        """The caller coordinates the KPA of every quote of ``self`` (or
        is the CAE): they alone record a client's acceptance."""
        self._kpa_check_writer()
        user = self.env.user
        if user._is_superuser() or user.has_group(
                "kpa_cooperative.group_kpa_manager"):
            return
        for order in self.sudo():
            if not order.kpa_id or user not in order.kpa_id.coordinator_ids:
                raise AccessError(_(
                    "Only the coordinators of %s record that a client "
                    "accepted its quote %s.") % (
                    order.kpa_id.name or order.company_id.name, order.name))

    def _kpa_accept(self, name, when=None):
        """Record that ``name`` accepted the quote for the client (on
        ``when``, now by default) and confirm it. Callers check who may:
        the portal route checks the access token, the back-office wizard
        the coordinator."""
        self.ensure_one()
        name = (name or "").strip()
        if not name:
            raise UserError(_("Write the name of the person who accepts "
                              "the quote."))
        if self.state not in ("draft", "sent"):
            raise UserError(_(
                "The quote %s is no longer waiting for the client's "
                "answer.") % self.name)
        if self.validity_date and self.validity_date < fields.Date.to_string(
                fields.Datetime.from_string(when or fields.Datetime.now())):
            raise UserError(_(
                "The quote %s expired on %s: make a new one.") % (
                self.name, self.validity_date))
        trusted(self).write({
            "kpa_accepted_by": name[:128],
            "kpa_accepted_on": when or fields.Datetime.now(),
        })
        self.action_confirm()
        return True

    # ------------------------------------------------------------------
    # Invoices go to the KPA
    # ------------------------------------------------------------------
    @api.multi
    def _prepare_invoice(self):
        values = super()._prepare_invoice()
        order = self.sudo()
        if order.kpa_id:
            values.update({
                "kpa_id": order.kpa_id.id,
                "journal_id": order.kpa_id.journal_id.id,
                "kpa_task_id": order.kpa_task_id.id,
                "kpa_date_service": order.kpa_date_service,
                "name": order.client_order_ref or "",
            })
        return values

    # ------------------------------------------------------------------
    # The PDF
    # ------------------------------------------------------------------
    @api.multi
    def order_lines_layouted(self):
        """The quote's lines as the PDF and the client's page show them:
        for a KPA quote, without the deposit lines Odoo adds at quantity 0
        (the deposit is on its own invoice)."""
        pages = super().order_lines_layouted()
        if not self.kpa_id:
            return pages
        for page in pages:
            for category in page:
                category["lines"] = [line for line in category["lines"]
                                     if not line.is_downpayment]
        return [[category for category in page if category["lines"]]
                for page in pages]

    def kpa_issuer_line(self):
        """The legal issuer as the quote prints it (in the client's
        language): the KPA's brand as a trade name of the CAE, then the
        CAE's legal identity."""
        self.ensure_one()
        order = self.sudo()
        lang = order.partner_id.lang or self.env.lang
        return issuer_line(order.company_id, order.kpa_id,
                           odoo_translator(self.env, lang))


class SaleOrderLine(models.Model):
    """Lines of an accepted KPA quote keep their price (Odoo's down
    payment lines are made by its wizard, they are not changed)."""

    _inherit = "sale.order.line"

    @api.multi
    def write(self, values):
        if not is_trusted(self):
            names = [name for name in FROZEN_LINE_FIELDS if name in values]
            accepted = self.sudo().filtered(
                lambda line: line.order_id.kpa_id
                and line.order_id.state in ACCEPTED_STATES)
            if names and accepted:
                for line in accepted:
                    for name in names:
                        old = line[name]
                        new = values[name]
                        field = self._fields[name]
                        if field.type in ("many2many", "one2many"):
                            raise UserError(self._kpa_frozen_line_message(
                                line))
                        if isinstance(old, models.BaseModel):
                            old = old.id
                        if field.type == "float":
                            changed = abs((old or 0.0) - (new or 0.0)) \
                                > 1e-9
                        else:
                            changed = (old or False) != (new or False)
                        if changed:
                            raise UserError(
                                self._kpa_frozen_line_message(line))
        return super().write(values)

    def _kpa_frozen_line_message(self, line):
        return _("The quote %s was accepted by the client: its lines and "
                 "prices cannot change any more.") % line.order_id.name
