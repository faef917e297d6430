# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from odoo.addons.kpa_cooperative.services.bulk import stored_columns
from odoo.addons.kpa_cooperative.services.formatting import \
    fmt_date as _fmt_date, fmt_money, fmt_percent as _percent
from odoo.addons.kpa_cooperative.services.trust import trusted

from ..services import pot

POT_FIELDS = ("cashed", "contribution", "reserve", "share", "expenses",
              "distributed", "available")


class KpaRemunerationPeriod(models.Model):
    """A week (Monday to Sunday) of a KPA: its pot and its declarations."""

    _name = "kpa.remuneration.period"
    _description = "Remuneration week"
    _inherit = ["kpa.guard.mixin", "kpa.portal.mixin", "mail.thread"]
    _order = "date_start desc, kpa_id"
    _kpa_protected_fields = ("state", "move_id", "pot_frozen") + tuple(
        "frozen_" + name for name in POT_FIELDS)
    _kpa_fixed_fields = ("kpa_id", "date_start", "date_end")

    # Not stored: each reader sees it in their own language.
    name = fields.Char(compute="_compute_name")
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict", readonly=True,
        states={"open": [("readonly", False)]})
    company_id = fields.Many2one(related="kpa_id.company_id", store=True,
                                 readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id",
                                  readonly=True)
    date_start = fields.Date(string="Monday", required=True, index=True,
                             readonly=True,
                             states={"open": [("readonly", False)]})
    date_end = fields.Date(string="Sunday", required=True, readonly=True,
                           states={"open": [("readonly", False)]})
    state = fields.Selection([
        ("open", "Open"),
        ("validated", "Validated"),
    ], default="open", required=True, readonly=True, index=True,
        track_visibility="onchange")
    declaration_ids = fields.One2many(
        "kpa.remuneration.declaration", "period_id", string="Declarations")
    move_id = fields.Many2one("account.move", string="Journal entry",
                              readonly=True, copy=False)
    # What the pot was when the week was validated: a validated week keeps
    # the figures it was decided with, whatever is paid later.
    pot_frozen = fields.Boolean(string="Pot kept from validation",
                                readonly=True, copy=False)
    frozen_cashed = fields.Monetary(string="Cashed at validation",
                                    readonly=True, copy=False)
    frozen_contribution = fields.Monetary(
        string="CAE contribution at validation", readonly=True, copy=False)
    frozen_reserve = fields.Monetary(string="Reserve at validation",
                                     readonly=True, copy=False)
    frozen_share = fields.Monetary(string="Members' share at validation",
                                   readonly=True, copy=False)
    frozen_expenses = fields.Monetary(string="Expenses at validation",
                                      readonly=True, copy=False)
    frozen_distributed = fields.Monetary(
        string="Already distributed at validation", readonly=True,
        copy=False)
    frozen_available = fields.Monetary(string="Available at validation",
                                       readonly=True, copy=False)
    # The pot of an open week, computed from the payments at the end of the
    # week: not stored, a late payment recorded afterwards counts at once.
    amount_cashed = fields.Monetary(
        string="Cashed", compute="_compute_pot",
        help="Untaxed share of what clients paid on the KPA's invoices, "
             "minus refunds, up to Sunday.")
    amount_contribution = fields.Monetary(
        string="CAE contribution", compute="_compute_pot")
    amount_reserve = fields.Monetary(string="Reserve", compute="_compute_pot")
    amount_share = fields.Monetary(
        string="Members' share", compute="_compute_pot",
        help="Cashed minus the CAE contribution and the reserve.")
    amount_expenses = fields.Monetary(
        string="Expenses", compute="_compute_pot",
        help="Untaxed paid vendor bills of the KPA, up to Sunday.")
    amount_distributed = fields.Monetary(
        string="Already distributed", compute="_compute_pot",
        help="Cost of every validated declaration of the earlier weeks.")
    amount_available = fields.Monetary(
        string="Available", compute="_compute_pot",
        help="Members' share minus expenses minus what was already "
             "distributed.")
    amount_declared = fields.Monetary(
        string="Declared (cost)", compute="_compute_pot",
        help="Total cost of this week's declarations (refused ones aside).")
    amount_left = fields.Monetary(
        string="Left after this week", compute="_compute_pot")
    pot_explanation = fields.Text(string="How it is reached",
                                  compute="_compute_pot")
    declaration_count = fields.Integer(compute="_compute_pot")

    _sql_constraints = [
        ("kpa_week_uniq", "unique(kpa_id, date_start)",
         "This KPA already has this week."),
    ]

    @api.depends("kpa_id.name", "date_start")
    def _compute_name(self):
        for period in self:
            period.name = _("Week of %s") % _fmt_date(period.date_start) \
                if period.date_start else False

    @api.constrains("date_start", "date_end")
    def _check_week(self):
        for period in self.sudo():
            start = fields.Date.from_string(period.date_start)
            end = fields.Date.from_string(period.date_end)
            if pot.week_bounds(start) != (start, end):
                raise ValidationError(_(
                    "A week runs from a Monday to the Sunday after it "
                    "(%s to %s is not one).") % (
                    _fmt_date(start), _fmt_date(end)))

    # ------------------------------------------------------------------
    # The pot
    # ------------------------------------------------------------------
    def _pot_figures(self):
        """{period id: pot dict} for all of ``self`` in three grouped
        queries, whatever the number of weeks, invoices or members.

        Money and pay come as running totals per KPA and day (SQL window
        sums); each week then picks its total by bisection: linear in the
        history, where joining every week to every payment before it was
        quadratic (1.3 s for a list of weeks with five years behind)."""
        periods = self.filtered(lambda p: p.id or p.kpa_id)
        if not periods:
            return {}
        cr = self.env.cr
        # A week not made yet (``new()``, a member looking at this week)
        # has its pot too, and no declarations.
        ids = tuple(periods.filtered("id").ids) or (0,)
        # Validated weeks read their kept figures: the running totals are
        # for the open ones only (and their KPAs only).
        kpa_ids = tuple(periods.sudo().filtered(
            lambda p: not p.pot_frozen).mapped("kpa_id").ids) or (0,)
        cr.execute("""
            SELECT kpa_id, date,
                   SUM(COALESCE(SUM(amount_cashed)
                                FILTER (WHERE kind = 'revenue'), 0))
                       OVER running,
                   SUM(COALESCE(SUM(amount_cashed)
                                FILTER (WHERE kind = 'expense'), 0))
                       OVER running
              FROM kpa_cashed_report
             WHERE kpa_id IN %s
             GROUP BY kpa_id, date
            WINDOW running AS (PARTITION BY kpa_id ORDER BY date)
             ORDER BY kpa_id, date
        """, (kpa_ids,))
        money = pot.running_totals(cr.fetchall())
        cr.execute("""
            SELECT q.kpa_id, q.date_start,
                   SUM(COALESCE(SUM(d.amount_cost), 0)) OVER (
                       PARTITION BY q.kpa_id ORDER BY q.date_start)
              FROM kpa_remuneration_period q
              JOIN kpa_remuneration_declaration d
                ON d.period_id = q.id AND d.state = 'validated'
             WHERE q.kpa_id IN %s AND q.state = 'validated'
             GROUP BY q.kpa_id, q.date_start
             ORDER BY q.kpa_id, q.date_start
        """, (kpa_ids,))
        paid = pot.running_totals(cr.fetchall())
        # The payroll's real pay minus the estimates, counted from the
        # Monday after each import (kpa.payroll.export).
        cr.execute("""
            SELECT l.kpa_id, e.date_adjustment,
                   SUM(SUM(l.amount_difference)) OVER (
                       PARTITION BY l.kpa_id ORDER BY e.date_adjustment)
              FROM kpa_payroll_export_line l
              JOIN kpa_payroll_export e ON e.id = l.export_id
             WHERE l.kpa_id IN %s AND e.state = 'imported'
             GROUP BY l.kpa_id, e.date_adjustment
             ORDER BY l.kpa_id, e.date_adjustment
        """, (kpa_ids,))
        adjusted = pot.running_totals(cr.fetchall())
        cr.execute("""
            SELECT period_id, COALESCE(SUM(amount_cost), 0), COUNT(*),
                   COALESCE(SUM(amount_cost)
                            FILTER (WHERE state IN %s), 0)
              FROM kpa_remuneration_declaration
             WHERE period_id IN %s AND state != 'refused'
             GROUP BY period_id
        """, (pot.ASK_STATES, ids))
        declared = {row[0]: row[1:] for row in cr.fetchall()}
        result = {}
        for period in periods.sudo():
            kpa = period.kpa_id
            if period.pot_frozen:
                figures = {name: pot.cents(period["frozen_" + name])
                           for name in POT_FIELDS}
            else:
                cashed, expenses = pot.total_up_to(
                    money, kpa.id, period.date_end) or (0, 0)
                distributed, = pot.total_up_to(
                    paid, kpa.id, period.date_start,
                    strictly_before=True) or (0,)
                adjustment, = pot.total_up_to(
                    adjusted, kpa.id, period.date_start) or (0,)
                figures = pot.pot(cashed, kpa.contribution_rate,
                                  kpa.reserve_rate, expenses,
                                  pot.to_decimal(distributed)
                                  + pot.to_decimal(adjustment))
                figures["adjustment"] = pot.cents(adjustment)
            cost, count, asked = declared.get(period.id, (0, 0, 0))
            # declared: every declaration but the refused ones (what the
            # validation would pay); asked: the sent and validated ones.
            figures.update(declared=pot.cents(cost), count=count,
                           asked=pot.cents(asked))
            result[period.id] = figures
        return result

    def _compute_pot(self):
        figures_by_id = self._pot_figures()
        for period in self:
            figures = figures_by_id.get(period.id)
            if not figures:
                figures = dict(pot.pot(0, 0, 0, 0, 0), declared=0, count=0)
            for name in POT_FIELDS:
                period["amount_" + name] = float(figures[name])
            period.amount_declared = float(figures["declared"])
            period.amount_left = float(
                figures["available"] - figures["declared"])
            period.declaration_count = figures["count"]
            period.pot_explanation = period._explain(figures)

    def _explain(self, figures):
        kpa = self.kpa_id.sudo()
        return "\n".join([
            _("Cashed up to %s: %s (untaxed, refunds deducted)") % (
                _fmt_date(self.date_end), fmt_money(figures["cashed"])),
            _("CAE contribution: %s x %s %% = %s") % (
                fmt_money(figures["cashed"]),
                _percent(kpa.contribution_rate),
                fmt_money(figures["contribution"])),
            _("Reserve: %s x %s %% = %s") % (
                fmt_money(figures["cashed"]), _percent(kpa.reserve_rate),
                fmt_money(figures["reserve"])),
            _("Members' share: %s - %s - %s = %s") % (
                fmt_money(figures["cashed"]),
                fmt_money(figures["contribution"]),
                fmt_money(figures["reserve"]), fmt_money(figures["share"])),
            _("Expenses paid up to %s: %s") % (
                _fmt_date(self.date_end), fmt_money(figures["expenses"])),
            _("Already distributed in earlier weeks: %s") % fmt_money(
                figures["distributed"]),
        ] + ([
            _("Of which real pay minus estimates (payroll figures imported "
              "up to %s): %s") % (_fmt_date(self.date_start),
                                  fmt_money(figures["adjustment"])),
        ] if figures.get("adjustment") else []) + [
            _("Available: %s - %s - %s = %s") % (
                fmt_money(figures["share"]), fmt_money(figures["expenses"]),
                fmt_money(figures["distributed"]),
                fmt_money(figures["available"])),
        ])

    def _kpa_rates(self, contract=None):
        """(employee rate, employer rate) of the pay of ``contract`` (a CAPE
        kind without one) this week: the rate profile of its kind in force
        on the week's Sunday (a week that holds 1 January takes the new
        year's rates), else its company's shares; the user's company and
        today without a week."""
        company = self.sudo().company_id[:1] or self.env.user.company_id
        day = self[:1].date_end or fields.Date.context_today(self)
        kind = contract.sudo().kpa_rate_kind if contract else None
        return self.env["kpa.remuneration.rate.profile"]._kpa_rates(
            company, kind, day)

    def _kpa_pay_from_net(self, net, contract=None):
        """(gross, employer charges, cost) of ``net`` in this week, at the
        rates of ``contract`` (:meth:`_kpa_rates`)."""
        return pot.pay_from_net(pot.cents(net or 0),
                                *self._kpa_rates(contract))

    def _kpa_contract_of(self, partner):
        """The CAPE paying ``partner`` this week: its declaration's, else
        the one running that week (none: an empty recordset)."""
        self.ensure_one()
        declaration = self.sudo().declaration_ids.filtered(
            lambda d: d.partner_id == partner)[:1]
        if declaration.contract_id:
            return declaration.contract_id
        if not (self.kpa_id and self.date_start and partner):
            return self.env["hr.contract"]
        return self.env["kpa.remuneration.declaration"]._kpa_payability(
            self.kpa_id, partner, self.date_start, self.date_end
        )[partner.id][0]

    def _kpa_member_pot(self, partner):
        """The pot of this week as ``partner`` sees it (also for a week not
        made yet): the pot's figures, and what is asked of it (the sent
        and validated declarations; drafts and refused ones are no asks),
        what is left, the most ``partner`` may still ask (net) and whether
        their own declaration fits (:func:`pot.member_asks`)."""
        self.ensure_one()
        figures = self._pot_figures()[self.id]
        declarations = [
            (declaration.partner_id == partner, declaration.state,
             declaration.amount_cost)
            for declaration in self.sudo().declaration_ids]
        figures.update(pot.member_asks(
            figures["available"], declarations,
            *self._kpa_rates(self._kpa_contract_of(partner))))
        return figures

    # ------------------------------------------------------------------
    # Weeks on demand
    # ------------------------------------------------------------------
    @api.model
    def _kpa_get_week(self, kpa, day=None, create=True):
        """The week of ``kpa`` holding ``day`` (today by default), made if
        missing (as superuser: a member declaring may open the week)."""
        day = day or fields.Date.context_today(self)
        if isinstance(day, str):
            day = fields.Date.from_string(day)
        monday, sunday = pot.week_bounds(day)
        period = self.sudo().search([
            ("kpa_id", "=", kpa.id),
            ("date_start", "=", fields.Date.to_string(monday))], limit=1)
        if not period and create:
            period = self.sudo().create({
                "kpa_id": kpa.id,
                "date_start": fields.Date.to_string(monday),
                "date_end": fields.Date.to_string(sunday),
            })
        return period

    @api.model
    def _kpa_week_or_new(self, kpa, monday):
        """The week of ``kpa`` starting on ``monday`` if it was made, else
        an unsaved one (``new()``) showing its pot: nothing is written."""
        period = self._kpa_get_week(kpa, monday, create=False)
        if period:
            return period
        monday, sunday = pot.week_bounds(monday)
        return self.sudo().new({
            "kpa_id": kpa.id, "date_start": fields.Date.to_string(monday),
            "date_end": fields.Date.to_string(sunday)})

    @api.model
    def _kpa_first_monday(self, kpa):
        """The Monday of the first week ``kpa`` has (a date), or None."""
        first = self.sudo().search([("kpa_id", "=", kpa.id)],
                                   order="date_start", limit=1)
        return fields.Date.from_string(first.date_start) if first else None

    @api.model
    def _cron_create_weeks(self):
        """Every Monday: open the new week of every active KPA."""
        for kpa in self.env["kpa.cooperative"].sudo().search([]):
            self._kpa_get_week(kpa)
        return True

    @api.model
    def create(self, vals):
        if vals.get("date_start") and not vals.get("date_end"):
            sunday = pot.week_bounds(
                fields.Date.from_string(vals["date_start"]))[1]
            vals = dict(vals, date_end=fields.Date.to_string(sunday))
        return super().create(vals)

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start:
            monday, sunday = pot.week_bounds(
                fields.Date.from_string(self.date_start))
            self.date_start = fields.Date.to_string(monday)
            self.date_end = fields.Date.to_string(sunday)

    # ------------------------------------------------------------------
    # Locks and checks
    # ------------------------------------------------------------------
    def _kpa_lock(self, kpa_too=False):
        """Lock the rows the money hangs on until the transaction ends.

        SELECT ... FOR UPDATE makes a second transaction wait; the UPDATE
        that follows makes it fail on a serialization error once the first
        one commits (Odoo reads in REPEATABLE READ: a waiting transaction
        would otherwise keep its old picture of the declarations). Odoo
        retries the losing request, which then sees the new figures.
        """
        cr = self.env.cr
        if kpa_too:
            kpa_ids = tuple(self.sudo().mapped("kpa_id").ids)
            cr.execute("SELECT id FROM kpa_cooperative WHERE id IN %s "
                       "ORDER BY id FOR UPDATE", (kpa_ids,))
            cr.execute("UPDATE kpa_cooperative SET write_date = write_date "
                       "WHERE id IN %s", (kpa_ids,))
        cr.execute("SELECT id FROM kpa_remuneration_period WHERE id IN %s "
                   "ORDER BY id FOR UPDATE", (tuple(self.ids),))
        cr.execute("UPDATE kpa_remuneration_period "
                   "SET write_date = write_date WHERE id IN %s",
                   (tuple(self.ids),))
        self.invalidate_cache()
        self.env["kpa.remuneration.declaration"].invalidate_cache()

    def _kpa_check_open(self):
        for period in self.sudo():
            if period.state != "open":
                raise UserError(_(
                    "The %s of %s is validated: nothing in it can change "
                    "any more.") % (period.name, period.kpa_id.name))

    def _kpa_check_fits(self, extra_cost=0):
        """Refuse when the week's declared cost exceeds what is available."""
        self.ensure_one()
        figures = self._pot_figures()[self.id]
        declared = figures["declared"] + pot.to_decimal(extra_cost)
        if declared > figures["available"]:
            raise UserError(_(
                "The declarations of the %s cost %s in all, but %s has only "
                "%s available: lower the amounts first.") % (
                self.name, fmt_money(declared), self.sudo().kpa_id.name,
                fmt_money(figures["available"])))
        return figures

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    @api.multi
    def action_validate(self):
        """"Valider la semaine": the declarations become pay, and one
        journal entry goes into the books."""
        for period in self:
            period._kpa_validate_one()
        return True

    def _kpa_validate_one(self):
        self.check_access_rights("write")
        self.check_access_rule("write")
        self._kpa_lock(kpa_too=True)
        self._kpa_check_open()
        period = self.sudo()
        later = period.search_count([
            ("kpa_id", "=", period.kpa_id.id), ("state", "=", "validated"),
            ("date_start", ">", period.date_start)])
        if later:
            raise UserError(_(
                "A later week of %s is already validated: weeks are "
                "validated in order (undo the later one first).")
                % period.kpa_id.name)
        declarations = period.declaration_ids.filtered(
            lambda d: d.state in ("draft", "submitted"))
        problems = declarations._kpa_payability_problems()
        if problems:
            raise UserError("\n".join(problems))
        figures = self._kpa_check_fits()
        declarations._kpa_set_contracts()
        # One UPDATE, one audit log INSERT and each declaration's tracking
        # message copied: a fixed number of queries for the whole group.
        trusted(declarations)._kpa_write_tracked({"state": "validated"})
        move = period._kpa_post_move(declarations)
        values = {"frozen_" + name: float(figures[name])
                  for name in POT_FIELDS}
        values.update(state="validated", move_id=move.id, pot_frozen=True)
        trusted(period).write(values)
        period.message_post(body=_("Week validated by %s: %d declarations, "
                                   "cost %s.") % (
            self.env.user.name, len(declarations),
            fmt_money(sum(declarations.mapped("amount_cost")))))
        period._kpa_tell_declarants(declarations)

    def _kpa_tell_declarants(self, declarations):
        """One message to the members paid this week (their amounts are
        on their page, not in the email), queued for the mail queue."""
        partners = declarations.mapped("partner_id")
        if partners:
            self.with_context(mail_notify_force_send=False).message_post(
                body=_("<p>The %s of %s is validated: your pay is "
                       "counted. Your page shows the amounts.</p>") % (
                    html_escape(self.name), html_escape(self.kpa_id.name)),
                subject=_("Pay validated: %s") % self.name,
                partner_ids=partners.ids, subtype="mail.mt_comment")

    def _kpa_portal_url(self, user):  # pylint: disable=unused-argument
        """Members land on their pay page, on this week (the rules keep
        them to their own KPA's weeks)."""
        return "/my/declarations?kpa=%d&week=%s" % (
            self.kpa_id.id, self.date_start)

    def _kpa_move_lines(self, declarations):
        """The entry's lines as (account, debit, credit, partner, analytic
        account, label): gross, employer charges, contributions, then the
        net of each member (lines of zero left out)."""
        company = self.company_id
        accounts = company._kpa_remuneration_accounts()
        analytic = self.kpa_id.analytic_account_id.id
        gross = sum(pot.to_decimal(d.amount_gross) for d in declarations)
        employer = sum(pot.to_decimal(d.amount_employer)
                       for d in declarations)
        net = sum(pot.to_decimal(d.amount_net) for d in declarations)
        label = "%s - %s" % (self.kpa_id.name, self.name)
        lines = [
            (accounts["kpa_gross_account_id"], gross, 0, False, analytic,
             _("Gross pay, %s") % label),
            (accounts["kpa_employer_account_id"], employer, 0, False,
             analytic, _("Employer charges, %s") % label),
            (accounts["kpa_contribution_account_id"], 0,
             gross - net + employer, False, False,
             _("Contributions, %s") % label),
        ]
        for declaration in declarations:
            lines.append((accounts["kpa_net_account_id"], 0,
                          pot.to_decimal(declaration.amount_net),
                          declaration.partner_id.id, False,
                          _("Net pay %s, %s") % (
                              declaration.partner_id.name, label)))
        return [line for line in lines if line[1] or line[2]]

    @staticmethod
    def _kpa_line_values(line):
        account, debit, credit, partner, analytic_id, name = line
        return {"account_id": account.id, "debit": float(debit),
                "credit": float(credit), "partner_id": partner,
                "analytic_account_id": analytic_id, "name": name}

    def _kpa_post_move(self, declarations):
        """One balanced entry for the week: debit 641 gross and 645
        employer charges (KPA analytic account), credit 421 net per member
        and 431 the contributions (gross - net + employer).

        Odoo 11 creates journal items one by one, a dozen queries each: the
        entry is made by Odoo with its first net line holding the whole
        net, then that line is split per member in SQL (the other net lines
        copy every column Odoo computed for it, but for the member, the
        label and the amounts), and Odoo posts it."""
        lines = self._kpa_move_lines(declarations)
        if not lines:
            return self.env["account.move"]
        net_account = self.company_id._kpa_remuneration_accounts()[
            "kpa_net_account_id"]
        first = next((index for index, line in enumerate(lines)
                      if line[0] == net_account and line[3]), None)
        nets = lines[first:] if first is not None else []
        # lines[:None] is every line: an entry without net lines.
        values = [self._kpa_line_values(line) for line in lines[:first]]
        if nets:
            values.append(dict(self._kpa_line_values(nets[0]), credit=float(
                sum(line[2] for line in nets))))
        journal = self.company_id._kpa_remuneration_journal()
        move = self.env["account.move"].sudo().create({
            "journal_id": journal.id,
            "date": self.date_end,
            "ref": "%s - %s" % (self.kpa_id.name, self.name),
            "company_id": self.company_id.id,
            "line_ids": [(0, 0, line) for line in values],
        })
        if len(nets) > 1:
            template = move.line_ids.filtered(
                lambda l: l.account_id == net_account and l.partner_id.id
                == nets[0][3] and l.name == nets[0][5])
            self._kpa_split_net_line(template, nets)
        move.post()
        return move

    def _kpa_split_net_line(self, template, nets):
        """``template`` (the net line holding the whole net) keeps the net
        of ``nets[0]``; each other member of ``nets`` gets a copy of it with
        their own net: one UPDATE and one INSERT. The entry stays balanced,
        its totals unchanged."""
        Line = self.env["account.move.line"]
        amounts = ("credit", "balance", "credit_cash_basis",
                   "balance_cash_basis", "amount_residual", "amount_currency")
        columns = stored_columns(Line, skip=(
            "create_uid", "write_uid", "create_date", "write_date",
            "partner_id", "name") + amounts)
        total = sum(line[2] for line in nets)
        # Each amount column in proportion to the credit: for a line of the
        # company's currency, credit = -balance = -residual.
        scaled = ", ".join(
            '"%s" = round("%s" * %%(share)s, 2)' % (name, name)
            for name in amounts)
        cr = self.env.cr
        cr.execute(  # pylint: disable=sql-injection
            'UPDATE account_move_line SET ' + scaled.replace(
                "%(share)s", "%(first)s") + ' WHERE id = %(id)s',
            {"first": nets[0][2] / total, "id": template.id})
        names = ", ".join('"%s"' % name for name in columns)
        copied = ", ".join(
            'round(t."%s" * copy.credit / t.credit, 2)' % name
            for name in amounts)
        cr.execute(  # pylint: disable=sql-injection
            "INSERT INTO account_move_line (create_uid, write_uid, "
            "create_date, write_date, partner_id, name, "
            + ", ".join('"%s"' % name for name in amounts) + ", " + names
            + ") SELECT %s, %s, now() at time zone 'UTC', "
            "now() at time zone 'UTC', copy.partner_id, copy.name, "
            + copied + ", " + ", ".join('t."%s"' % name for name in columns)
            + " FROM account_move_line t, unnest(%s, %s, %s) "
            "AS copy(partner_id, name, credit) WHERE t.id = %s",
            (self.env.uid, self.env.uid, [line[3] for line in nets[1:]],
             [line[5] for line in nets[1:]],
             [float(line[2]) for line in nets[1:]], template.id))
        Line.invalidate_cache()
        template.move_id.invalidate_cache()

    @api.multi
    def action_undo_validation(self):
        """The CAE takes a validation back: the entry is reversed, never
        deleted, and the chatter says who did it."""
        if not self.env.user.has_group("kpa_cooperative.group_kpa_manager"):
            raise AccessError(_(
                "Only the CAE managers can undo a validated week."))
        for period in self:
            period._kpa_lock(kpa_too=True)
            period = period.sudo()
            if period.state != "validated":
                raise UserError(_("The %s is not validated.") % period.name)
            period._kpa_check_not_handed_off()
            reversal = self.env["account.move"]
            if period.move_id:
                reversal = reversal.browse(
                    trusted(period.move_id).reverse_moves(
                        date=fields.Date.context_today(self)))
            trusted(period.declaration_ids.filtered(
                lambda d: d.state == "validated"))._kpa_write_tracked(
                {"state": "submitted"})
            trusted(period).write({"state": "open", "move_id": False,
                                   "pot_frozen": False})
            period.message_post(body=_(
                "Validation undone by %s: entry %s reversed by %s.") % (
                self.env.user.name, period.move_id.name or "-",
                ", ".join(reversal.mapped("name")) or "-"))
        return True

    def _kpa_check_not_handed_off(self):
        """Refuse to undo a week whose pay went to the payroll or was
        paid: the payslips are made, corrections go into a later week."""
        self.ensure_one()
        period = self.sudo()
        exports = self.env["kpa.payroll.export.line"].sudo().search([
            ("declaration_ids", "in", period.declaration_ids.ids),
            ("export_id.state", "!=", "draft")]).mapped("export_id")
        net_account = period.company_id.kpa_net_account_id
        paid = period.move_id.line_ids.filtered(
            lambda l: l.account_id == net_account and l.credit
            and l.matched_debit_ids)
        if exports:
            reason = _("its pay was handed to the payroll (%s)") % ", ".join(
                exports.mapped("name"))
        elif paid:
            reason = _("the net pay of %s is already paid") % ", ".join(
                paid.mapped("partner_id.name"))
        else:
            return
        raise UserError(_(
            "The %s of %s cannot be undone: %s. Correct it with a "
            "declaration in a later week, its comment saying which week it "
            "corrects.") % (period.name, period.kpa_id.name, reason))

    # ------------------------------------------------------------------
    # Validated weeks never change (kpa.guard.mixin)
    # ------------------------------------------------------------------
    def _kpa_frozen(self):
        return self.sudo().filtered(lambda p: p.state != "open")

    def _kpa_frozen_message(self, record):
        record = record.sudo()
        return _("The %s of %s is validated: nothing in it can change any "
                 "more.") % (record.name, record.kpa_id.name)

    def _kpa_protected_message(self, names):  # pylint: disable=W0613
        return _("A week is validated or reopened with its buttons only.")

    @api.multi
    def unlink(self):
        if self.sudo().mapped("declaration_ids"):
            raise UserError(_(
                "This week has declarations: it cannot be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def action_open_wizard(self):
        self.ensure_one()
        wizard = self.env["kpa.remuneration.wizard"].create({
            "kpa_id": self.kpa_id.id, "date": self.date_start})
        return wizard._kpa_action()
