# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..services import facturx, invoice_rules
from ..services.issuer import issuer_line, odoo_translator
from ..services.words import amount_in_words_fr


class AccountInvoice(models.Model):
    """Invoices under the CAE's SIRET, in a KPA's journal and numbering."""

    _inherit = "account.invoice"

    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", index=True,
        readonly=True, states={"draft": [("readonly", False)]},
        track_visibility="onchange",
        help="The KPA that sells (customer invoice) or spends (vendor "
             "bill): its journal and analytic account are used.")
    kpa_task_id = fields.Many2one(
        "project.task", string="Prestation", index=True, readonly=True,
        copy=False)
    kpa_drafted_by_id = fields.Many2one(
        "res.partner", string="Drafted by", readonly=True, copy=False,
        help="The member who prepared this draft from the portal: a "
             "coordinator checks and validates it.")
    kpa_date_service = fields.Date(
        string="Date of service", readonly=True,
        states={"draft": [("readonly", False)]}, copy=False,
        help="The day the service was done or the goods delivered, when it "
             "is not the invoice date (CGI art. 242 nonies A).")
    kpa_operation_nature = fields.Selection([
        (invoice_rules.NATURE_SERVICES, "Services"),
        (invoice_rules.NATURE_GOODS, "Supply of goods"),
        (invoice_rules.NATURE_BOTH, "Supply of goods and services"),
    ], string="Nature of the operation",
        compute="_compute_kpa_operation_nature",
        help="Printed on the invoice: French invoices say whether they sell "
             "goods, services or both (from September 2026).")
    kpa_address_missing = fields.Boolean(
        string="Client address missing",
        compute="_compute_kpa_missing_mentions",
        help="The client has no street or city: an invoice carries the "
             "address of both parties.")
    kpa_siren_missing = fields.Boolean(
        string="SIREN missing", compute="_compute_kpa_missing_mentions",
        help="A French business client without SIREN: the invoice would "
             "lack a mention French law asks for.")

    @api.depends("invoice_line_ids.product_id.type")
    def _compute_kpa_operation_nature(self):
        for invoice in self:
            invoice.kpa_operation_nature = invoice_rules.operation_nature(
                invoice.invoice_line_ids.mapped(
                    lambda line: line.product_id.type))

    @api.depends("partner_id.commercial_partner_id.siret",
                 "partner_id.commercial_partner_id.street",
                 "partner_id.commercial_partner_id.city",
                 "partner_id.commercial_partner_id.is_company",
                 "partner_id.commercial_partner_id.country_id")
    def _compute_kpa_missing_mentions(self):
        for invoice in self:
            client = invoice.partner_id.commercial_partner_id
            sale = invoice.type in ("out_invoice", "out_refund")
            invoice.kpa_siren_missing = sale and client._kpa_needs_siren()
            invoice.kpa_address_missing = bool(
                sale and client and not (client.street and client.city))

    @api.constrains("kpa_id", "company_id")
    def _check_kpa_company(self):
        for invoice in self.sudo().filtered("kpa_id"):
            if invoice.kpa_id.company_id != invoice.company_id:
                raise ValidationError(_(
                    "The KPA %s belongs to the CAE %s, not to %s: its "
                    "invoices are issued by its own CAE.") % (
                    invoice.kpa_id.name, invoice.kpa_id.company_id.name,
                    invoice.company_id.name))

    @api.onchange("kpa_id")
    def _onchange_kpa_id(self):
        if self.kpa_id and self.type in ("out_invoice", "out_refund"):
            self.journal_id = self.kpa_id.journal_id
        if self.kpa_id:
            for line in self.invoice_line_ids:
                line.account_analytic_id = self.kpa_id.analytic_account_id

    @api.onchange("partner_id")
    def _onchange_partner_kpa_siren(self):
        if self.type == "out_invoice" and self.partner_id.commercial_partner_id \
                ._kpa_needs_siren():
            return {"warning": {
                "title": _("SIREN missing"),
                "message": _(
                    "%s is a French business without SIREN or SIRET. Since "
                    "September 2026 an invoice to a business must show it: "
                    "enter it on the client before you validate.") % (
                    self.partner_id.commercial_partner_id.name),
            }}
        return None

    @api.model
    def create(self, vals):
        kpa = self.env["kpa.cooperative"].browse(vals.get("kpa_id"))
        invoice_type = vals.get("type", self.env.context.get("type"))
        if kpa and invoice_type in ("out_invoice", "out_refund"):
            vals["journal_id"] = kpa.sudo().journal_id.id
        invoice = super().create(vals)
        invoice._kpa_apply_analytic()
        return invoice

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "kpa_id" in vals or "invoice_line_ids" in vals:
            self._kpa_apply_analytic()
        if vals.get("kpa_id"):
            for invoice in self.filtered(
                    lambda i: i.state == "draft"
                    and i.type in ("out_invoice", "out_refund")
                    and i.journal_id != i.kpa_id.journal_id):
                invoice.journal_id = invoice.kpa_id.sudo().journal_id
        return res

    def _kpa_apply_analytic(self):
        """Every line of a KPA invoice goes to the KPA's analytic account."""
        for invoice in self.filtered(
                lambda i: i.kpa_id and i.state == "draft"):
            analytic = invoice.kpa_id.sudo().analytic_account_id
            lines = invoice.invoice_line_ids.filtered(
                lambda l: l.account_analytic_id != analytic)
            if lines:
                lines.write({"account_analytic_id": analytic.id})

    @api.model
    def _prepare_refund(self, invoice, date_invoice=None, date=None,
                        description=None, journal_id=None):
        values = super()._prepare_refund(
            invoice, date_invoice=date_invoice, date=date,
            description=description, journal_id=journal_id)
        # A credit note belongs to the KPA of the invoice it cancels.
        values["kpa_id"] = invoice.kpa_id.id
        return values

    @api.multi
    def invoice_validate(self):
        # Numbered and dated by now; refusing here undoes the validation.
        for invoice in self.filtered(lambda inv: inv._kpa_is_einvoice()):
            problems = invoice._kpa_facturx_problems()
            if problems:
                raise UserError(_(
                    "The invoice for %s cannot be issued: an e-invoice "
                    "needs %s. Complete the client or the invoice, then "
                    "validate again.") % (
                        invoice.partner_id.display_name,
                        ", ".join(problems)))
        res = super().invoice_validate()
        # The accountant who validates may not see the KPA's prestations.
        self.sudo().mapped("kpa_task_id")._kpa_mark_invoiced()
        return res

    def kpa_issuer_line(self):
        """The legal issuer as the invoice prints it: the KPA's brand as a
        trade name of the CAE, then the CAE's legal identity."""
        self.ensure_one()
        return issuer_line(self.company_id, self.kpa_id, odoo_translator(
            self.env, self.partner_id.lang or self.env.lang))

    def kpa_operation_label(self):
        """The nature of the operation in the invoice's language (the
        report renders ``o`` in the client's language)."""
        self.ensure_one()
        labels = dict(self._fields["kpa_operation_nature"]
                      ._description_selection(self.env))
        return labels.get(self.kpa_operation_nature, "")

    def kpa_amount_in_words(self):
        """The total in French words, for the PDF."""
        self.ensure_one()
        return amount_in_words_fr(self.amount_total)

    # ------------------------------------------------------------------
    # Factur-X (issue 19): the XML every KPA invoice carries in its PDF.
    # ------------------------------------------------------------------
    def _kpa_is_einvoice(self):
        self.ensure_one()
        return bool(self.kpa_id) and self.type in ("out_invoice",
                                                   "out_refund")

    def _kpa_fiscal_kind(self):
        """The l10n_fr fiscal position of the invoice, by the suffix of
        its xml id (``intraeub2b``, ``import_export``), else None."""
        fpos = self.fiscal_position_id
        if not fpos:
            return None
        for suffix in invoice_rules.FISCAL_NOTES:
            ref = self.env.ref("l10n_fr.%d_fiscal_position_template_%s" % (
                self.company_id.id, suffix), raise_if_not_found=False)
            if ref == fpos:
                return suffix
        return None

    def _kpa_facturx_party(self, partner):
        partner = partner.commercial_partner_id
        return {
            "name": partner.name, "street": partner.street,
            "street2": partner.street2, "zip": partner.zip,
            "city": partner.city, "country": partner.country_id.code,
            "vat": partner.vat,
            "siren": invoice_rules.siren_of(partner.siret),
            "siret": (partner.siret or "").replace(" ", ""),
            "is_company": partner.is_company,
            "public_body": partner.kpa_is_public_body,
        }

    def _kpa_facturx_data(self):
        """The invoice as :mod:`..services.facturx` takes it (read as
        superuser: the XML says what the PDF says, whoever prints)."""
        self.ensure_one()
        invoice = self.sudo()
        company = invoice.company_id
        fiscal_kind = invoice._kpa_fiscal_kind()
        on_debits = company.kpa_vat_on_debits
        seller = invoice._kpa_facturx_party(company.partner_id)
        seller.update(
            name=company.name, trading_name=invoice.kpa_id.name,
            vat=company.vat, siren=invoice_rules.siren_of(company.siret),
            description=", ".join(part for part in (
                company.kpa_legal_form, company.kpa_share_capital,
                company.company_registry) if part) or None)
        buyer = invoice._kpa_facturx_party(invoice.partner_id)
        lines = []
        for line in invoice.invoice_line_ids:
            rate = sum(tax.amount for tax in line.invoice_line_tax_ids
                       if tax.amount_type == "percent")
            service = line.product_id.type in (False, "service")
            lines.append({
                "name": line.name, "quantity": line.quantity,
                "price": line.price_subtotal / line.quantity
                if line.quantity else line.price_unit,
                "subtotal": line.price_subtotal, "rate": rate,
                "category": facturx.vat_category(rate, fiscal_kind,
                                                 service),
            })
        taxes = {}
        for line in lines:
            key = (line["category"], line["rate"])
            taxes.setdefault(key, {"category": key[0], "rate": key[1],
                                   "base": 0.0, "amount": 0.0})
            taxes[key]["base"] += line["subtotal"]
        for tax_line in invoice.tax_line_ids:
            rate = tax_line.tax_id.amount
            for (_category, key_rate), tax in taxes.items():
                if abs(key_rate - rate) < 0.001:
                    tax["amount"] += tax_line.amount
                    if tax_line.tax_id.tax_exigibility == "on_payment":
                        tax["due_code"] = facturx.DUE_ON_PAYMENT
                    elif on_debits:
                        tax["due_code"] = facturx.DUE_ON_INVOICE
                    break
        bank = invoice.partner_bank_id or company.partner_id.bank_ids[:1]
        return {
            "number": invoice.number, "date": invoice.date_invoice,
            "type": "refund" if invoice.type == "out_refund" else "invoice",
            "due_date": invoice.date_due,
            "currency": invoice.currency_id.name,
            "buyer_reference": buyer["public_body"]
            and invoice.partner_id.commercial_partner_id.kpa_service_code
            or None,
            "order_reference": invoice.name or None,
            "service_date": invoice.kpa_date_service,
            "notes": [note for note in (invoice.comment,) if note],
            "seller": seller, "buyer": buyer,
            "payment": {"iban": (bank.acc_number or "").replace(" ", "")
                        or None, "bic": bank.bank_id.bic or None,
                        "terms": invoice.payment_term_id.name or None},
            "lines": lines, "taxes": list(taxes.values()),
            "totals": {"lines": sum(line["subtotal"] for line in lines),
                       "tax_basis": invoice.amount_untaxed,
                       "tax": invoice.amount_tax,
                       "grand": invoice.amount_total, "prepaid": 0.0,
                       "due": invoice.amount_total},
        }

    def _kpa_facturx_problems(self):
        """What stops this invoice from being a valid e-invoice, in the
        user's words (empty: it may be issued)."""
        self.ensure_one()
        data = self._kpa_facturx_data()
        translate = odoo_translator(self.env, self.env.lang)
        problems = [translate(label) for _term, label
                    in facturx.missing_elements(data)]
        problems += [_("the amounts do not add up (%s: %s expected, %s "
                       "found)") % rule for rule in
                     facturx.inconsistencies(data)]
        return problems

    def kpa_facturx_xml(self):
        """The Factur-X XML of the validated invoice (bytes)."""
        self.ensure_one()
        return facturx.invoice_xml(self._kpa_facturx_data())
