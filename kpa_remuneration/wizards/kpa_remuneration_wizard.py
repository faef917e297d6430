# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.kpa_cooperative.services.bulk import insert_rows, \
    update_rows
from odoo.addons.kpa_cooperative.services.trust import trusted

from ..services import pot

# What the group types in a row of the session.
TYPED_FIELDS = ("amount_net", "hours", "comment")


class KpaRemunerationWizard(models.TransientModel):
    """The weekly group session: the pot, the criteria, and one row per
    member with what they did and what they take."""

    _name = "kpa.remuneration.wizard"
    _inherit = ["kpa.guard.mixin"]
    _rec_name = "period_id"
    _description = "Weekly remuneration session"
    # The week follows the KPA and the date, through _kpa_fill only.
    _kpa_protected_fields = ("period_id",)

    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", required=True)
    date = fields.Date(string="Week of", required=True,
                       default=fields.Date.context_today)
    period_id = fields.Many2one("kpa.remuneration.period", string="Week",
                                readonly=True)
    currency_id = fields.Many2one(related="period_id.currency_id",
                                  readonly=True)
    period_state = fields.Selection(related="period_id.state",
                                    readonly=True)
    criterion_ids = fields.One2many(related="kpa_id.remuneration_criterion_ids",
                                    readonly=True)
    amount_available = fields.Monetary(related="period_id.amount_available",
                                       readonly=True)
    pot_explanation = fields.Text(related="period_id.pot_explanation",
                                  readonly=True)
    line_ids = fields.One2many("kpa.remuneration.wizard.line", "wizard_id",
                               string="Members")
    amount_total_cost = fields.Monetary(
        string="Total cost", compute="_compute_totals")
    amount_total_net = fields.Monetary(string="Total net",
                                       compute="_compute_totals")
    amount_left = fields.Monetary(string="Left", compute="_compute_totals")
    over_budget = fields.Boolean(compute="_compute_totals")

    @api.depends("line_ids.amount_cost", "line_ids.amount_net",
                 "amount_available")
    def _compute_totals(self):
        for wizard in self:
            lines = wizard.line_ids.filtered("can_be_paid")
            cost = sum(pot.to_decimal(line.amount_cost) for line in lines)
            wizard.amount_total_cost = float(cost)
            wizard.amount_total_net = sum(lines.mapped("amount_net"))
            left = pot.cents(wizard.amount_available) - cost
            wizard.amount_left = float(left)
            wizard.over_budget = left < 0

    @api.model
    def create(self, vals):
        wizard = super().create(vals)
        wizard._kpa_fill()
        return wizard

    @api.multi
    def write(self, vals):
        if vals.get("kpa_id"):
            self._kpa_check_session_rights(
                self.env["kpa.cooperative"].browse(vals["kpa_id"]))
        if vals.get("line_ids"):
            vals = dict(vals, line_ids=self._kpa_write_typed_rows(
                vals["line_ids"]))
            if not vals["line_ids"]:
                del vals["line_ids"]
        return super().write(vals) if vals else True

    def _kpa_write_typed_rows(self, commands):
        """Save what the group typed in the rows (the form sends one
        ``[1, id, values]`` command per row changed) in one UPDATE per set
        of fields typed, where Odoo would write each row on its own;
        returns the commands left for Odoo. Only the typed fields go this
        way, on rows of these sessions that their user may write."""
        Line = self.env["kpa.remuneration.wizard.line"]
        typed = {}
        rest = []
        for command in commands:
            if isinstance(command, (list, tuple)) and len(command) == 3 \
                    and command[0] == 1 and command[2] \
                    and set(command[2]) <= set(TYPED_FIELDS):
                typed.setdefault(tuple(sorted(command[2])), []).append(
                    (command[1], command[2]))
            else:
                rest.append(command)
        if not typed:
            return commands
        lines = Line.browse([line_id for rows in typed.values()
                             for line_id, _values in rows])
        lines.check_access_rights("write")
        lines.check_access_rule("write")
        if lines.filtered(lambda line: line.wizard_id not in self):
            raise UserError(_("These rows belong to another session."))
        for rows in typed.values():
            update_rows(self.env, Line, rows)
        lines.invalidate_cache(list(TYPED_FIELDS))
        lines._validate_fields(set(TYPED_FIELDS))
        return rest

    def _kpa_action(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "name": _("Weekly session"),
            # Ready to type in: the group fills it in together. Its buttons
            # save it; the web client's own Save would keep the rows only.
            "context": {"form_view_initial_mode": "edit"},
            "flags": {"default_buttons": False, "sidebar": False},
        }

    def _kpa_fill(self):
        """One row per current member, in a fixed number of queries."""
        self.ensure_one()
        kpa = self.kpa_id
        self._kpa_check_session_rights(kpa)
        period = self.env["kpa.remuneration.period"]._kpa_get_week(
            kpa, self.date)
        trusted(self).write({"period_id": period.id})
        start, end = period.date_start, period.date_end
        memberships = self.env["kpa.membership"].sudo().search([
            ("kpa_id", "=", kpa.id), ("date_join", "<=", end),
            "|", ("date_leave", "=", False), ("date_leave", ">=", start)])
        declarations = self.env["kpa.remuneration.declaration"].sudo().search(
            [("period_id", "=", period.id)])
        partners = memberships.mapped("partner_id") \
            | declarations.mapped("partner_id")
        payable = self.env["kpa.remuneration.declaration"]._kpa_payability(
            kpa, partners, start, end)
        hours = self._kpa_hours(kpa, partners, start, end)
        referent = self._kpa_referent_tasks(kpa, start, end)
        by_partner = {d.partner_id.id: d for d in declarations}
        rows = []
        for partner in partners.sorted("name"):
            declaration = by_partner.get(partner.id)
            problem = payable[partner.id][1]
            rows.append({
                "partner_id": partner.id,
                "declaration_id": declaration.id if declaration else None,
                "contract_id": payable[partner.id][0].id or None,
                "can_be_paid": not problem,
                "reason": problem or None,
                "hours_logged": hours.get(partner.id, 0.0),
                "prestations": ", ".join(referent.get(partner.id, [])) or None,
                "amount_net": declaration.amount_net if declaration else 0.0,
                "hours": declaration.hours if declaration
                else hours.get(partner.id, 0.0),
                "comment": declaration.comment if declaration else None,
                "state": declaration.state if declaration else None,
            })
        self._kpa_replace_lines(rows)

    def _kpa_check_session_rights(self, kpa):
        """Only those who run the KPA's weeks hold its session: it shows
        every member's hours and words (a wizard has no record rules)."""
        Period = self.env["kpa.remuneration.period"]
        if not (self.env.user.has_group(
                "kpa_cooperative.group_kpa_coordinator")
                and Period.check_access_rights("write",
                                               raise_exception=False)):
            raise AccessError(_(
                "Only the KPA's coordinators hold its weekly session."))
        kpa.check_access_rule("write")

    def _kpa_replace_lines(self, rows):
        """Write the session's rows in one INSERT, whatever the number of
        members (the ORM would run one INSERT per row). Every column is a
        plain stored one; the computed pay is not stored."""
        self.ensure_one()
        self.env.cr.execute("DELETE FROM kpa_remuneration_wizard_line "
                            "WHERE wizard_id = %s", (self.id,))
        insert_rows(self.env, "kpa_remuneration_wizard_line",
                    [dict(row, wizard_id=self.id) for row in rows])
        self.invalidate_cache(["line_ids"])

    @api.model
    def _kpa_hours(self, kpa, partners, start, end):
        """Hours logged on the KPA's prestations that week, per member."""
        if not kpa.project_id:
            return {}
        rows = self.env["account.analytic.line"].sudo().read_group([
            ("project_id", "=", kpa.project_id.id),
            ("date", ">=", start), ("date", "<=", end)],
            ["employee_id", "unit_amount"], ["employee_id"])
        employee_ids = [row["employee_id"][0] for row in rows
                        if row["employee_id"]]
        employees = self.env["hr.employee"].sudo().browse(employee_ids)
        partner_of = {}
        for employee in employees:
            partner = employee.address_home_id or employee.user_id.partner_id
            partner_of[employee.id] = partner.id
        hours = {}
        for row in rows:
            if row["employee_id"]:
                partner_id = partner_of.get(row["employee_id"][0])
                if partner_id in partners.ids:
                    hours[partner_id] = hours.get(partner_id, 0.0) \
                        + row["unit_amount"]
        return hours

    @api.model
    def _kpa_referent_tasks(self, kpa, start, end):
        """Names of the prestations planned that week, per referent."""
        tasks = self.env["project.task"].sudo().search([
            ("kpa_id", "=", kpa.id), ("kpa_date_planned", ">=", start),
            ("kpa_date_planned", "<=", end)])
        names = {}
        for task in tasks:
            for partner in task.kpa_referent_ids:
                names.setdefault(partner.id, []).append(task.name)
        return names

    @api.onchange("kpa_id", "date")
    def _onchange_week(self):
        if self.date:
            self.date = fields.Date.to_string(pot.week_bounds(
                fields.Date.from_string(self.date))[0])

    def action_load(self):
        """Show the chosen KPA and week (the form reloads: no new step in
        the breadcrumbs)."""
        self._kpa_fill()
        return True

    def action_save(self):
        """Create or update the declarations of the rows (as drafts for a
        new row: the week is then validated as a whole)."""
        self.ensure_one()
        self._kpa_check_session_rights(self.kpa_id)
        if self.period_id.state != "open":
            raise UserError(_("This week is validated: nothing can change."))
        Declaration = self.env["kpa.remuneration.declaration"]
        changes = {}
        lines = self.line_ids.filtered("can_be_paid")
        # The declarations read in one go (their rules checked once).
        current = {row["id"]: row for row in lines.mapped(
            "declaration_id").read(["state"] + list(TYPED_FIELDS))}
        for line in lines:
            values = {"amount_net": line.amount_net, "hours": line.hours,
                      "comment": line.comment}
            declaration = line.declaration_id
            if declaration:
                if current[declaration.id]["state"] == "validated":
                    continue
                changed = {key: value for key, value in values.items()
                           if (current[declaration.id][key] or False)
                           != (value or False)}
                if changed:
                    changes[declaration.id] = changed
            elif line.amount_net or line.hours or line.comment:
                Declaration.create(dict(values, period_id=self.period_id.id,
                                        partner_id=line.partner_id.id))
        # Every row changed in one go (the same checks as a write of each).
        Declaration._kpa_write_rows(changes)
        self._kpa_fill()
        return True

    def action_validate(self):
        self.action_save()
        self.period_id.action_validate()
        self._kpa_fill()  # the rows show the week as validated
        return True


class KpaRemunerationWizardLine(models.TransientModel):
    _name = "kpa.remuneration.wizard.line"
    _inherit = ["kpa.guard.mixin"]
    _description = "Weekly session: a member"
    # Its card and its dialog are titled with the member's name.
    _rec_name = "partner_id"
    # Filled from the week by the session; the group types only the rest.
    _kpa_protected_fields = ("partner_id", "declaration_id", "contract_id",
                             "state",
                             "can_be_paid", "reason", "hours_logged",
                             "prestations")
    _kpa_fixed_fields = ("wizard_id",)

    wizard_id = fields.Many2one("kpa.remuneration.wizard", required=True,
                                ondelete="cascade")
    currency_id = fields.Many2one(related="wizard_id.currency_id",
                                  readonly=True)
    partner_id = fields.Many2one("res.partner", string="Member",
                                 readonly=True)
    declaration_id = fields.Many2one("kpa.remuneration.declaration",
                                     readonly=True)
    contract_id = fields.Many2one("hr.contract", string="CAPE",
                                  readonly=True)
    state = fields.Selection([
        ("draft", "Draft"),
        ("submitted", "Sent"),
        ("validated", "Validated"),
        ("refused", "Refused"),
    ], readonly=True)
    can_be_paid = fields.Boolean(readonly=True)
    reason = fields.Char(string="Why not", readonly=True)
    hours_logged = fields.Float(readonly=True)
    prestations = fields.Char(string="Referent of", readonly=True)
    amount_net = fields.Monetary(string="Net")
    hours = fields.Float()
    comment = fields.Char(string="Word")
    amount_gross = fields.Monetary(string="Gross", compute="_compute_pay")
    amount_employer = fields.Monetary(string="Employer charges",
                                      compute="_compute_pay")
    amount_cost = fields.Monetary(string="Cost", compute="_compute_pay")

    @api.depends("amount_net")
    def _compute_pay(self):
        rates = {}
        for line in self:
            gross, employer, cost = pot.pay_from_net(
                pot.cents(line.amount_net or 0), *line._kpa_rates(rates))
            line.amount_gross = float(gross)
            line.amount_employer = float(employer)
            line.amount_cost = float(cost)

    def _kpa_rates(self, rates):
        """The rates of this member's CAPE (found when the session was
        filled) in the session's week, looked up once per kind of contract
        (``rates``: the caller's dict)."""
        period = self.wizard_id.period_id
        contract = self.sudo().contract_id
        key = (period.id, contract.kpa_rate_kind)
        if key not in rates:
            rates[key] = period._kpa_rates(contract)
        return rates[key]
