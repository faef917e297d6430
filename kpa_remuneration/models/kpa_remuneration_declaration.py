# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from odoo.addons.kpa_cooperative.services.bulk import update_rows
from odoo.addons.kpa_cooperative.services.formatting import \
    fmt_date as _fmt_date, fmt_money
from odoo.addons.kpa_cooperative.services.trust import trusted

from ..services import pot

# What the weekly session types in a declaration.
ROW_FIELDS = ("amount_net", "hours", "comment")


class KpaRemunerationDeclaration(models.Model):
    """The net pay a member takes out of the pot for a week."""

    _name = "kpa.remuneration.declaration"
    _description = "Remuneration declaration"
    _inherit = ["kpa.guard.mixin", "kpa.portal.mixin", "kpa.private.mixin",
                "mail.thread"]
    _order = "date_start desc, kpa_id, partner_id"
    _rec_name = "partner_id"
    # What only the buttons change, and what makes a declaration what it is.
    _kpa_protected_fields = ("state", "contract_id")
    _kpa_fixed_fields = ("period_id", "partner_id")

    period_id = fields.Many2one(
        "kpa.remuneration.period", string="Week", required=True, index=True,
        ondelete="restrict")
    kpa_id = fields.Many2one(related="period_id.kpa_id", store=True,
                             readonly=True, index=True)
    date_start = fields.Date(related="period_id.date_start", store=True,
                             readonly=True, string="Monday")
    company_id = fields.Many2one(related="period_id.company_id", store=True,
                                 readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id",
                                  readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True,
        ondelete="restrict")
    contract_id = fields.Many2one(
        "hr.contract", string="CAPE", readonly=True, ondelete="restrict",
        help="The CAPE running that week, found when the declaration is "
             "saved and checked again at validation.")
    amount_net = fields.Monetary(
        string="Net", required=True, default=0.0, track_visibility="onchange",
        help="What the member receives. 0 is allowed: a zero payslip still "
             "proves activity.")
    amount_gross = fields.Monetary(string="Gross", compute="_compute_pay",
                                   store=True)
    amount_employer = fields.Monetary(string="Employer charges",
                                      compute="_compute_pay", store=True)
    amount_cost = fields.Monetary(
        string="Cost", compute="_compute_pay", store=True,
        help="Gross plus employer charges: what the week costs the pot.")
    hours = fields.Float(digits=(6, 2),
                         help="Hours the member worked for the KPA that week.")
    comment = fields.Text(
        string="A word on the criteria",
        help="Seen by its author and the coordinators only.")
    state = fields.Selection([
        ("draft", "Draft"),
        ("submitted", "Sent"),
        ("validated", "Validated"),
        ("refused", "Refused"),
    ], default="draft", required=True, readonly=True, index=True,
        track_visibility="onchange")

    _sql_constraints = [
        ("period_partner_uniq", "unique(period_id, partner_id)",
         "This member already declared for this week."),
        ("amount_net_positive", "CHECK(amount_net >= 0)",
         "The net amount cannot be negative."),
    ]

    def _kpa_private_fields(self):
        """The comment: its author, the KPA's coordinators, the CAE; not
        the accountant, not the co-members (they see the amounts)."""
        result = super()._kpa_private_fields()
        result["comment"] = "note"
        return result

    def _kpa_private_domain(self, kind, mode="read"):
        if self._kpa_private_sees_all(kind, mode):
            return []
        return ["|", ("partner_id", "=", self.env.user.partner_id.id),
                ("kpa_id", "in", self._kpa_coordinated_kpas().ids)]

    def _kpa_pay(self, net, rates):
        """(gross, employer charges, cost) of ``net`` at the rates of this
        declaration's week and CAPE; ``rates``: a dict kept by the caller,
        so that many declarations look the rates up once per week and
        kind of contract."""
        key = (self.period_id.id, self.contract_id.kpa_rate_kind)
        if key not in rates:
            rates[key] = self.period_id._kpa_rates(self.contract_id)
        return pot.pay_from_net(pot.cents(net or 0), *rates[key])

    # The rates of a declaration are those of its week and its CAPE when
    # its net is typed: a profile changed later does not rewrite pay.
    @api.depends("amount_net", "period_id", "contract_id")
    def _compute_pay(self):
        rates = {}
        for declaration in self:
            gross, employer, cost = declaration._kpa_pay(
                declaration.amount_net, rates)
            declaration.amount_gross = float(gross)
            declaration.amount_employer = float(employer)
            declaration.amount_cost = float(cost)

    @api.constrains("amount_net", "hours")
    def _check_amounts(self):
        for declaration in self.sudo():
            if declaration.amount_net < 0:
                raise ValidationError(_(
                    "The net amount cannot be negative (0 is allowed)."))
            if declaration.amount_net > float(pot.MAX_NET):
                raise ValidationError(_(
                    "%s is more than a week's pay can be: check the "
                    "amount.") % fmt_money(declaration.amount_net))
            if not 0 <= declaration.hours <= 168:
                raise ValidationError(_(
                    "A week has between 0 and 168 hours."))

    # ------------------------------------------------------------------
    # Who can be paid
    # ------------------------------------------------------------------
    @api.model
    def _kpa_payability(self, kpa, partners, date_start, date_end):
        """{partner id: (running CAPE, refusal or False)} for the week, in
        two queries whatever the number of members."""
        kpa = kpa.sudo()
        members = self.env["kpa.membership"]._kpa_members_during(
            kpa, partners, date_start, date_end)
        contracts = self.env["hr.contract"].sudo().search([
            ("kpa_is_cape", "=", True), ("kpa_id", "=", kpa.id),
            ("kpa_partner_id", "in", partners.ids),
            ("state", "in", ("open", "pending")),
            ("date_start", "<=", date_end),
            "|", ("date_end", "=", False), ("date_end", ">=", date_start),
        ], order="date_start desc")
        capes = {}
        for contract in contracts:
            capes.setdefault(contract.kpa_partner_id.id, contract)
        week = _("the week of %s") % _fmt_date(date_start)
        result = {}
        for partner in partners.sudo():
            cape = capes.get(partner.id, self.env["hr.contract"])
            if partner.id not in members:
                problem = _(
                    "%s cannot be paid by %s for %s: not a member of the KPA "
                    "that week.") % (partner.name, kpa.name, week)
            elif not cape:
                problem = _(
                    "%s cannot be paid by %s for %s: no CAPE contract "
                    "running that week (a signed CAPE is needed to be "
                    "paid).") % (partner.name, kpa.name, week)
            else:
                problem = False
            result[partner.id] = (cape, problem)
        return result

    def _kpa_payability_problems(self):
        """The refusals for the declarations of ``self`` (one week)."""
        problems = []
        for period in self.sudo().mapped("period_id"):
            mine = self.sudo().filtered(lambda d: d.period_id == period)
            payable = self._kpa_payability(
                period.kpa_id, mine.mapped("partner_id"),
                period.date_start, period.date_end)
            problems += [payable[d.partner_id.id][1] for d in mine
                         if payable[d.partner_id.id][1]]
        return problems

    def _kpa_set_contracts(self):
        for period in self.sudo().mapped("period_id"):
            mine = self.sudo().filtered(lambda d: d.period_id == period)
            payable = self._kpa_payability(
                period.kpa_id, mine.mapped("partner_id"),
                period.date_start, period.date_end)
            for declaration in mine:
                cape = payable[declaration.partner_id.id][0]
                if declaration.contract_id != cape:
                    trusted(declaration).write({"contract_id": cape.id})

    # ------------------------------------------------------------------
    # Create, write, delete
    # ------------------------------------------------------------------
    def _kpa_frozen(self):
        return self.sudo().filtered(
            lambda d: d.state == "validated"
            or d.period_id.state != "open").sudo(self.env.uid)

    def _kpa_frozen_message(self, record):
        record = record.sudo()
        if record.state == "validated":
            return _(
                "The declaration of %s for the %s is validated: it is pay "
                "now, it cannot change.") % (
                record.partner_id.name, record.period_id.name)
        return _("The %s of %s is validated: nothing in it can change any "
                 "more.") % (record.period_id.name, record.kpa_id.name)

    @api.model
    def create(self, vals):
        """A declaration starts as a draft; sending it (``state`` sent at
        creation, as the portal's "Envoyer" does) goes through
        ``action_submit`` and its checks."""
        submit = vals.get("state") == "submitted"
        if submit:
            vals = dict(vals)
            del vals["state"]
        period = self.env["kpa.remuneration.period"].browse(
            vals.get("period_id"))
        if period:
            period.sudo()._kpa_lock()
            period._kpa_check_open()
        declaration = super().create(vals)
        problems = declaration._kpa_payability_problems()
        if problems:
            raise UserError("\n".join(problems))
        declaration._kpa_set_contracts()
        if submit:
            declaration.action_submit()
        return declaration

    @api.multi
    def write(self, vals):
        if "state" in vals or "contract_id" in vals:
            return super().write(vals)
        periods = self.sudo().mapped("period_id")
        if periods:
            periods._kpa_lock()
        res = super().write(vals)
        if "amount_net" in vals:
            self.filtered(lambda d: d.state == "submitted") \
                ._kpa_check_submitted_fit()
        return res

    def _kpa_write_rows(self, rows):
        """``rows``: {declaration id: values} of what a session typed
        (``ROW_FIELDS`` only): every declaration written as ``write`` would,
        in a fixed number of queries (Odoo writes, audits and tracks each
        one on its own, some ninety queries a row): the same checks, one
        UPDATE with the pay computed, the audit trail in two INSERTs, each
        declaration's tracking message (:meth:`_kpa_copy_message`), the
        fit of the sent ones. Anything unusual goes through ``write``."""
        declarations = self.browse(list(rows))
        names = set().union(*rows.values()) if rows else set()
        rule = self.env["auditlog.rule"].sudo().search([
            ("model_id.model", "=", self._name),
            ("state", "=", "subscribed")], limit=1)
        audited = getattr(type(self), "auditlog_ruled_write", False)
        if len(rows) < 2 or not names <= set(ROW_FIELDS) \
                or self.env.context.get("tracking_disable") \
                or (audited and rule.log_type != "fast"):
            for declaration in declarations:
                declaration.write(rows[declaration.id])
            return True
        declarations._kpa_check_writer()
        if declarations._kpa_frozen() or declarations._kpa_private_hidden(
                names, mode="write"):
            for declaration in declarations:  # Odoo's write says why
                declaration.write(rows[declaration.id])
            return True
        declarations.sudo().mapped("period_id")._kpa_lock()
        track = declarations.with_context(lang=self.env.user.lang)
        tracked = track._get_tracked_fields(list(names))
        initial = {d.id: {name: d[name] for name in tracked} for d in track}
        groups = {}
        rates = {}
        for declaration in declarations.sudo():
            values = dict(rows[declaration.id])
            if "amount_net" in values:
                gross, employer, cost = declaration._kpa_pay(
                    values["amount_net"], rates)
                values.update(amount_gross=float(gross),
                              amount_employer=float(employer),
                              amount_cost=float(cost))
            groups.setdefault(tuple(sorted(values)), []).append(
                (declaration.id, values))
        for group in groups.values():
            update_rows(self.env, self, group)
        declarations.invalidate_cache()
        declarations._validate_fields(names)
        if audited:
            self.env["auditlog.rule"].sudo().create_logs(
                self.env.uid, self._name, declarations.ids, "write",
                {record_id: dict.fromkeys(values, False)
                 for record_id, values in rows.items()},
                rows, {"log_type": "fast"})
        if tracked:
            track._kpa_track_each(tracked, initial)
        declarations.filtered(lambda d: d.state == "submitted") \
            ._kpa_check_submitted_fit()
        declarations.check_access_rule("write")
        return True

    def _kpa_check_not_validated(self):
        for declaration in self.sudo():
            if declaration.state == "validated":
                raise UserError(_(
                    "The declaration of %s for the %s is validated: it is "
                    "pay now, it cannot change.") % (
                    declaration.partner_id.name, declaration.period_id.name))

    def _kpa_check_submitted_fit(self):
        """The week's sent and validated declarations fit in the pot
        (called with the week's row locked)."""
        for period in self.sudo().mapped("period_id"):
            figures = period._pot_figures()[period.id]
            self.env.cr.execute("""
                SELECT COALESCE(SUM(amount_cost), 0)
                  FROM kpa_remuneration_declaration
                 WHERE period_id = %s AND state IN %s
            """, (period.id, pot.ASK_STATES))
            sent = self.env.cr.fetchone()[0]
            if sent > figures["available"]:
                raise UserError(_(
                    "Not enough money in the pot: the sent declarations of "
                    "the %s would cost %s, and %s has %s available.") % (
                    period.name, fmt_money(sent), period.kpa_id.name,
                    fmt_money(figures["available"])))

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    @api.multi
    def action_submit(self):
        """Send the declaration to the group: it must fit in the pot."""
        self.check_access_rule("write")
        periods = self.sudo().mapped("period_id")
        periods._kpa_lock()
        periods._kpa_check_open()
        todo = self.filtered(lambda d: d.state in ("draft", "refused"))
        problems = todo._kpa_payability_problems()
        if problems:
            raise UserError("\n".join(problems))
        trusted(todo).write({"state": "submitted"})
        todo._kpa_set_contracts()
        todo._kpa_check_submitted_fit()
        return True

    @api.multi
    def action_refuse(self):
        self._kpa_check_coordinator()
        self._kpa_check_not_validated()
        self.sudo().mapped("period_id")._kpa_lock()
        result = trusted(self).write({"state": "refused"})
        for declaration in self:
            declaration.with_context(
                mail_notify_force_send=False).message_post(
                body=_("<p>Your declaration for the %s was not accepted. "
                       "Change it and send it again, or talk with your "
                       "group.</p>") % html_escape(
                    declaration.sudo().period_id.name),
                subject=_("Declaration to change: %s")
                % declaration.sudo().period_id.name,
                partner_ids=declaration.partner_id.ids,
                subtype="mail.mt_comment")
        return result

    def _kpa_portal_url(self, user):
        """The member lands on their declaration's page."""
        return user.partner_id == self.sudo().partner_id \
            and "/my/declarations/%d" % self.id

    @api.multi
    def action_draft(self):
        self._kpa_check_not_validated()
        self.check_access_rule("write")
        return trusted(self).write({"state": "draft"})

    def _kpa_check_coordinator(self):
        if not self.env.user.has_group(
                "kpa_cooperative.group_kpa_coordinator"):
            raise AccessError(_("Only a coordinator can refuse a "
                                "declaration."))
        self.check_access_rule("write")
