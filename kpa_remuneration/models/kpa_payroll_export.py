# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import calendar
import csv
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.kpa_cooperative.services.formatting import fmt_money
from odoo.addons.kpa_cooperative.services.trust import trusted

from ..services import payroll_csv, pot

MONTHS = [("%02d" % number, "%02d" % number) for number in range(1, 13)]


class KpaPayrollExport(models.Model):
    """The hand-off of a month's validated pay to the CAE's payroll
    software, and the real figures it gives back.

    The weekly entries book estimates (the rates of the weeks); the
    provider makes the payslips and the DSN. Its figures, imported, are
    booked as one entry of differences (real minus estimate) and the cost
    difference goes back into each KPA's pot the week after the import."""

    _name = "kpa.payroll.export"
    _description = "Payroll hand-off"
    _inherit = ["kpa.guard.mixin", "mail.thread"]
    _order = "month desc, id desc"
    _kpa_protected_fields = ("state", "move_id", "date_import",
                             "date_adjustment")
    _kpa_fixed_fields = ("company_id",)
    _kpa_frozen_writable = ("import_file", "import_filename")

    name = fields.Char(compute="_compute_name")
    month = fields.Date(
        required=True, readonly=True, states={"draft": [("readonly", False)]},
        default=lambda self: fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self))
            .replace(day=1)),
        help="Any day of the month: the weeks whose Sunday falls in it.")
    company_id = fields.Many2one(
        "res.company", string="Company", required=True, readonly=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id",
                                  readonly=True)
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", readonly=True,
        states={"draft": [("readonly", False)]},
        help="Empty: every KPA of the company.")
    state = fields.Selection([
        ("draft", "Draft"),
        ("exported", "Exported"),
        ("imported", "Imported"),
    ], default="draft", required=True, readonly=True, index=True,
        track_visibility="onchange")
    line_ids = fields.One2many("kpa.payroll.export.line", "export_id",
                               string="Lines", readonly=True)
    move_id = fields.Many2one("account.move", string="Difference entry",
                              readonly=True, copy=False)
    date_import = fields.Date(string="Imported on", readonly=True,
                              copy=False)
    date_adjustment = fields.Date(
        string="Pot adjusted from", readonly=True, copy=False,
        help="The Monday after the import: from that week on, the pot of "
             "each KPA counts the difference between real and estimated "
             "pay.")
    import_file = fields.Binary(
        string="Payroll figures (CSV)", attachment=True, copy=False,
        help="Columns: reference;nom;brut;charges_patronales;net_paye;"
             "net_social;prelevement_source (see the module's README).")
    import_filename = fields.Char(copy=False)
    amount_gross = fields.Monetary(string="Gross (estimate)",
                                   compute="_compute_totals")
    amount_difference = fields.Monetary(string="Difference (cost)",
                                        compute="_compute_totals")

    @api.depends("month", "kpa_id")
    def _compute_name(self):
        for export in self:
            if export.month:
                name = _("Payroll %s") % export.month[:7]
                if export.kpa_id:
                    name = "%s - %s" % (name, export.kpa_id.name)
                export.name = name

    @api.depends("line_ids.amount_gross", "line_ids.amount_difference")
    def _compute_totals(self):
        for export in self:
            export.amount_gross = sum(export.line_ids.mapped("amount_gross"))
            export.amount_difference = sum(
                export.line_ids.mapped("amount_difference"))

    # ------------------------------------------------------------------
    def _kpa_frozen(self):
        return self.sudo().filtered(lambda e: e.state != "draft")

    def _kpa_frozen_message(self, record):
        return _("%s is exported: it does not change any more.") % (
            record.sudo().name)

    def _kpa_protected_message(self, names):  # pylint: disable=W0613
        return _("A payroll hand-off is exported and imported with its "
                 "buttons only.")

    def _kpa_check_payroll_user(self):
        user = self.env.user
        if not (user.has_group("kpa_cooperative.group_kpa_manager")
                or user.has_group("account.group_account_manager")):
            raise AccessError(_(
                "Only the CAE's managers and accountants hand the pay to "
                "the payroll."))

    @staticmethod
    def _kpa_first_of_month(vals):
        """The month kept as its first day, whatever day was picked."""
        if isinstance(vals.get("month"), str) and len(vals["month"]) >= 10:
            vals = dict(vals, month=vals["month"][:8] + "01")
        return vals

    @api.model
    def create(self, vals):
        return super().create(self._kpa_first_of_month(vals))

    @api.multi
    def write(self, vals):
        return super().write(self._kpa_first_of_month(vals))

    @api.multi
    def unlink(self):
        if self._kpa_frozen():
            raise UserError(_(
                "An exported payroll hand-off cannot be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Export
    # ------------------------------------------------------------------
    def _kpa_month_bounds(self):
        day = fields.Date.from_string(self.month)
        last = calendar.monthrange(day.year, day.month)[1]
        return (fields.Date.to_string(day.replace(day=1)),
                fields.Date.to_string(day.replace(day=last)))

    def _kpa_declarations(self):
        """The validated declarations of the month not handed off yet."""
        first, last = self._kpa_month_bounds()
        domain = [("state", "=", "validated"),
                  ("company_id", "=", self.company_id.id),
                  ("period_id.date_end", ">=", first),
                  ("period_id.date_end", "<=", last)]
        if self.kpa_id:
            domain.append(("kpa_id", "=", self.kpa_id.id))
        declarations = self.env["kpa.remuneration.declaration"].sudo().search(
            domain, order="date_start, id")
        taken = self.env["kpa.payroll.export.line"].sudo().search([
            ("export_id", "!=", self.id),
            ("export_id.state", "!=", "draft"),
            ("declaration_ids", "in", declarations.ids)]).mapped(
            "declaration_ids")
        return declarations - taken

    def _kpa_line_values(self):
        """The lines of the hand-off: one per person and KPA, the
        estimates read from what the validated declarations stored."""
        groups = {}
        for declaration in self._kpa_declarations():
            key = (declaration.partner_id.id, declaration.kpa_id.id)
            groups.setdefault(key, self.env[
                "kpa.remuneration.declaration"].sudo())
            groups[key] |= declaration
        values = []
        for number, ((partner, kpa), declarations) in enumerate(
                sorted(groups.items(), key=lambda item: (
                    item[1][0].partner_id.name or "", item[0])), start=1):
            money = {name: float(sum(pot.to_decimal(d[name])
                                     for d in declarations))
                     for name in ("amount_net", "amount_gross",
                                  "amount_employer")}
            values.append(dict(
                money, reference="%s-%04d" % (self.month[:7], number),
                partner_id=partner, kpa_id=kpa,
                contract_id=declarations.mapped("contract_id")[-1:].id,
                declaration_ids=[(6, 0, declarations.ids)],
                weeks=len(declarations.mapped("period_id")),
                hours=sum(declarations.mapped("hours"))))
        return values

    @api.multi
    def action_compute_lines(self):
        """Draft: the lines as they would be exported now."""
        self._kpa_check_payroll_user()
        for export in self:
            if export.state != "draft":
                raise UserError(export._kpa_frozen_message(export))
            export.sudo().line_ids.unlink()
            export.sudo().write({"line_ids": [
                (0, 0, values) for values in export._kpa_line_values()]})
        return True

    def _kpa_csv_rows(self):
        return [(line.reference, line.partner_id.name, line.kpa_id.name,
                 line.contract_id.name or "", line.weeks, line.hours,
                 line.amount_net, line.amount_gross, line.amount_employer)
                for line in self.sudo().line_ids]

    @api.multi
    def action_export(self):
        """The lines made again from the validated weeks, the CSV file
        attached, and the export's weeks can no longer be undone."""
        self._kpa_check_payroll_user()
        for export in self:
            export._kpa_check_writer()
            if export.state != "draft":
                raise UserError(export._kpa_frozen_message(export))
            export.action_compute_lines()
            if not export.line_ids:
                raise UserError(_(
                    "No validated pay to hand off for %s.") % export.name)
            self.env["ir.attachment"].sudo().create({
                "name": "%s.csv" % export.name,
                "datas_fname": "%s.csv" % export.name,
                "datas": base64.b64encode(payroll_csv.write_csv(
                    export._kpa_csv_rows())),
                "res_model": export._name, "res_id": export.id,
                "mimetype": "text/csv",
            })
            trusted(export).write({"state": "exported"})
            export.message_post(body=_(
                "Exported by %s: %d lines, gross %s (estimates).") % (
                self.env.user.name, len(export.line_ids),
                fmt_money(export.amount_gross)))
        return True

    # ------------------------------------------------------------------
    # Import of the provider's figures
    # ------------------------------------------------------------------
    def _kpa_parse_import(self, data):
        """{line: {field: Decimal}} from the provider's file, or a
        UserError naming the first bad line and column (nothing is
        stored: the caller writes only after this returns)."""
        try:
            headers, rows = payroll_csv.read_csv(data)
        except (UnicodeDecodeError, csv.Error):
            raise UserError(_(
                "The file is not a CSV text file (UTF-8, columns separated "
                "by \";\")."))
        needed = ("reference",) + tuple(
            header for header, _field in payroll_csv.IMPORT_COLUMNS)
        missing = [header for header in needed if header not in headers]
        if missing:
            raise UserError(_(
                "Line 1: the column(s) %s are missing. The first line must "
                "name the columns: %s.") % (
                ", ".join(missing), ";".join(payroll_csv.IMPORT_HEADERS)))
        lines = {line.reference: line for line in self.sudo().line_ids}
        result = {}
        for number, row in rows:
            line = lines.get(row["reference"])
            if not line:
                raise UserError(_(
                    "Line %d, column \"reference\": %s is not a line of "
                    "this hand-off.") % (number, row["reference"] or '""'))
            if line in result:
                raise UserError(_(
                    "Line %d, column \"reference\": %s comes twice.") % (
                    number, row["reference"]))
            figures = {}
            for header, field in payroll_csv.IMPORT_COLUMNS:
                value, problem = pot.parse_amount(row[header])
                if problem:
                    raise UserError(_(
                        "Line %d, column \"%s\": \"%s\" is not an amount in "
                        "euros (zero or more, two decimals at most).") % (
                        number, header, row[header]))
                figures[field] = value
            if figures["real_net_social"] - figures["real_withholding"] \
                    != figures["real_net_paid"]:
                raise UserError(_(
                    "Line %d, column \"net_paye\": the net paid (%s) must "
                    "be the net social amount (%s) minus the income tax "
                    "withheld (%s).") % (
                    number, fmt_money(figures["real_net_paid"]),
                    fmt_money(figures["real_net_social"]),
                    fmt_money(figures["real_withholding"])))
            if figures["real_net_social"] > figures["real_gross"]:
                raise UserError(_(
                    "Line %d, column \"net_social\": the net social amount "
                    "(%s) cannot be more than the gross (%s).") % (
                    number, fmt_money(figures["real_net_social"]),
                    fmt_money(figures["real_gross"])))
            result[line] = figures
        absent = [reference for reference, line in sorted(lines.items())
                  if line not in result]
        if absent:
            raise UserError(_(
                "The file has no line for %s: every exported line needs its "
                "figures.") % ", ".join(absent))
        return result

    @api.multi
    def action_import(self):
        """Book the provider's figures: the lines get them, one entry books
        the differences, the pots count them from next Monday."""
        self._kpa_check_payroll_user()
        self.ensure_one()
        self._kpa_check_writer()
        export = self.sudo()
        if export.state != "exported":
            raise UserError(_(
                "Only an exported hand-off takes the payroll's figures "
                "(%s).") % export.name)
        if not export.import_file:
            raise UserError(_(
                "Attach the payroll's CSV file first (field \"Payroll "
                "figures\")."))
        figures = self._kpa_parse_import(base64.b64decode(export.import_file))
        for line, values in figures.items():
            line.write({name: float(value) for name, value in values.items()})
        today = fields.Date.from_string(fields.Date.context_today(self))
        monday = today + datetime.timedelta(days=7 - today.weekday())
        trusted(self).write({
            "state": "imported",
            "date_import": fields.Date.to_string(today),
            "date_adjustment": fields.Date.to_string(monday)})
        move = export._kpa_post_difference()
        trusted(self).write({"move_id": move.id})
        self.message_post(body=_(
            "Payroll figures imported by %s: difference %s (real cost minus "
            "estimate), counted in the pots from %s.") % (
            self.env.user.name, fmt_money(self.amount_difference),
            fields.Date.to_string(monday)))
        return True

    def _kpa_difference_lines(self):
        """(account, amount, partner, analytic, label) of the difference
        entry; amount > 0 on the account's usual side (debit for 641 and
        645, credit for the others), < 0 the other way."""
        accounts = self.company_id._kpa_remuneration_accounts()
        result = []
        for line in self.line_ids:
            analytic = line.kpa_id.analytic_account_id.id
            label = "%s - %s" % (line.partner_id.name, self.name)
            estimated_social = line.amount_gross - line.amount_net \
                + line.amount_employer
            real_social = line.real_gross - line.real_net_social \
                + line.real_employer
            result += [
                ("kpa_gross_account_id", line.real_gross - line.amount_gross,
                 False, analytic, _("Gross pay, %s") % label),
                ("kpa_employer_account_id",
                 line.real_employer - line.amount_employer, False, analytic,
                 _("Employer charges, %s") % label),
                ("kpa_net_account_id", line.real_net_paid - line.amount_net,
                 line.partner_id.id, False, _("Net pay %s") % label),
                ("kpa_contribution_account_id",
                 real_social - estimated_social, False, False,
                 _("Contributions, %s") % label),
                ("kpa_withholding_account_id", line.real_withholding, False,
                 False, _("Income tax withheld, %s") % label),
            ]
        debit_side = ("kpa_gross_account_id", "kpa_employer_account_id")
        values = []
        for field, amount, partner, analytic, label in result:
            amount = round(amount, 2)
            if not amount:
                continue
            debit = amount if field in debit_side else -amount
            values.append({
                "account_id": accounts[field].id, "partner_id": partner,
                "analytic_account_id": analytic, "name": label,
                "debit": max(debit, 0.0), "credit": max(-debit, 0.0)})
        return values

    def _kpa_post_difference(self):
        """One balanced entry of the month: real pay minus the weekly
        estimates, analytic account = each member's KPA."""
        values = self._kpa_difference_lines()
        if not values:
            return self.env["account.move"]
        move = self.env["account.move"].sudo().create({
            "journal_id": self.company_id._kpa_remuneration_journal().id,
            "date": self.date_import,
            "ref": _("%s: real pay minus estimates") % self.name,
            "company_id": self.company_id.id,
            "line_ids": [(0, 0, line) for line in values],
        })
        move.post()
        return move
