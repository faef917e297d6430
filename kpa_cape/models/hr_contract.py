# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kpa_cooperative.models.kpa_membership import EXIT_OUTCOMES
from odoo.addons.kpa_cooperative.services.formatting import fmt_date
from odoo.addons.kpa_cooperative.services.people import (
    AGE_BANDS, age_band, age_on)
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
                 "kpa_remuneration_terms", "kpa_contribution_terms")
LIVE_STATES = ("open", "pending")


def _date(value):
    return fields.Date.from_string(value) if value else None


_fmt = fmt_date


class HrContract(models.Model):
    """A CAPE (Contrat d'Appui au Projet d'Entreprise) is an hr.contract of
    type CAPE between the CAE and a member of one of its KPAs."""

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
        default=lambda self: self.env.user,
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
        string="Legal guardian", track_visibility="onchange")
    kpa_is_minor = fields.Boolean(
        string="Minor", compute="_compute_kpa_is_minor")
    kpa_benefit_ids = fields.Many2many(
        "kpa.cape.benefit", "hr_contract_kpa_cape_benefit_rel",
        "contract_id", "benefit_id", string="Social benefits kept")
    # The content Code de commerce R127-1 requires in the written contract.
    kpa_activity = fields.Text(
        string="Activity tested", track_visibility="onchange")
    kpa_programme = fields.Text(
        string="Preparation programme", track_visibility="onchange",
        default=lambda self: _(
            "Individual meetings with the coach at least once a month, "
            "collective workshops of the KPA (pricing, quotes and invoices, "
            "customer relations, cooperation), trial sales under the KPA "
            "brand."))
    kpa_commitments_before = fields.Text(
        string="Commitments before the activity starts",
        track_visibility="onchange",
        default=lambda self: _(
            "The CAE provides the accompaniment and the means listed below; "
            "the beneficiary follows the preparation programme and takes part "
            "in the life of the KPA."))
    kpa_commitments_after = fields.Text(
        string="Commitments after the activity starts",
        track_visibility="onchange",
        default=lambda self: _(
            "The CAE invoices the clients under its SIRET, keeps the accounts "
            "and pays the remuneration declared; the beneficiary reports "
            "their activity, respects the commitments made with the CAE's "
            "agreement and the charter of the KPA."))
    kpa_means = fields.Text(
        string="Means provided", track_visibility="onchange",
        default=lambda self: _(
            "The places and equipment of the KPA, the CAE's insurance, "
            "invoicing and accounting by the CAE, individual and collective "
            "accompaniment."))
    kpa_fee = fields.Monetary(
        string="Fee paid to the CAE", track_visibility="onchange",
        help="Fixed amount, if any, on top of the KPA's share of revenue.")
    kpa_fee_terms = fields.Char(
        string="Fee terms", track_visibility="onchange",
        default=lambda self: _(
            "A share of the revenue cashed, as set for the KPA; no other fee."))
    kpa_third_party_nature = fields.Text(
        string="Commitments to third parties", track_visibility="onchange",
        default=lambda self: _(
            "Purchases and quotes needed for the activity tested, made in the "
            "name of the CAE with its prior agreement."))
    kpa_third_party_max = fields.Monetary(
        string="Maximum amount of commitments", track_visibility="onchange",
        default=1500.0)
    kpa_third_party_bearer = fields.Selection([
        ("cae", "The CAE"),
        ("beneficiary", "The beneficiary"),
        ("shared", "Shared"),
    ], string="Commitments borne by", default="cae",
        track_visibility="onchange")
    kpa_reporting_frequency = fields.Selection([
        ("weekly", "Every week"),
        ("monthly", "Every month"),
        ("quarterly", "Every quarter"),
    ], string="Reporting frequency", default="weekly",
        track_visibility="onchange",
        help="How often the beneficiary reports their accounting data.")
    kpa_reporting_terms = fields.Text(
        string="How accounting data are reported",
        track_visibility="onchange",
        default=lambda self: _(
            "Sales, purchases and time spent, declared on the KPA portal and "
            "checked by the coordinator at the weekly distribution session."))
    kpa_termination_terms = fields.Text(
        string="Early termination", track_visibility="onchange",
        default=lambda self: _(
            "Either party may end the contract before its term by a written "
            "notice of fifteen days; the CAE may end it without notice for a "
            "serious breach of the beneficiary's commitments."))
    kpa_remuneration_terms = fields.Text(
        string="Remuneration terms", track_visibility="onchange",
        default=lambda self: _(
            "After the activity starts, the beneficiary declares each week "
            "the net remuneration they take out of the money the clients "
            "have paid, within what the KPA has available; the CAE pays it "
            "as a salary."))
    kpa_contribution_terms = fields.Text(
        string="Repayment of social contributions",
        track_visibility="onchange",
        default=lambda self: _(
            "The social contributions the CAE pays on the remuneration after "
            "the activity starts are covered by the revenue of the activity, "
            "before the remuneration is paid."))
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
    # Funder reporting: stored so pivot and graph can group on them.
    kpa_age_band = fields.Selection(
        [(label, label) for label, _low, _high in AGE_BANDS],
        string="Age band", compute="_compute_kpa_funder", store=True,
        help="Age at the start of the CAPE.")
    kpa_qpv_resident = fields.Boolean(
        string="QPV resident", related="kpa_partner_id.kpa_qpv_resident",
        store=True, readonly=True)
    kpa_gender = fields.Selection(
        related="kpa_partner_id.kpa_gender", store=True, readonly=True,
        string="Gender")
    kpa_benefit_names = fields.Char(
        string="Benefits", compute="_compute_kpa_funder", store=True)
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

    @api.depends("kpa_partner_id.kpa_birthdate", "date_start",
                 "kpa_benefit_ids")
    def _compute_kpa_funder(self):
        for contract in self:
            contract.kpa_age_band = age_band(age_on(
                _date(contract.kpa_partner_id.kpa_birthdate),
                _date(contract.date_start))) or False
            contract.kpa_benefit_names = ", ".join(
                contract.kpa_benefit_ids.sorted("sequence").mapped("code"))

    @api.depends("date_start", "date_end", "kpa_exit_date", "state")
    def _compute_kpa_months(self):
        # Refreshed by the daily cron while the CAPE runs.
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
            self.employee_id = self._kpa_find_employee(self.kpa_partner_id)

    @api.onchange("kpa_id")
    def _onchange_kpa_id(self):
        if self.kpa_id:
            self.company_id = self.kpa_id.company_id

    @api.model
    def _kpa_find_employee(self, partner):
        Employee = self.env["hr.employee"].sudo()
        employee = Employee.search(
            [("address_home_id", "=", partner.id)], limit=1)
        if not employee and partner.user_ids:
            employee = Employee.search(
                [("user_id", "in", partner.user_ids.ids)], limit=1)
        return employee

    @api.model
    def _kpa_ensure_employee(self, partner, company):
        """The member as an employee of the CAE, created if missing.

        As superuser: a coordinator signs CAPEs without being an HR officer.
        """
        employee = self._kpa_find_employee(partner)
        if not employee:
            user = partner.sudo().user_ids[:1]
            employee = self.env["hr.employee"].sudo().create({
                "name": partner.name,
                "address_home_id": partner.id,
                "work_email": partner.email,
                "mobile_phone": partner.mobile,
                "user_id": user.id,
                "company_id": company.id,
            })
        elif not employee.user_id and partner.sudo().user_ids:
            employee.sudo().user_id = partner.sudo().user_ids[:1]
        return employee

    @api.model
    def _kpa_prepare_cape_vals(self, vals):
        vals = dict(vals)
        kpa = self.env["kpa.cooperative"].browse(vals.get("kpa_id"))
        partner = self.env["res.partner"].browse(vals.get("kpa_partner_id"))
        vals["type_id"] = self.env.ref("kpa_cape.hr_contract_type_cape").id
        vals.setdefault("wage", 0.0)
        if kpa:
            vals["company_id"] = kpa.sudo().company_id.id
        if not vals.get("date_start"):
            vals["date_start"] = fields.Date.context_today(self)
        if not vals.get("date_end"):
            vals["date_end"] = fields.Date.to_string(
                rules.default_end(_date(vals["date_start"])))
        if partner and not vals.get("employee_id"):
            vals["employee_id"] = self._kpa_ensure_employee(
                partner, kpa.sudo().company_id or self.env.user.company_id).id
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
                vals = dict(vals, employee_id=self._kpa_ensure_employee(
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

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _kpa_check_cape(self, operation="write"):
        """A CAPE action: on CAPEs only, by those who may write them (read
        them, to print)."""
        self._kpa_check_writer(operation)
        for contract in self:
            if not contract.kpa_is_cape:
                raise UserError(_("%s is not a CAPE.") % contract.name)

    @api.multi
    def action_kpa_sign(self):
        """The CAPE is signed: it runs from its start date."""
        self._kpa_check_cape()
        today = fields.Date.context_today(self)
        for contract in self:
            if contract.state != "draft":
                raise UserError(_(
                    "Only a CAPE in draft can be signed (%s).") % contract.name)
            if not self.env["kpa.membership"]._kpa_is_member(
                    contract.kpa_partner_id, contract.kpa_id):
                raise UserError(_(
                    "%s is not a current member of %s: welcome them in the "
                    "KPA before signing the CAPE.") % (
                    contract.kpa_partner_id.name, contract.kpa_id.name))
            problem = rules.age_problem(
                _date(contract.kpa_partner_id.kpa_birthdate),
                _date(contract.date_start), contract.kpa_parental_consent)
            if problem:
                raise UserError(contract._kpa_refusal(problem))
            trusted(contract).write({"state": "open"})
            trusted(contract.kpa_term_ids.filtered(
                lambda t: t.number == 0).sudo()).write(
                {"date_signed": today, "signed_by_id": self.env.uid})
            contract.message_post(body=_("CAPE signed, from %s to %s.") % (
                _fmt(contract.date_start), _fmt(contract.date_end)))
        return True

    @api.multi
    def action_kpa_renew(self, date_end=None):
        """Add a term of up to 12 months after the current end: at most
        twice, every term kept in the history."""
        self._kpa_check_cape()
        today = fields.Date.context_today(self)
        for contract in self:
            if contract.state not in LIVE_STATES:
                raise UserError(_(
                    "Only a running CAPE can be renewed (%s).") % contract.name)
            problem = rules.renewal_problem(contract.kpa_renewal_count)
            if problem:
                raise UserError(contract._kpa_refusal(problem))
            start, end = rules.renewal_term(_date(contract.date_end))
            if date_end:
                end = _date(date_end)
                problem = rules.term_problem(start, end)
                if problem:
                    raise UserError(contract._kpa_refusal(problem)
                                    if problem != rules.TERM_TOO_LONG else
                                    _("A CAPE term lasts at most 12 months: "
                                      "the renewal from %s ends on %s at the "
                                      "latest.") % (
                                        _fmt(start),
                                        _fmt(rules.default_end(start))))
            number = contract.kpa_renewal_count + 1
            trusted(contract.sudo()).write({
                "kpa_term_ids": [(0, 0, {
                    "number": number,
                    "kind": "renewal",
                    "date_start": fields.Date.to_string(start),
                    "date_end": fields.Date.to_string(end),
                    "date_signed": today,
                    "signed_by_id": self.env.uid,
                })],
                "date_end": fields.Date.to_string(end),
                "state": "open",
                "kpa_reminder_level": 0,
            })
            contract.message_post(body=_(
                "CAPE renewed (renewal %d of 2): from %s to %s.") % (
                number, _fmt(start), _fmt(end)))
        return True

    @api.multi
    def action_kpa_cancel(self):
        """A draft that will not be signed."""
        self._kpa_check_cape()
        if any(c.state != "draft" for c in self):
            raise UserError(_(
                "Only a CAPE in draft can be cancelled: end a signed one "
                "with its outcome."))
        return trusted(self).write({"state": "cancel"})

    @api.multi
    def action_kpa_end(self):
        """Ending a CAPE asks what the person goes on to do."""
        self.ensure_one()
        self._kpa_check_cape()
        return {
            "type": "ir.actions.act_window",
            "name": _("End the CAPE"),
            "res_model": "kpa.cape.exit.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    @api.multi
    def _kpa_exit(self, outcome, date_exit, note=False, leave_kpa=True):
        """End the CAPE with its outcome; the person leaves the KPA
        (alumni) unless they stay on, e.g. as an entrepreneur under CESA."""
        self._kpa_check_cape()
        for contract in self:
            if contract.state not in LIVE_STATES and not (
                    contract.state == "close"
                    and not contract.kpa_exit_outcome):
                raise UserError(_(
                    "The CAPE %s is not running: it cannot end.")
                    % contract.name)
            if date_exit < contract.date_start:
                raise UserError(_(
                    "The CAPE %s cannot end before it starts (%s).") % (
                    contract.name, _fmt(contract.date_start)))
            vals = {
                "state": "close",
                "kpa_exit_outcome": outcome,
                "kpa_exit_date": date_exit,
                "kpa_exit_note": note,
            }
            if date_exit < contract.date_end \
                    and date_exit >= contract.kpa_term_start:
                vals["date_end"] = date_exit  # early termination
            trusted(contract).write(vals)
            if leave_kpa:
                self.env["kpa.membership"]._kpa_current(
                    contract.kpa_partner_id, contract.kpa_id).sudo(
                    self.env.uid).action_leave(outcome, date_exit)
        return True

    @api.multi
    def action_kpa_print(self):
        self._kpa_check_cape("read")
        return self.env.ref("kpa_cape.hr_contract_report_cape") \
            .report_action(self)

    @api.model
    def update_state(self):
        """Odoo's daily cron moves contracts by their dates: for a CAPE
        too, so it runs trusted (it applies the dates, nothing a caller
        chooses)."""
        return super(HrContract, trusted(self)).update_state()

    # ------------------------------------------------------------------
    # Daily cron: reminders to the coach before the end
    # ------------------------------------------------------------------
    @api.model
    def _cron_kpa_cape_reminders(self):
        today = _date(fields.Date.context_today(self))
        horizon = today + datetime.timedelta(days=max(rules.REMINDER_DAYS))
        contracts = self.search([
            ("kpa_is_cape", "=", True),
            ("state", "in", LIVE_STATES),
            ("date_end", ">=", fields.Date.to_string(today)),
            ("date_end", "<=", fields.Date.to_string(horizon)),
        ])
        activity_type = self.env.ref("kpa_cape.mail_activity_type_cape_end")
        model = self.env["ir.model"]._get(self._name)
        for contract in contracts:
            days_left = (_date(contract.date_end) - today).days
            threshold = rules.reminder_due(
                days_left, contract.kpa_reminder_level)
            if not threshold:
                continue
            user = contract.kpa_coach_id \
                or contract.kpa_id.coordinator_ids[:1] or self.env.user
            if contract.kpa_renewals_left:
                summary = _("CAPE of %s ends in %d days: renew it or "
                            "prepare the exit") % (
                    contract.kpa_partner_id.name, days_left)
            else:
                summary = _("CAPE of %s ends in %d days (last term): "
                            "prepare the exit") % (
                    contract.kpa_partner_id.name, days_left)
            self.env["mail.activity"].create({
                "res_model_id": model.id,
                "res_id": contract.id,
                "activity_type_id": activity_type.id,
                "summary": summary,
                "date_deadline": contract.date_end,
                "user_id": user.id,
            })
            values = {"kpa_reminder_level": threshold}
            # The last reminder puts it in the coordinators' "To renew"
            # column (Odoo's own cron would wait until 7 days before).
            if threshold == min(rules.REMINDER_DAYS) \
                    and contract.state == "open":
                values["state"] = "pending"
            trusted(contract).write(values)
        # Months under CAPE grow each day for the running ones.
        running = self.search([("kpa_is_cape", "=", True),
                               ("state", "in", LIVE_STATES)])
        self.env.add_todo(self._fields["kpa_months"], running)
        running.recompute()
        return True
