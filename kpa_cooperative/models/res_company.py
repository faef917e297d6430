# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..services.invoice_rules import FISCAL_NOTES, SALES_PRODUCTS
from ..services.issuer import odoo_translator, trade_name_phrase

# The CAE contribution entries (models/kpa_contribution.py): field, code in
# the French chart, name, type. Names of the CAE's chart, so in French.
CONTRIBUTION_ACCOUNTS = (
    ("kpa_contribution_expense_account_id", "658100",
     "Contribution des KPA à la CAE", "account.data_account_type_expenses"),
    ("kpa_contribution_income_account_id", "758100",
     "Contributions reçues des KPA", "account.data_account_type_revenue"),
    ("kpa_reserve_expense_account_id", "658200",
     "Dotation à la réserve des KPA", "account.data_account_type_expenses"),
    ("kpa_reserve_income_account_id", "758200",
     "Réserve des KPA", "account.data_account_type_revenue"),
)
CONTRIBUTION_JOURNAL = ("CTRB", "Contributions KPA")
CAE_ANALYTIC_NAME = "CAE – structure"


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

    # The CAE contribution and the KPA reserve booked at each payment
    # (models/kpa_contribution.py); made at install and with a new chart.
    kpa_contribution_journal_id = fields.Many2one(
        "account.journal", string="KPA contributions journal",
        help="Where the CAE contribution and the KPA reserve are booked at "
             "each client payment of a KPA (made by the payment, never by "
             "hand).")
    kpa_contribution_expense_account_id = fields.Many2one(
        "account.account", string="Contribution paid by the KPAs",
        help="Debited with the CAE contribution, on the KPA's analytic "
             "account (658100).")
    kpa_contribution_income_account_id = fields.Many2one(
        "account.account", string="Contribution received by the CAE",
        help="Credited with the CAE contribution, on the CAE's analytic "
             "account (758100).")
    kpa_reserve_expense_account_id = fields.Many2one(
        "account.account", string="Reserve set aside by the KPAs",
        help="Debited with the reserve, on the KPA's analytic account "
             "(658200).")
    kpa_reserve_income_account_id = fields.Many2one(
        "account.account", string="Reserve of the KPAs",
        help="Credited with the reserve, on the KPA's reserve analytic "
             "account (758200).")
    kpa_cae_analytic_account_id = fields.Many2one(
        "account.analytic.account", string="CAE analytic account",
        help="The CAE's own structure: it receives the contributions.")

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
    def _kpa_setup_contribution(self):
        """At install: the contribution journal, accounts and analytic
        accounts of every company with a chart, and each KPA's reserve
        analytic account."""
        self.search([])._kpa_setup_company_contribution()
        self.env["kpa.cooperative"].with_context(active_test=False).search(
            [])._kpa_ensure_reserve_analytic()

    def _kpa_setup_company_contribution(self):
        """Make what the contribution entries need in each company of
        ``self`` that has a chart of accounts, if missing. Idempotent:
        accounts someone chose stay."""
        Account = self.env["account.account"].sudo()
        for company in self.sudo():
            if not company.chart_template_id and not Account.search_count(
                    [("company_id", "=", company.id)]):
                continue
            values = {}
            for field, code, name, type_xmlid in CONTRIBUTION_ACCOUNTS:
                if company[field]:
                    continue
                account = Account.search([
                    ("code", "=", code), ("company_id", "=", company.id)],
                    limit=1) or Account.create({
                        "code": code, "name": name,
                        "user_type_id": self.env.ref(type_xmlid).id,
                        "company_id": company.id})
                values[field] = account.id
            if not company.kpa_contribution_journal_id:
                values["kpa_contribution_journal_id"] = \
                    company._kpa_make_contribution_journal().id
            if not company.kpa_cae_analytic_account_id:
                values["kpa_cae_analytic_account_id"] = self.env[
                    "account.analytic.account"].sudo().create({
                        "name": CAE_ANALYTIC_NAME,
                        "company_id": company.id}).id
            if values:
                company.write(values)

    def _kpa_make_contribution_journal(self):
        self.ensure_one()
        Journal = self.env["account.journal"].sudo()
        code, name = CONTRIBUTION_JOURNAL
        journal = Journal.with_context(active_test=False).search([
            ("code", "=", code), ("company_id", "=", self.id),
            ("type", "=", "general")], limit=1)
        return journal or Journal.create({
            "name": name, "code": code, "type": "general",
            "company_id": self.id, "show_on_dashboard": False,
            "update_posted": False})

    def _kpa_contribution_setup(self):
        """The journal, accounts and CAE analytic account of the
        contribution entries (made if missing), as a dict by field."""
        self.ensure_one()
        company = self.sudo()
        names = ["kpa_contribution_journal_id",
                 "kpa_cae_analytic_account_id"] + [
            spec[0] for spec in CONTRIBUTION_ACCOUNTS]
        if not all(company[name] for name in names):
            company._kpa_setup_company_contribution()
        return {name: company[name] for name in names}

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
