# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..services.trust import trusted


class ProjectTask(models.Model):
    """A prestation: a task of a KPA's "Prestations" project."""

    _inherit = "project.task"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", related="project_id.kpa_id",
        store=True, readonly=True, index=True)
    kpa_date_planned = fields.Date(string="Planned on")
    kpa_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", readonly=True)
    kpa_line_ids = fields.One2many(
        "kpa.prestation.line", "task_id", string="What is sold", copy=True)
    kpa_amount = fields.Monetary(
        string="Agreed price (untaxed)", currency_field="kpa_currency_id",
        compute="_compute_kpa_amount", inverse="_inverse_kpa_amount",
        store=True, track_visibility="onchange",
        help="The sum of the lines. Typed in when the prestation has one "
             "line or none: the line follows (a service, by default).")
    kpa_date_service = fields.Date(
        string="Date of service",
        help="The day the service is done or the goods delivered, printed "
             "on the invoice (CGI art. 242 nonies A). Empty: the planned "
             "date.")
    kpa_client_ref = fields.Char(
        string="Client's reference",
        help="The client's order or commitment number (a public client's "
             "\"numéro d'engagement\"), printed on the quote and invoice.")
    kpa_delivery_partner_id = fields.Many2one(
        "res.partner", string="Delivery address",
        help="Where the service is done or the goods delivered, when it is "
             "not the client's address: printed on the invoice.")
    kpa_referent_ids = fields.Many2many(
        "res.partner", "project_task_kpa_referent_rel", "task_id",
        "partner_id", string="Referent members",
        help="The members who signed up for this prestation.")
    kpa_invoice_ids = fields.One2many(
        "account.invoice", "kpa_task_id", string="Invoices", readonly=True)
    kpa_invoice_count = fields.Integer(compute="_compute_kpa_invoice_count")
    kpa_stage = fields.Selection(related="stage_id.kpa_stage", readonly=True)

    @api.depends("kpa_line_ids.price_subtotal")
    def _compute_kpa_amount(self):
        for task in self:
            # All the lines, whoever looks: the price is the task's.
            task.kpa_amount = sum(
                task.sudo().kpa_line_ids.mapped("price_subtotal"))

    def _inverse_kpa_amount(self):
        for task in self:
            lines = task.kpa_line_ids
            if len(lines) > 1:
                raise UserError(_(
                    "The prestation \"%s\" sells several things: change the "
                    "price on its lines.") % task.name)
            if lines:
                lines.write({"quantity": 1.0, "price_unit": task.kpa_amount})
            elif task.kpa_amount:
                self.env["kpa.prestation.line"].create({
                    "task_id": task.id,
                    "name": task.name,
                    "price_unit": task.kpa_amount,
                })

    @api.depends("kpa_invoice_ids")
    def _compute_kpa_invoice_count(self):
        for task in self:
            task.kpa_invoice_count = len(task.kpa_invoice_ids)

    def _kpa_stage(self, step):
        """The stage of this prestation's project standing for ``step``."""
        self.ensure_one()
        return self.env["project.task.type"].search([
            ("kpa_stage", "=", step),
            ("project_ids", "in", self.project_id.ids)], limit=1)

    def _kpa_check_invoiceable(self):
        for task in self:
            if not task.kpa_id:
                raise UserError(_(
                    "\"%s\" is not a prestation of a KPA: only tasks of a "
                    "KPA's Prestations project are invoiced here.") % task.name)
            if not task.partner_id:
                raise UserError(_(
                    "The prestation \"%s\" has no client: choose the client "
                    "before invoicing.") % task.name)
            if task.kpa_amount <= 0:
                raise UserError(_(
                    "The prestation \"%s\" has no agreed price: enter the "
                    "untaxed price before invoicing.") % task.name)

    def _kpa_invoice_lines(self, invoice, specs=None):
        """Invoice lines for ``specs`` (dicts of product_id, name, quantity,
        price_unit; by default the prestation's lines), filled by Odoo's
        product onchange (income account, VAT through the client's fiscal
        position), then given the agreed description and price."""
        self.ensure_one()
        if specs is None:
            specs = self._kpa_line_specs()
        commands = []
        for spec in specs:
            invoice_line = self.env["account.invoice.line"].new({
                "invoice_id": invoice.id,
                "product_id": spec["product_id"],
                "quantity": spec["quantity"],
            })
            invoice_line._onchange_product_id()
            values = invoice_line._convert_to_write({
                name: invoice_line[name] for name in (
                    "account_id", "invoice_line_tax_ids", "uom_id")})
            # (account.invoice.line.create puts the KPA's analytic account)
            values.update(spec)
            commands.append((0, 0, values))
        return commands

    def _kpa_invoice_values(self):
        self.ensure_one()
        return {
            "type": "out_invoice",
            "partner_id": self.partner_id.id,
            "kpa_id": self.kpa_id.id,
            "kpa_task_id": self.id,
            "origin": self.name,
            "name": self.kpa_client_ref,
            "kpa_date_service": self.kpa_date_service
            or self.kpa_date_planned,
            # sale's delivery address: it also picks the fiscal position.
            "partner_shipping_id": (
                self.kpa_delivery_partner_id or self.partner_id).id,
            "company_id": self.kpa_id.company_id.id,
        }

    def action_kpa_invoice(self):
        """Make the draft customer invoice of the prestation, in the KPA's
        journal, and open it."""
        self._kpa_check_invoiceable()
        invoices = self.env["account.invoice"]
        for task in self:
            # Odoo's create sets the client's account, payment terms and
            # fiscal position; the lines' VAT depends on the last one.
            invoice = self.env["account.invoice"].create(
                task._kpa_invoice_values())
            invoice.write({"invoice_line_ids": task._kpa_invoice_lines(
                invoice)})
            invoice.compute_taxes()
            invoices |= invoice
        if len(invoices) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "account.invoice",
                "res_id": invoices.id,
                "view_mode": "form",
                "views": [(self.env.ref("account.invoice_form").id, "form")],
            }
        return True

    def action_kpa_view_invoices(self):
        self.ensure_one()
        action = self.env.ref("account.action_invoice_tree1").read()[0]
        action["domain"] = [("kpa_task_id", "=", self.id)]
        return action

    def _kpa_mark_invoiced(self):
        for task in self:
            stage = task._kpa_stage("invoiced")
            if stage and task.stage_id != stage:
                task.stage_id = stage

    # ------------------------------------------------------------------
    # Quotes (sale.order) and where the prestation stands
    # ------------------------------------------------------------------
    kpa_sale_order_ids = fields.One2many(
        "sale.order", "kpa_task_id", string="Quotes", readonly=True)
    kpa_sale_order_count = fields.Integer(
        compute="_compute_kpa_sale_order_count")
    kpa_sale_state = fields.Selection([
        ("quoted", "Quoted"),
        ("accepted", "Accepted"),
        ("invoiced", "Billed"),
        ("paid", "Paid"),
    ], string="Sale", compute="_compute_kpa_sale_state",
        search="_search_kpa_sale_state",
        help="Quoted: a quote waits for the client. Accepted: the client "
             "said yes. Invoiced: an invoice is issued. Paid: every issued "
             "invoice is paid and nothing is left to invoice.")
    # Not stored: it follows invoices that accountants validate and pay,
    # and they may not write prestations (a stored field is written as
    # the user who changed what it depends on).

    @api.depends("kpa_sale_order_ids")
    def _compute_kpa_sale_order_count(self):
        for task in self:
            task.kpa_sale_order_count = len(task.sudo().kpa_sale_order_ids)

    def _search_kpa_sale_state(self, operator, value):
        """``kpa_sale_state`` in a domain (``=``, ``!=``, ``in``,
        ``not in``): the KPA prestations the user may read, sorted by their
        computed state."""
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(_("Unsupported search on the sale state."))
        values = value if isinstance(value, (list, tuple)) else [value]
        values = {item or False for item in values}
        tasks = self.search([("kpa_id", "!=", False)])
        matching = tasks.filtered(
            lambda task: (task.kpa_sale_state or False) in values)
        if operator in ("=", "in"):
            return [("id", "in", matching.ids)]
        return [("id", "not in", matching.ids)]

    @api.depends("kpa_sale_order_ids.state",
                 "kpa_sale_order_ids.invoice_status",
                 "kpa_invoice_ids.state", "kpa_invoice_ids.type")
    def _compute_kpa_sale_state(self):
        for task in self:
            # Read as the server: whoever pays an invoice may not read the
            # prestation's quotes.
            orders = task.sudo().kpa_sale_order_ids
            invoices = task.sudo().kpa_invoice_ids.filtered(
                lambda i: i.type == "out_invoice")
            issued = invoices.filtered(lambda i: i.state in ("open", "paid"))
            accepted = orders.filtered(lambda o: o.state in ("sale", "done"))
            if issued:
                left = accepted.filtered(
                    lambda o: o.invoice_status == "to invoice") \
                    or invoices.filtered(lambda i: i.state == "draft")
                paid = all(i.state == "paid" for i in issued)
                task.kpa_sale_state = "paid" if paid and not left \
                    else "invoiced"
            elif accepted:
                task.kpa_sale_state = "accepted"
            elif orders.filtered(lambda o: o.state in ("draft", "sent")):
                task.kpa_sale_state = "quoted"
            else:
                task.kpa_sale_state = False

    def _kpa_check_quotable(self):
        for task in self:
            if not task.kpa_id:
                raise UserError(_(
                    "\"%s\" is not a prestation of a KPA: only tasks of a "
                    "KPA's Prestations project are quoted here.") % task.name)
            if not task.partner_id:
                raise UserError(_(
                    "The prestation \"%s\" has no client: choose the client "
                    "before making a quote.") % task.name)

    def _kpa_line_specs(self):
        """The prestation's lines as plain values (product, description,
        quantity, untaxed unit price)."""
        self.ensure_one()
        return [{"product_id": line.product_id.id, "name": line.name,
                 "quantity": line.quantity, "price_unit": line.price_unit}
                for line in self.kpa_line_ids]

    def _kpa_quote_values(self, specs):
        """A draft quote of the prestation for its client, with one line
        per spec, filled by sale's product onchange (unit, VAT through the
        client's fiscal position), then given the agreed description,
        quantity and price."""
        self.ensure_one()
        task = self.sudo()
        Order = self.env["sale.order"]
        order = Order.new({
            "partner_id": task.partner_id.id,
            "kpa_id": task.kpa_id.id,
            "company_id": task.kpa_id.company_id.id,
        })
        order.onchange_partner_id()
        if task.kpa_delivery_partner_id:
            order.partner_shipping_id = task.kpa_delivery_partner_id
        order.onchange_partner_shipping_id()
        values = order._convert_to_write({
            name: order[name] for name in (
                "partner_invoice_id", "partner_shipping_id", "pricelist_id",
                "payment_term_id", "fiscal_position_id")})
        lines = []
        for spec in specs:
            line = self.env["sale.order.line"].new({
                "product_id": spec["product_id"],
                "product_uom_qty": spec["quantity"],
            })
            line.order_id = order
            line.product_id_change()
            line_values = line._convert_to_write({
                name: line[name] for name in ("product_uom", "tax_id")})
            line_values.update({
                "product_id": spec["product_id"],
                "name": spec["name"],
                "product_uom_qty": spec["quantity"],
                "price_unit": spec["price_unit"],
            })
            lines.append((0, 0, line_values))
        values.update({
            "partner_id": task.partner_id.id,
            "kpa_id": task.kpa_id.id,
            "kpa_task_id": task.id,
            "company_id": task.kpa_id.company_id.id,
            "client_order_ref": task.kpa_client_ref or False,
            "origin": task.name,
            "order_line": lines,
        })
        return values

    def action_kpa_quote(self):
        """Make the draft quote of the prestation, from its lines, in the
        KPA's series, and open it."""
        self._kpa_check_quotable()
        self.check_access_rule("write")
        orders = self.env["sale.order"]
        for task in self:
            specs = task._kpa_line_specs()
            if not specs:
                raise UserError(_(
                    "The prestation \"%s\" sells nothing yet: add what is "
                    "sold (its lines) before making a quote.") % task.name)
            orders |= self.env["sale.order"].create(
                task._kpa_quote_values(specs))
        if len(orders) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "sale.order",
                "res_id": orders.id,
                "view_mode": "form",
                "views": [(self.env.ref("sale.view_order_form").id, "form")],
            }
        return True

    def action_kpa_view_quotes(self):
        self.ensure_one()
        action = self.env.ref("sale.action_quotations").read()[0]
        action["domain"] = [("kpa_task_id", "=", self.id)]
        action["context"] = {"default_kpa_task_id": self.id,
                             "default_kpa_id": self.kpa_id.id,
                             "default_partner_id": self.partner_id.id}
        return action

    # -- a member's draft, from the portal ----------------------------------
    def _kpa_member_may_draft(self, partner):
        """Whether ``partner`` (a member) may draft a quote or an invoice
        of this prestation: they signed up for it and are a current member
        of its KPA."""
        self.ensure_one()
        task = self.sudo()
        return bool(task.kpa_id and partner in task.kpa_referent_ids
                    and task.kpa_id in self.env["kpa.membership"]
                    ._kpa_current_kpas(partner))

    def _kpa_member_draft(self, kind, specs, partner):
        """A draft quote (``kind`` = ``quote``) or invoice (``invoice``)
        of the prestation, drafted by the member ``partner``, and an
        activity "To validate" for each coordinator of the KPA. The caller
        checked :meth:`_kpa_member_may_draft`; made as the server (a member
        writes no sale order nor invoice)."""
        self.ensure_one()
        if not self._kpa_member_may_draft(partner):
            raise AccessError(_(
                "Only the members who signed up for this prestation "
                "prepare its quote or invoice."))
        task = trusted(self.sudo())
        task._kpa_check_quotable()
        if kind == "quote":
            values = task._kpa_quote_values(specs)
            values["kpa_drafted_by_id"] = partner.id
            document = trusted(self.env["sale.order"].sudo()).create(values)
        else:
            invoice_values = task._kpa_invoice_values()
            invoice_values["kpa_drafted_by_id"] = partner.id
            document = self.env["account.invoice"].sudo().create(
                invoice_values)
            document.write({"invoice_line_ids": task._kpa_invoice_lines(
                document, specs)})
            document.compute_taxes()
        document.message_post(author_id=partner.id, body=_(
            "Drafted from the portal by %s, for the prestation "
            "\"%s\": to check and send.") % (partner.name, task.name))
        task._kpa_schedule_validation(document)
        return document

    def _kpa_schedule_validation(self, document):
        """An activity "To validate" on ``document`` for each coordinator
        of the prestation's KPA."""
        self.ensure_one()
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(document._name)
        coordinators = self.sudo().kpa_id.coordinator_ids
        for user in coordinators:
            self.env["mail.activity"].sudo().create({
                "res_model_id": model.id,
                "res_id": document.id,
                "activity_type_id": todo.id,
                "summary": _("To validate"),
                "note": _("Drafted by a member from the portal: check it, "
                          "then send it to the client."),
                "user_id": user.id,
            })
