# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..services.invoice_rules import FISCAL_NOTES, SALES_PRODUCTS
from ..services.issuer import odoo_translator, trade_name_phrase


class ResCompany(models.Model):
    _inherit = "res.company"

    kpa_late_penalty = fields.Char(
        string="Late payment penalties",
        default="taux d'intérêt appliqué par la BCE à son opération de "
                "refinancement la plus récente, majoré de 10 points",
        help="Printed on KPA invoices, as French law requires "
             "(Code de commerce L441-10).")
    kpa_recovery_indemnity = fields.Monetary(
        string="Recovery indemnity", default=40.0,
        currency_field="currency_id",
        help="Fixed indemnity for recovery costs owed by a professional "
             "client who pays late (40 € by law).")
    kpa_legal_form = fields.Char(
        string="Legal form",
        help="Printed on invoices and quotes, e.g. \"SCOP SA à capital "
             "variable\" (Code de commerce R123-237).")
    kpa_share_capital = fields.Char(
        string="Share capital",
        help="As printed, e.g. \"capital variable, minimum 18 500 €\".")
    kpa_vat_on_debits = fields.Boolean(
        string="VAT on debits",
        help="The CAE opted to pay VAT on services when invoiced rather "
             "than when paid (CGI art. 269-2-c). The KPA products then use "
             "the \"on invoice\" taxes and every invoice says so.")

    def kpa_trade_name_phrase(self):
        """Under a KPA's brand on its documents, in the document's
        language: "Nom commercial d'Optéos, un KPA du réseau KPA-Cité"."""
        self.ensure_one()
        return trade_name_phrase(self, odoo_translator(self.env,
                                                       self.env.lang))

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "kpa_vat_on_debits" in vals:
            self._kpa_setup_company_sales()
        return res

    @api.model
    def _kpa_setup_sales(self):
        """At install: every company's KPA products."""
        self.search([])._kpa_setup_company_sales()

    def _kpa_setup_company_sales(self):
        """Give the KPA products of each company with a French chart their
        income account and VAT (the l10n_fr taxes; 10 % on payment, which
        l10n_fr lacks, is made from its 10 % on invoice), following the
        company's debit option. Idempotent."""
        for company in self:
            if not self.env["ir.model.data"].xmlid_to_res_id(
                    "l10n_fr.%d_tva_normale" % company.id):
                continue
            for xmlid, spec in SALES_PRODUCTS.items():
                product = self.env.ref(xmlid, raise_if_not_found=False)
                if product:
                    company._kpa_setup_product(product, spec)
            company._kpa_setup_fiscal_notes()

    def _kpa_setup_fiscal_notes(self):
        """The intra-EU and export fiscal positions print why there is no
        VAT: l10n_fr's note is in English and says nothing of the reverse
        charge a service to an EU business needs. A note someone changed
        stays."""
        self.ensure_one()
        french_loaded = self.env["res.lang"].search([("code", "=", "fr_FR")])
        for suffix, (english, french) in FISCAL_NOTES.items():
            fpos = self.env.ref("l10n_fr.%d_fiscal_position_template_%s" % (
                self.id, suffix), raise_if_not_found=False)
            if not fpos:
                continue
            fpos = fpos.sudo()
            note = fpos.with_context(lang="en_US").note or ""
            if note.startswith("French VAT exemption"):
                fpos.write({"note": english})
            elif note != english or fpos.with_context(
                    lang="fr_FR").note != english:
                # Someone's note, or ours already in French. French loaded
                # after the module reads the English one: it gets its own.
                continue
            if french_loaded:
                fpos.with_context(lang="fr_FR").write({"note": french})

    def _kpa_setup_product(self, product, spec):
        self.ensure_one()
        template = product.product_tmpl_id.sudo()
        taxes = self._kpa_sale_tax(spec["rate"], spec["service"])
        foreign = template.taxes_id.filtered(
            lambda tax: tax.company_id != self)
        if template.taxes_id != foreign | taxes:
            template.taxes_id = foreign | taxes
        account = self.env["account.account"].sudo().search([
            ("code", "=", spec["account"]), ("company_id", "=", self.id)],
            limit=1)
        in_company = template.with_context(force_company=self.id)
        if account and not in_company.property_account_income_id:
            in_company.property_account_income_id = account

    def _kpa_sale_tax(self, rate, service):
        """The French sales tax at ``rate``: on payment for services unless
        the company opted for debits, on invoice for goods."""
        self.ensure_one()
        suffix = {"20": "normale", "10": "intermediaire",
                  "5.5": "reduite"}[rate]
        on_payment = service and not self.kpa_vat_on_debits
        base = self.env.ref("l10n_fr.%d_tva_%s" % (self.id, suffix))
        if not on_payment:
            return base
        xmlid = "l10n_fr.%d_tva_%s_encaissement" % (self.id, suffix)
        tax = self.env.ref(xmlid, raise_if_not_found=False)
        if not tax:
            tax = self._kpa_make_on_payment_tax(base, suffix)
        return tax

    def _kpa_make_on_payment_tax(self, base, suffix):
        """l10n_fr has no 10 % on payment: copy its 10 % on invoice, and map
        it like the others in the intra-EU and export fiscal positions."""
        xmlid = "kpa_cooperative.%d_tva_%s_encaissement" % (self.id, suffix)
        tax = self.env.ref(xmlid, raise_if_not_found=False)
        if tax:
            return tax
        # Like l10n_fr's own on-payment taxes: booked on the waiting account
        # until paid, then moved to the 10 % collected VAT account.
        model = self.env.ref(
            "l10n_fr.%d_tva_normale_encaissement" % self.id)
        tax = base.sudo().copy({
            "tax_exigibility": "on_payment",
            "account_id": model.account_id.id,
            "refund_account_id": model.account_id.id,
            "cash_basis_account": base.account_id.id,
        })
        # account.tax.copy() names it "... (copy)" and copies the 10 %'s
        # translations: name it like l10n_fr's, in every language.
        tax.write({
            "name": "TVA à l'encaissement (vente) %s%%" % (
                ("%.1f" % base.amount).replace(".", ",")),
            "description": "TVA à l'encaissement %g%%" % base.amount,
        })
        self.env["ir.translation"].sudo().search([
            ("name", "in", ("account.tax,name", "account.tax,description")),
            ("res_id", "=", tax.id)]).unlink()
        self.env["ir.model.data"].sudo().create({
            "module": "kpa_cooperative",
            "name": xmlid.split(".", 1)[1],
            "model": "account.tax",
            "res_id": tax.id,
            "noupdate": True,
        })
        mappings = self.env["account.fiscal.position.tax"].sudo().search([
            ("tax_src_id", "=", base.id)])
        for mapping in mappings:
            mapping.copy({"tax_src_id": tax.id})
        return tax
