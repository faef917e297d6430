# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the parties state when a CAPE is signed (Code de commerce L127-1 to
L127-3, R127-1): the date the economic activity starts, the minor's legal
representative, the eligibility answers kept for the funders, the KPA's
rates the CAE's fee is computed from; and the checks the signature and the
renewals run (birthdate, age, representative, full-time job elsewhere,
36 months in all)."""
from odoo import _, api, fields, models

from odoo.addons.kpa_cooperative.services.formatting import (
    fmt_hours, fmt_number)

from ..services import cape_rules as rules
from .hr_contract import _date


def _fee_rates(kpa):
    """The KPA's rates the CAE's fee is computed from, as contract values."""
    kpa = kpa.sudo()
    return {"kpa_fee_contribution_rate": kpa.contribution_rate,
            "kpa_fee_reserve_rate": kpa.reserve_rate}


def _fmt_months(months):
    """``24.0`` -> ``"24"``, ``2.5`` -> ``"2,5"``."""
    return fmt_number(months, decimals=1).rstrip("0").rstrip(",")


class HrContract(models.Model):
    _inherit = "hr.contract"

    kpa_activity_start = fields.Date(
        string="Economic activity starts on", track_visibility="onchange",
        help="The day the beneficiary starts selling (the commitments "
             "\"after the activity starts\" run from then).")
    kpa_guardian_quality = fields.Char(
        string="Quality of the legal representative",
        track_visibility="onchange",
        help="Mother, father, guardian...: who signs for a minor.")
    kpa_other_job = fields.Boolean(
        string="Other job", track_visibility="onchange",
        help="The beneficiary is employed elsewhere too (L127-1: a CAPE is "
             "for a person who is not a full-time employee).")
    kpa_other_job_hours = fields.Float(
        string="Hours per week in the other job", digits=(4, 1),
        track_visibility="onchange")
    kpa_eligibility_note = fields.Char(
        string="Other situation", track_visibility="onchange",
        help="Anything else stated at signature (training, other "
             "allowance...). ARE, RSA and the other benefits kept are in "
             "Social benefits kept.")
    kpa_fee_contribution_rate = fields.Float(
        string="CAE contribution (signed)", digits=(3, 4), copy=False,
        readonly=True,
        help="The KPA's contribution rate when the CAPE was signed: the "
             "fee the contract states (R127-1).")
    kpa_fee_reserve_rate = fields.Float(
        string="Reserve (signed)", digits=(3, 4), copy=False, readonly=True,
        help="The KPA's reserve rate when the CAPE was signed.")

    @api.model
    def _kpa_prepare_cape_vals(self, vals):
        """A new CAPE states its KPA's rates (refreshed at signature) and
        leaves the commitments to third parties with the CAE (L127-3)
        unless its template or its writer says otherwise."""
        vals = super()._kpa_prepare_cape_vals(vals)
        kpa = self.env["kpa.cooperative"].browse(vals.get("kpa_id"))
        if kpa:
            vals.update(_fee_rates(kpa))
        if not vals.get("kpa_third_party_bearer"):
            vals["kpa_third_party_bearer"] = "cae"
        return vals

    # ------------------------------------------------------------------
    # The 36 months in all
    # ------------------------------------------------------------------
    def _kpa_months_used_elsewhere(self):
        """Months of the person's other signed CAPEs with the same CAE
        (every term, up to their end or exit)."""
        self.ensure_one()
        others = self.sudo().search([
            ("id", "!=", self.id),
            ("kpa_is_cape", "=", True),
            ("kpa_partner_id", "=", self.kpa_partner_id.id),
            ("company_id", "=", self.company_id.id),
            ("state", "not in", ("draft", "cancel")),
        ])
        total = 0.0
        for other in others:
            end = min(filter(None, (_date(other.date_end),
                                    _date(other.kpa_exit_date))))
            total += rules.months_between(_date(other.date_start), end)
        return round(total, 1)

    def _kpa_months_message(self, used, asked):
        left = max(0.0, rules.MAX_TOTAL_MONTHS - used)
        return _(
            "The successive CAPEs of %s with %s last 36 months in all at "
            "most: %s months used by the other CAPEs, %s left; this CAPE "
            "would bring it to %s months.") % (
            self.kpa_partner_id.name, self.company_id.name,
            _fmt_months(used), _fmt_months(left),
            _fmt_months(used + asked))

    # ------------------------------------------------------------------
    # The signature
    # ------------------------------------------------------------------
    def _kpa_signature_refusal(self):
        """The French reason this draft cannot be signed, or None."""
        self.ensure_one()
        partner = self.kpa_partner_id.sudo()
        start = _date(self.date_start)
        used = self._kpa_months_used_elsewhere()
        asked = rules.months_between(start, _date(self.date_end))
        problem = rules.signature_problem(
            _date(partner.kpa_birthdate), start, self.kpa_parental_consent,
            self.kpa_guardian_name, self.kpa_guardian_quality,
            self.kpa_other_job, self.kpa_other_job_hours, used, asked)
        who = partner.name
        if problem == rules.NO_BIRTHDATE:
            return _("The birthdate of %s is unknown: record it on their "
                     "contact before signing the CAPE (nobody signs before "
                     "16, a minor signs with their legal representative).") \
                % who
        if problem == rules.GUARDIAN_MISSING:
            return _("%s is a minor on the start date: give the name and "
                     "the quality (mother, father, guardian...) of their "
                     "legal representative, who signs the CAPE too.") % who
        if problem == rules.OTHER_JOB_HOURS_MISSING:
            return _("%s has another job: give its hours per week (a "
                     "full-time employee elsewhere cannot sign a CAPE).") \
                % who
        if problem == rules.FULL_TIME_ELSEWHERE:
            return _("%s works %s a week in another job: a CAPE is for a "
                     "person who is not a full-time employee (Code de "
                     "commerce, article L127-1).") % (
                who, fmt_hours(self.kpa_other_job_hours))
        if problem == rules.TOO_MANY_MONTHS:
            return self._kpa_months_message(used, asked)
        if problem:
            return self._kpa_refusal(problem)
        return None

    def _kpa_signature_values(self):
        """What the signature records on the contract: the KPA's rates of
        the day."""
        self.ensure_one()
        return _fee_rates(self.kpa_id)

    def _kpa_renewal_refusal(self, date_end):
        """The 36 months in all, for a renewal up to ``date_end`` (a
        date)."""
        self.ensure_one()
        used = self._kpa_months_used_elsewhere()
        asked = rules.months_between(_date(self.date_start), date_end)
        if rules.total_months_problem(used, asked):
            return self._kpa_months_message(used, asked)
        return None
