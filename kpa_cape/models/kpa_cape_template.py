# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# The clauses a CAPE copies from its template when it is written: the
# contract keeps its own copy, so a signed CAPE never changes when the CAE
# edits the template later.
CLAUSE_FIELDS = {
    "programme": "kpa_programme",
    "commitments_before": "kpa_commitments_before",
    "commitments_after": "kpa_commitments_after",
    "means": "kpa_means",
    "fee": "kpa_fee",
    "fee_terms": "kpa_fee_terms",
    "third_party_nature": "kpa_third_party_nature",
    "third_party_max": "kpa_third_party_max",
    "third_party_bearer": "kpa_third_party_bearer",
    "reporting_frequency": "kpa_reporting_frequency",
    "reporting_terms": "kpa_reporting_terms",
    "termination_terms": "kpa_termination_terms",
    "remuneration_terms": "kpa_remuneration_terms",
    "contribution_terms": "kpa_contribution_terms",
}

THIRD_PARTY_BEARERS = [
    ("cae", "The CAE"),
    ("beneficiary", "The beneficiary"),
    ("shared", "Shared"),
]
REPORTING_FREQUENCIES = [
    ("weekly", "Every week"),
    ("monthly", "Every month"),
    ("quarterly", "Every quarter"),
]


class KpaCapeTemplate(models.Model):
    """The clauses (Code de commerce R127-1) the CAE writes once and every
    new CAPE of the company starts from, as OCA ``contract.template``."""

    _name = "kpa.cape.template"
    _description = "CAPE template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(
        default=10,
        help="The first active template of the company is the one a new "
             "CAPE starts from.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Company", index=True,
        default=lambda self: self.env.user.company_id,
        help="Empty: a template for every company.")
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", readonly=True)
    programme = fields.Text(string="Preparation programme", translate=True)
    commitments_before = fields.Text(
        string="Commitments before the activity starts", translate=True)
    commitments_after = fields.Text(
        string="Commitments after the activity starts", translate=True)
    means = fields.Text(string="Means provided", translate=True)
    fee = fields.Monetary(
        string="Fee paid to the CAE",
        help="Fixed amount, if any, on top of the KPA's share of revenue.")
    fee_terms = fields.Char(translate=True)
    third_party_nature = fields.Text(
        string="Commitments to third parties", translate=True)
    third_party_max = fields.Monetary(
        string="Maximum amount of commitments")
    third_party_bearer = fields.Selection(
        THIRD_PARTY_BEARERS, string="Commitments borne by", default="cae")
    reporting_frequency = fields.Selection(
        REPORTING_FREQUENCIES, default="weekly",
        help="How often the beneficiary reports their accounting data.")
    reporting_terms = fields.Text(
        string="How accounting data are reported", translate=True)
    termination_terms = fields.Text(
        string="Early termination", translate=True)
    remuneration_terms = fields.Text(translate=True)
    contribution_terms = fields.Text(
        string="Repayment of social contributions", translate=True)

    @api.model
    def _default_for_company(self, company):
        """The template a new CAPE of ``company`` starts from: the first of
        the company, else the first shared one (none: an empty record)."""
        templates = self.search([("company_id", "in", [company.id, False])])
        own = templates.filtered(lambda t: t.company_id == company)
        return (own or templates)[:1]

    @api.multi
    def _clause_values(self):
        """The clauses as values of hr.contract, read in the user's
        language."""
        self.ensure_one()
        return {contract_field: self[name]
                for name, contract_field in CLAUSE_FIELDS.items()}
