# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Contribution rates as records: per kind of contract and period of
validity, so that a CAE updates them each January without code."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.kpa_cooperative.services.formatting import fmt_date

# The kinds of contract a profile applies to; hr.contract.kpa_rate_kind.
RATE_KINDS = [
    ("cape", "CAPE"),
    ("cape_acre", "CAPE with ACRE"),
    ("cesa", "CESA salaried entrepreneur"),
]
DEFAULT_KIND = "cape"


class KpaRemunerationRateProfile(models.Model):
    """The employee and employer shares of gross pay of one kind of
    contract, in one company, from one date to another. The weekly figures
    take the profile in force on the week's last day; without one, the
    company's own shares (``res.company.kpa_employee_rate``)."""

    _name = "kpa.remuneration.rate.profile"
    _description = "Contribution rate profile"
    _order = "company_id, kind, date_from desc"

    name = fields.Char(required=True)
    kind = fields.Selection(
        RATE_KINDS, string="Kind of contract", required=True,
        default=DEFAULT_KIND, index=True)
    date_from = fields.Date(string="Valid from", required=True, index=True)
    date_to = fields.Date(
        string="Valid until",
        help="Empty: until further notice. Close it before adding the next "
             "year's profile.")
    employee_rate = fields.Float(
        string="Employee share", required=True, digits=(3, 4),
        help="Employee contributions as a share of gross pay: "
             "gross = net / (1 - this share).")
    employer_rate = fields.Float(
        string="Employer share", required=True, digits=(3, 4),
        help="Employer contributions as a share of gross pay.")
    company_id = fields.Many2one(
        "res.company", string="Company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    active = fields.Boolean(default=True)
    note = fields.Text(
        help="Where the rates come from. The rates are estimates: check "
             "them with your payroll provider.")

    @api.constrains("employee_rate", "employer_rate", "date_from",
                    "date_to")
    def _check_kpa_values(self):
        for profile in self:
            if not 0 <= profile.employee_rate < 1 \
                    or not 0 <= profile.employer_rate < 1:
                raise ValidationError(_(
                    "The employee and employer shares are shares of gross "
                    "pay: each between 0 %% and 100 %% (%s).") % profile.name)
            if profile.date_to and profile.date_to < profile.date_from:
                raise ValidationError(_(
                    "The rate profile %s ends before it starts.")
                    % profile.name)

    @api.constrains("kind", "company_id", "date_from", "date_to", "active")
    def _check_kpa_overlap(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for profile in self.filtered("active"):
            domain = [
                ("id", "!=", profile.id),
                ("company_id", "=", profile.company_id.id),
                ("kind", "=", profile.kind),
                "|", ("date_to", "=", False),
                ("date_to", ">=", profile.date_from)]
            if profile.date_to:
                domain.append(("date_from", "<=", profile.date_to))
            other = self.sudo().search(domain, order="date_from", limit=1)
            if other:
                raise ValidationError(_(
                    "The rate profile %s overlaps %s (%s, from %s%s): two "
                    "profiles of the same kind of contract cannot be in "
                    "force on the same day. Close the older one (its "
                    "\"Valid until\" date) the day before the new one "
                    "starts.") % (
                    profile.name, other.name, kinds.get(other.kind),
                    fmt_date(other.date_from),
                    _(" to %s") % fmt_date(other.date_to)
                    if other.date_to else _(", with no end")))

    @api.model
    def _kpa_profile(self, company, kind, day):
        """The profile of ``kind`` in force on ``day`` in ``company``."""
        if isinstance(day, str):
            day = fields.Date.from_string(day)
        day = fields.Date.to_string(day)
        return self.sudo().search([
            ("company_id", "=", company.id), ("kind", "=", kind),
            ("date_from", "<=", day),
            "|", ("date_to", "=", False), ("date_to", ">=", day),
        ], order="date_from desc", limit=1)

    @api.model
    def _kpa_rates(self, company, kind, day):
        """(employee share, employer share) of ``kind`` on ``day``: its
        profile's, else the company's."""
        profile = self._kpa_profile(company, kind or DEFAULT_KIND, day)
        if profile:
            return profile.employee_rate, profile.employer_rate
        company = company.sudo()
        return company.kpa_employee_rate, company.kpa_employer_rate
