# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The CAPE as a contract: its parties, dates, terms and checks.

The other concerns of a CAPE are in their own files, on the same model:
its clauses (``hr_contract_clause.py``), its life cycle
(``hr_contract_lifecycle.py``); the member as an employee in
``hr_employee.py``, the funders' figures in ``report/``.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kpa_cooperative.models.kpa_membership import EXIT_OUTCOMES
from odoo.addons.kpa_cooperative.services.formatting import fmt_date
from odoo.addons.kpa_cooperative.services.trust import is_trusted, trusted

from ..services import cape_rules as rules

# Once signed, these make the CAPE what it is: they change only through a
# renewal or an exit, never by editing the form.
LOCKED_FIELDS = ("kpa_is_cape", "kpa_id", "kpa_partner_id", "employee_id",
                 "date_start", "date_end", "type_id",
                 # and what was signed: the clauses and the parental consent
                 "kpa_parental_consent", "kpa_parental_consent_date",
                 "kpa_guardian_name", "kpa_activity", "kpa_programme",
                 "kpa_commitments_before", "kpa_commitments_after",
                 "kpa_means", "kpa_fee", "kpa_fee_terms",
                 "kpa_third_party_nature", "kpa_third_party_max",
                 "kpa_third_party_bearer", "kpa_reporting_frequency",
                 "kpa_reporting_terms", "kpa_termination_terms",
                 "kpa_remuneration_terms", "kpa_contribution_terms",
                 "kpa_template_id",
                 # and what the parties stated at signature
                 "kpa_activity_start", "kpa_guardian_quality",
                 "kpa_other_job", "kpa_other_job_hours",
                 "kpa_eligibility_note", "kpa_fee_contribution_rate",
                 "kpa_fee_reserve_rate")
LIVE_STATES = ("open", "pending")


def _date(value):
    return fields.Date.from_string(value) if value else None


_fmt = fmt_date


class HrContract(models.Model):
    """A CAPE (Contrat d'Appui au Projet d'Entreprise) is an hr.contract of
    type CAPE between the CAE and a member of one of its KPAs. Every CAPE
    behaviour applies to CAPEs only (``kpa_is_cape``): the company's other
    contracts keep Odoo's."""

    _name = "hr.contract"
    _inherit = ["hr.contract", "kpa.guard.mixin", "mail.activity.mixin"]
    # On a CAPE (other contracts keep Odoo's behaviour): the state and the
    # exit change through the actions only (sign, renew, cancel, end).
    _kpa_protected_fields = ("state", "kpa_term_ids", "kpa_exit_outcome",
                             "kpa_exit_date", "kpa_exit_note",
                             "kpa_reminder_level")

    name = fields.Char(default=lambda self: self._default_kpa_name())
    kpa_is_cape = fields.Boolean(string="CAPE", index=True, copy=False)
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", index=True, ondelete="restrict",
        track_visibility="onchange")
    kpa_partner_id = fields.Many2one(
        "res.partner", string="Member", index=True, ondelete="restrict",
        track_visibility="onchange",
        help="The person who tests an activity under the CAE's SIRET.")
    kpa_coach_id = fields.Many2one(
        "res.users", string="Coach", track_visibility="onchange",
        default=lambda self: self._default_kpa_coach_id(),
        help="Follows the member and gets the renewal reminders.")
    kpa_term_ids = fields.One2many(
        "kpa.cape.term", "contract_id", string="Terms", copy=False,
        readonly=True)
    kpa_renewal_count = fields.Integer(
        string="Renewals", compute="_compute_kpa_renewal_count", store=True,
        help="A CAPE is renewed at most twice.")
    kpa_renewals_left = fields.Integer(
        string="Renewals left", compute="_compute_kpa_renewal_count")
    kpa_term_start = fields.Date(
        string="Current term from", compute="_compute_kpa_renewal_count")
    kpa_parental_consent = fields.Boolean(
        string="Parental consent", track_visibility="onchange",
        help="Needed before the CAPE of a 16 or 17 year old runs.")
    kpa_parental_consent_date = fields.Date(
        string="Consent given on", track_visibility="onchange")
    kpa_guardian_name = fields.Char(
        string="Legal representative", track_visibility="onchange",
        help="Who signs the CAPE of a minor with them (name).")
    kpa_is_minor = fields.Boolean(
        string="Minor", compute="_compute_kpa_is_minor")
    kpa_benefit_ids = fields.Many2many(
        "kpa.cape.benefit", "hr_contract_kpa_cape_benefit_rel",
        "contract_id", "benefit_id", string="Social benefits kept")
    kpa_exit_outcome = fields.Selection(
        EXIT_OUTCOMES, string="Exit outcome", track_visibility="onchange",
        copy=False)
    kpa_exit_date = fields.Date(
        string="Ended on", track_visibility="onchange", copy=False)
    kpa_exit_note = fields.Text(string="Exit note", copy=False)
    kpa_reminder_level = fields.Integer(
        string="Reminder sent", copy=False,
        help="Days before the end of the last reminder sent for this term.")
    kpa_followup_ids = fields.One2many(
        "kpa.followup", "contract_id", string="Follow-up",
        groups="kpa_cooperative.group_kpa_coordinator")
    # Stored: the funder report sums it (refreshed by the daily cron while
    # the CAPE runs).
    kpa_months = fields.Float(
        string="Months under CAPE", compute="_compute_kpa_months",
        store=True, digits=(6, 1), group_operator="sum")

    # ------------------------------------------------------------------
    # Defaults and computed fields
    # ------------------------------------------------------------------
    @api.model
    def _default_kpa_name(self):
        # The number comes from a sequence when the CAPE is saved.
        return "/" if self.env.context.get("default_kpa_is_cape") else False

    @api.model
    def _default_kpa_coach_id(self):
        # The one who writes a CAPE coaches it, unless they choose another
        # coach; a plain HR contract has no coach.
        return self.env.user \
            if self.env.context.get("default_kpa_is_cape") else False

    @api.depends("kpa_term_ids.number", "kpa_term_ids.date_start")
    def _compute_kpa_renewal_count(self):
        for contract in self:
            terms = contract.kpa_term_ids.sorted("number")
            contract.kpa_renewal_count = len(terms.filtered(
                lambda t: t.kind == "renewal"))
            contract.kpa_renewals_left = max(
                0, rules.MAX_RENEWALS - contract.kpa_renewal_count)
            contract.kpa_term_start = terms[-1:].date_start \
                or contract.date_start

    @api.depends("kpa_partner_id.kpa_birthdate", "date_start")
    def _compute_kpa_is_minor(self):
        for contract in self:
            contract.kpa_is_minor = rules.is_minor(
                _date(contract.kpa_partner_id.kpa_birthdate),
                _date(contract.date_start))

    @api.depends("date_start", "date_end", "kpa_exit_date", "state")
    def _compute_kpa_months(self):
        today = _date(fields.Date.context_today(self))
        for contract in self:
            if not contract.kpa_is_cape \
                    or contract.state in ("draft", "cancel"):
                contract.kpa_months = 0.0
                continue
            end = _date(contract.kpa_exit_date or contract.date_end)
            if contract.state in LIVE_STATES:
                end = min(end or today, today)
            contract.kpa_months = rules.months_between(
                _date(contract.date_start), end)

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    def _kpa_refusal(self, problem):
        """The French sentence for a problem code of the CAPE rules."""
        who = self.kpa_partner_id.name or self.name
        if problem == rules.NO_END:
            return _("A CAPE is written for a fixed term: give the end date "
                     "of the CAPE of %s.") % who
        if problem == rules.END_BEFORE_START:
            return _("The CAPE of %s ends before it starts (%s to %s).") % (
                who, _fmt(self.kpa_term_start or self.date_start),
                _fmt(self.date_end))
        if problem == rules.TERM_TOO_LONG:
            start = _date(self.kpa_term_start or self.date_start)
            return _("A CAPE term lasts at most 12 months: the term of %s "
                     "that starts on %s ends on %s at the latest.") % (
                who, _fmt(start), _fmt(rules.default_end(start)))
        if problem == rules.TOO_MANY_RENEWALS:
            return _("The CAPE of %s has already been renewed twice: the "
                     "law allows no third renewal.") % who
        if problem == rules.TOO_YOUNG:
            return _("%s is under 16 on the start date: nobody can sign a "
                     "CAPE before 16.") % who
        if problem == rules.CONSENT_MISSING:
            return _("%s is 16 or 17 on the start date: record the parental "
                     "consent before the CAPE runs.") % who
        return problem

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        # Odoo's own check, read as superuser: a coordinator writing for
        # another KPA must get the AccessError, not a wrapped one.
        return super(HrContract, self.sudo())._check_dates()

    @api.constrains("kpa_is_cape", "kpa_id", "kpa_partner_id")
    def _check_kpa_cape_parties(self):
        for contract in self.sudo().filtered("kpa_is_cape"):
            if not contract.kpa_id or not contract.kpa_partner_id:
                raise ValidationError(_(
                    "A CAPE is signed by a member of a KPA: choose the KPA "
                    "and the member (%s).") % contract.name)

    @api.constrains("kpa_is_cape", "date_start", "date_end")
    def _check_kpa_cape_term(self):
        for contract in self.sudo().filtered("kpa_is_cape"):
            problem = rules.term_problem(
                _date(contract.kpa_term_start or contract.date_start),
                _date(contract.date_end))
            if problem:
                raise ValidationError(contract._kpa_refusal(problem))

    @api.constrains("kpa_is_cape", "kpa_partner_id", "date_start", "date_end",
                    "state")
    def _check_kpa_cape_overlap(self):
        for contract in self.sudo().filtered("kpa_is_cape"):
            if contract.state == "cancel":
                continue
            others = self.sudo().search([
                ("id", "!=", contract.id),
                ("kpa_is_cape", "=", True),
                ("kpa_partner_id", "=", contract.kpa_partner_id.id),
                ("state", "!=", "cancel"),
            ])
            for other in others:
                if rules.overlaps(
                        _date(contract.date_start), _date(contract.date_end),
                        _date(other.date_start), _date(other.date_end)):
                    raise ValidationError(_(
                        "%s already has a CAPE over these dates (%s, %s to "
                        "%s): one person, one CAPE at a time.") % (
                        contract.kpa_partner_id.name, other.name,
                        _fmt(other.date_start), _fmt(other.date_end)))

    @api.constrains("kpa_is_cape", "kpa_partner_id", "date_start", "state",
                    "kpa_parental_consent")
    def _check_kpa_cape_age(self):
        for contract in self.sudo().filtered("kpa_is_cape"):
            problem = rules.age_problem(
                _date(contract.kpa_partner_id.kpa_birthdate),
                _date(contract.date_start), contract.kpa_parental_consent)
            if problem == rules.CONSENT_MISSING \
                    and contract.state not in LIVE_STATES:
                continue  # a draft may wait for the consent
            if problem:
                raise ValidationError(contract._kpa_refusal(problem))

    # ------------------------------------------------------------------
    # Create, write
    # ------------------------------------------------------------------
    @api.onchange("date_start")
    def _onchange_kpa_date_start(self):
        if self.kpa_is_cape and self.date_start and not self.kpa_term_ids:
            self.date_end = fields.Date.to_string(
                rules.default_end(_date(self.date_start)))

    @api.onchange("kpa_partner_id")
    def _onchange_kpa_partner_id(self):
        if self.kpa_partner_id:
            self.employee_id = self.env["hr.employee"] \
                ._kpa_find_for_partner(self.kpa_partner_id)

    @api.onchange("kpa_id")
    def _onchange_kpa_id(self):
        if self.kpa_id:
            self.company_id = self.kpa_id.company_id

    @api.model
    def _kpa_prepare_cape_vals(self, vals):
        """The values of a new CAPE: its type, company, term, number, the
        member as an employee and its coach."""
        vals = dict(vals)
        kpa = self.env["kpa.cooperative"].browse(vals.get("kpa_id"))
        partner = self.env["res.partner"].browse(vals.get("kpa_partner_id"))
        vals["type_id"] = self.env.ref("kpa_cape.hr_contract_type_cape").id
        vals.setdefault("wage", 0.0)
        vals.setdefault("kpa_coach_id", self.env.uid)
        if kpa:
            vals["company_id"] = kpa.sudo().company_id.id
        if not vals.get("date_start"):
            vals["date_start"] = fields.Date.context_today(self)
        if not vals.get("date_end"):
            vals["date_end"] = fields.Date.to_string(
                rules.default_end(_date(vals["date_start"])))
        if partner and not vals.get("employee_id"):
            vals["employee_id"] = self.env["hr.employee"] \
                ._kpa_ensure_for_partner(
                    partner,
                    kpa.sudo().company_id or self.env.user.company_id).id
        if not vals.get("name") or vals["name"] == "/":
            vals["name"] = self.env["ir.sequence"].sudo().next_by_code(
                "kpa.cape.contract") or "/"
        return vals

    @api.model
    def create(self, vals):
        if vals.get("kpa_is_cape"):
            vals = self._kpa_prepare_cape_vals(vals)
        contract = super().create(vals)
        if contract.kpa_is_cape:
            trusted(contract.sudo()).write({"kpa_term_ids": [(0, 0, {
                "number": 0,
                "kind": "initial",
                "date_start": contract.date_start,
                "date_end": contract.date_end,
            })]})
        return contract

    def _kpa_guard_create(self, vals):
        if vals.get("kpa_is_cape"):
            return super()._kpa_guard_create(vals)
        return None

    def _kpa_guard_write(self, vals):
        if "kpa_is_cape" in vals and self._kpa_changes(vals, ["kpa_is_cape"]):
            raise UserError(_(
                "A contract is a CAPE from its creation, or never."))
        capes = self.filtered("kpa_is_cape")
        return super(HrContract, capes)._kpa_guard_write(vals) \
            if capes else None

    @api.multi
    def write(self, vals):
        if not is_trusted(self):
            self.filtered("kpa_is_cape")._kpa_check_writer()
            for contract in self.filtered(
                    lambda c: c.kpa_is_cape and c.state != "draft"):
                changed = contract._kpa_changes(vals, LOCKED_FIELDS)
                if changed:
                    labels = [self._fields[name].get_description(
                        self.env)["string"] for name in changed]
                    raise UserError(_(
                        "The CAPE %s is signed: %s cannot change any more. "
                        "Renew it or end it instead.") % (
                        contract.name, ", ".join(labels)))
        if vals.get("kpa_partner_id") and not vals.get("employee_id"):
            partner = self.env["res.partner"].browse(vals["kpa_partner_id"])
            capes = self.filtered("kpa_is_cape")
            if capes:
                vals = dict(vals, employee_id=self.env["hr.employee"]
                            ._kpa_ensure_for_partner(
                                partner, capes[0].company_id).id)
        res = super().write(vals)
        if {"date_start", "date_end"} & set(vals) and not is_trusted(self):
            # A draft has one term: it follows the dates of the form.
            for contract in self.filtered(
                    lambda c: c.kpa_is_cape and len(c.kpa_term_ids) == 1):
                trusted(contract.kpa_term_ids.sudo()).write({
                    "date_start": contract.date_start,
                    "date_end": contract.date_end,
                })
        return res

    @api.multi
    def unlink(self):
        if any(c.kpa_is_cape and c.state != "draft" for c in self):
            raise UserError(_(
                "A signed CAPE stays on record: end it or cancel it, do not "
                "delete it."))
        return super().unlink()
