# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ProjectTask(models.Model):
    """A prestation: a task of a KPA's "Prestations" project."""

    _inherit = "project.task"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", related="project_id.kpa_id",
        store=True, readonly=True, index=True)
    kpa_date_planned = fields.Date(string="Planned on")
    kpa_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", readonly=True)
    kpa_amount = fields.Monetary(
        string="Agreed price (untaxed)", currency_field="kpa_currency_id",
        track_visibility="onchange")
    kpa_referent_ids = fields.Many2many(
        "res.partner", "project_task_kpa_referent_rel", "task_id",
        "partner_id", string="Referent members",
        help="The members who signed up for this prestation.")
    kpa_invoice_ids = fields.One2many(
        "account.invoice", "kpa_task_id", string="Invoices", readonly=True)
    kpa_invoice_count = fields.Integer(compute="_compute_kpa_invoice_count")
    kpa_stage = fields.Selection(related="stage_id.kpa_stage", readonly=True)

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

    def _kpa_invoice_line_values(self):
        kpa = self.kpa_id
        company = kpa.company_id
        account = self.env["account.account"].search([
            ("code", "=like", "706%"), ("company_id", "=", company.id),
            ("deprecated", "=", False)], limit=1)
        if not account:
            account = self.env["ir.property"].with_context(
                force_company=company.id).get(
                "property_account_income_categ_id", "product.category")
        # The company's default sales taxes (20 % VAT with the French chart).
        tax_ids = self.env["ir.default"].get(
            "product.template", "taxes_id", company_id=company.id) or []
        taxes = self.env["account.tax"].browse(tax_ids).filtered(
            lambda tax: tax.company_id == company)
        return {
            "name": self.name,
            "account_id": account.id,
            "account_analytic_id": kpa.analytic_account_id.id,
            "quantity": 1.0,
            "price_unit": self.kpa_amount,
            "invoice_line_tax_ids": [(6, 0, taxes.ids)],
        }

    def action_kpa_invoice(self):
        """Make the draft customer invoice of the prestation, in the KPA's
        journal, and open it."""
        self._kpa_check_invoiceable()
        invoices = self.env["account.invoice"]
        for task in self:
            invoice = self.env["account.invoice"].create({
                "type": "out_invoice",
                "partner_id": task.partner_id.id,
                "kpa_id": task.kpa_id.id,
                "kpa_task_id": task.id,
                "origin": task.name,
                "company_id": task.kpa_id.company_id.id,
                "invoice_line_ids": [(0, 0, task._kpa_invoice_line_values())],
            })
            invoice._onchange_partner_id()
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
