# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .kpa_membership import CURRENT_DOMAIN
from .kpa_private_mixin import EVERYONE, NOBODY

CODE_PATTERN = re.compile(r"^[A-Z0-9]{2,5}$")
# What the CAE decides for a KPA; its coordinators run the rest day to day
# (brand, logo, places, members, notes).
CAE_SETTINGS = ("code", "contribution_rate", "reserve_rate",
                "coordinator_ids", "company_id", "carrier_partner_id",
                "journal_id", "analytic_account_id", "project_id", "active",
                "quote_sequence_id", "reserve_analytic_account_id")

# What a KPA project calls its tasks (project.project.label_tasks; stored
# in the project, so written in French like the KPA's own data).
PRESTATIONS_LABEL = "Prestations"
# The analytic account of a KPA's reserve, in the CAE's (French) books.
RESERVE_ANALYTIC_NAME = "%s – réserve"


class KpaCooperative(models.Model):
    """A KPA: a neighbourhood cooperative hosted by the CAE under one brand."""

    _name = "kpa.cooperative"
    _description = "KPA (neighbourhood cooperative)"
    _inherit = ["mail.thread", "kpa.private.mixin"]
    _order = "name"

    name = fields.Char(string="Brand", required=True, track_visibility="onchange")
    code = fields.Char(
        required=True, track_visibility="onchange",
        help="Short code, 2 to 5 capital letters or digits: it prefixes the "
             "invoice numbers of the KPA (CODE/2026/0001).")
    logo = fields.Binary(attachment=True)
    color = fields.Integer()
    active = fields.Boolean(default=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", string="CAE", required=True, index=True,
        default=lambda self: self.env.user.company_id,
        help="The CAE that hosts the KPA and issues its invoices.")
    carrier_partner_id = fields.Many2one(
        "res.partner", string="Structure porteuse",
        help="The local association that carries the KPA, if any.")
    place_ids = fields.One2many("kpa.place", "kpa_id", string="Places")
    coordinator_ids = fields.Many2many(
        "res.users", "kpa_cooperative_coordinator_rel", "kpa_id", "user_id",
        string="Coordinators",
        default=lambda self: self.env.user,
        domain=lambda self: [
            ("groups_id", "in",
             self.env.ref("kpa_cooperative.group_kpa_coordinator").id)])
    membership_ids = fields.One2many(
        "kpa.membership", "kpa_id", string="Memberships")
    journal_id = fields.Many2one(
        "account.journal", string="Sales journal", readonly=True, copy=False,
        help="The KPA's own sales journal and invoice numbering.")
    project_id = fields.Many2one(
        "project.project", string="Prestations project", readonly=True,
        copy=False)
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Analytic account", readonly=True,
        copy=False)
    reserve_analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Reserve analytic account",
        readonly=True, copy=False,
        help="Receives the KPA's reserve at each client payment.")
    quote_sequence_id = fields.Many2one(
        "ir.sequence", string="Quote numbering", readonly=True, copy=False,
        help="The KPA's own quote numbers (DEV-CODE/2026/0001).")
    quote_validity_days = fields.Integer(
        string="Quotes valid for (days)", default=30,
        help="How long a new quote of the KPA stays valid.")
    contribution_rate = fields.Float(
        string="CAE contribution", default=0.10, digits=(3, 4),
        track_visibility="onchange",
        help="Share of cashed revenue that goes to the CAE (0.10 = 10 %).")
    reserve_rate = fields.Float(
        string="Reserve", default=0.05, digits=(3, 4),
        track_visibility="onchange",
        help="Share of cashed revenue kept as the KPA's treasury.")
    note = fields.Html()
    member_count = fields.Integer(compute="_compute_member_count")
    newcomer_count = fields.Integer(compute="_compute_member_count")
    open_task_count = fields.Integer(
        string="Open prestations", compute="_compute_open_task_count")
    cashed_this_month = fields.Monetary(
        compute="_compute_cashed_this_month",
        currency_field="currency_id",
        help="Untaxed amount clients paid this month.")
    currency_id = fields.Many2one(related="company_id.currency_id",
                                  readonly=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)",
         "Another KPA of this CAE already uses this code."),
    ]

    # ------------------------------------------------------------------
    # The CAE's settings: read by whoever reads the KPA, changed by the
    # CAE only (kpa.private.mixin refuses the write, whatever the client).
    # ------------------------------------------------------------------
    def _kpa_private_fields(self):
        result = super()._kpa_private_fields()
        result.update(dict.fromkeys(CAE_SETTINGS, "settings"))
        return result

    def _kpa_private_domain(self, kind, mode="read"):
        if kind == "settings":
            return EVERYONE if mode == "read" \
                or self._kpa_private_sees_all(kind, mode) else NOBODY
        return super()._kpa_private_domain(kind, mode)

    def _kpa_private_message(self, names):
        if set(names) <= set(CAE_SETTINGS):
            labels = [self._fields[name].get_description(self.env)["string"]
                      for name in names]
            return _("%s: settings of the KPA that only the CAE (CAE "
                     "manager) changes.") % ", ".join(sorted(labels))
        return super()._kpa_private_message(names)

    @api.model
    def _kpa_check_settings_create(self, vals):
        """A coordinator may create a KPA they coordinate, with the CAE's
        default settings: its code and brand are theirs to choose."""
        if self._kpa_private_sees_all("settings", "write"):
            return
        given = [name for name in CAE_SETTINGS
                 if name in vals and name != "code"]
        defaults = self.default_get(given)
        refused = []
        for name in given:
            value = vals[name]
            if name == "coordinator_ids":
                if self._kpa_command_ids(value) != self.env.user.ids:
                    refused.append(name)
            elif (value or False) != (defaults.get(name) or False):
                refused.append(name)
        if refused:
            raise AccessError(self._kpa_private_message(refused))

    @staticmethod
    def _kpa_command_ids(commands):
        """The ids an x2many value of (4, id) and (6, 0, ids) commands
        sets, sorted; None for any other command."""
        ids = set()
        for command in commands or []:
            if command[0] == 6:
                ids = set(command[2])
            elif command[0] == 4:
                ids.add(command[1])
            else:
                return None
        return sorted(ids)

    def _compute_member_count(self):
        # One grouped query for the whole kanban, not one per KPA.
        data = self.env["kpa.membership"].read_group(
            [("kpa_id", "in", self.ids)] + CURRENT_DOMAIN,
            ["kpa_id", "state"], ["kpa_id", "state"], lazy=False)
        counts = {}
        for row in data:
            key = (row["kpa_id"][0], row["state"])
            counts[key] = row["__count"]
        for kpa in self:
            kpa.newcomer_count = counts.get((kpa.id, "newcomer"), 0)
            kpa.member_count = counts.get((kpa.id, "member"), 0) \
                + kpa.newcomer_count

    def _compute_open_task_count(self):
        data = self.env["project.task"].read_group(
            [("kpa_id", "in", self.ids),
             ("stage_id.kpa_stage", "in", ("todo", "progress"))],
            ["kpa_id"], ["kpa_id"])
        counts = {row["kpa_id"][0]: row["kpa_id_count"] for row in data}
        for kpa in self:
            kpa.open_task_count = counts.get(kpa.id, 0)

    def _compute_cashed_this_month(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        data = self.env["kpa.cashed.report"].read_group(
            [("kpa_id", "in", self.ids), ("kind", "=", "revenue"),
             ("date", ">=", fields.Date.to_string(today.replace(day=1)))],
            ["kpa_id", "amount_cashed"], ["kpa_id"])
        sums = {row["kpa_id"][0]: row["amount_cashed"] for row in data}
        for kpa in self:
            kpa.cashed_this_month = sums.get(kpa.id, 0.0)

    @api.constrains("contribution_rate", "reserve_rate")
    def _check_rates(self):
        for kpa in self:
            rates = (kpa.contribution_rate, kpa.reserve_rate)
            if any(rate < 0 or rate >= 1 for rate in rates) \
                    or sum(rates) >= 1:
                raise ValidationError(_(
                    "The CAE contribution and the reserve are shares of the "
                    "cashed revenue: each between 0 %% and 100 %%, and "
                    "together under 100 %% (KPA %s).") % kpa.name)

    @api.constrains("code")
    def _check_code(self):
        for kpa in self:
            if not CODE_PATTERN.match(kpa.code or ""):
                raise ValidationError(_(
                    "The code must be 2 to 5 capital letters or digits, "
                    "for example CAPE (got \"%s\").") % kpa.code)

    @api.onchange("code")
    def _onchange_code(self):
        if self.code:
            self.code = self.code.strip().upper()

    @api.model
    def create(self, vals):
        self._kpa_check_settings_create(vals)
        if vals.get("code"):
            vals["code"] = vals["code"].strip().upper()
        kpa = super().create(vals)
        kpa._create_accounting_and_project()
        kpa._kpa_ensure_quote_sequence()
        return kpa

    @api.multi
    def write(self, vals):
        if "code" in vals and any(kpa.journal_id for kpa in self):
            if any(kpa.code != (vals["code"] or "").strip().upper()
                   for kpa in self):
                raise ValidationError(_(
                    "The code of a KPA numbers its invoices: it cannot "
                    "change once the KPA exists."))
        if "company_id" in vals and any(
                kpa.company_id.id != vals["company_id"] for kpa in self):
            raise ValidationError(_(
                "A KPA cannot move to another CAE: its journal and invoices "
                "belong to this one."))
        old_coordinators = {kpa.id: kpa.coordinator_ids for kpa in self}
        res = super().write(vals)
        if "coordinator_ids" in vals:
            for kpa in self:
                kpa._sync_project_followers(old_coordinators[kpa.id])
        if "name" in vals:
            for kpa in self:
                kpa.journal_id.sudo().name = kpa._journal_name()
                kpa.project_id.sudo().name = kpa._project_name()
                kpa.reserve_analytic_account_id.sudo().name = \
                    RESERVE_ANALYTIC_NAME % kpa.name
        if "active" in vals:
            self.mapped("journal_id").sudo().write({"active": vals["active"]})
            self.mapped("project_id").sudo().write({"active": vals["active"]})
        return res

    def _journal_name(self):
        return _("Sales %s") % self.name

    def _project_name(self):
        return _("Prestations %s") % self.name

    def _create_accounting_and_project(self):
        """Give the KPA its own journal, numbering, analytic account and
        "Prestations" project.

        Done as superuser: a coordinator may create a KPA without being an
        accountant, and the journal must still belong to the CAE's books.
        """
        for kpa in self.sudo():
            journal = self.env["account.journal"].sudo().create({
                "name": kpa._journal_name(),
                "code": kpa.code,
                "type": "sale",
                "company_id": kpa.company_id.id,
                "refund_sequence": True,
                "show_on_dashboard": True,
            })
            project = self.env["project.project"].sudo().create({
                "name": kpa._project_name(),
                "company_id": kpa.company_id.id,
                "code": kpa.code,
                "kpa_id": kpa.id,
                "allow_timesheets": True,
                # Followers only: coordinators of other KPAs must not see
                # these prestations (Odoo's own project rules do the work).
                "privacy_visibility": "followers",
                # "3 Prestations" on the dashboard, not "3 Tasks".
                "label_tasks": PRESTATIONS_LABEL,
                "type_ids": [(6, 0, self._prestation_stages().ids)],
            })
            kpa.write({
                "journal_id": journal.id,
                "project_id": project.id,
                "analytic_account_id": project.analytic_account_id.id,
            })
            kpa._sync_project_followers(self.env["res.users"])
        self._kpa_ensure_reserve_analytic()

    def _kpa_ensure_reserve_analytic(self):
        """Give each KPA of ``self`` its reserve analytic account if it has
        none (as superuser, like the journal). Idempotent."""
        for kpa in self.sudo().filtered(
                lambda k: not k.reserve_analytic_account_id):
            account = self.env["account.analytic.account"].sudo().create({
                "name": RESERVE_ANALYTIC_NAME % kpa.name,
                "company_id": kpa.company_id.id,
            })
            kpa.write({"reserve_analytic_account_id": account.id})

    @api.model
    def _prestation_stages(self):
        return self.env["project.task.type"].search(
            [("kpa_stage", "!=", False)], order="sequence")

    def _sync_project_followers(self, old_coordinators):
        """The coordinators follow the KPA's project, so they see it."""
        project = self.project_id.sudo()
        if not project:
            return
        gone = old_coordinators - self.coordinator_ids
        if gone:
            project.message_unsubscribe(
                partner_ids=gone.mapped("partner_id").ids)
        project.message_subscribe(
            partner_ids=self.coordinator_ids.mapped("partner_id").ids)

    def action_view_prestations(self):
        self.ensure_one()
        action = self.env.ref("kpa_cooperative.project_task_action").read()[0]
        action["domain"] = [("kpa_id", "=", self.id)]
        action["context"] = {"default_project_id": self.project_id.id}
        return action

    def action_view_members(self):
        self.ensure_one()
        action = self.env.ref("kpa_cooperative.kpa_membership_action").read()[0]
        action["domain"] = [("kpa_id", "=", self.id)]
        action["context"] = {"default_kpa_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Quotes: the KPA's own numbering
    # ------------------------------------------------------------------
    @api.constrains("quote_validity_days")
    def _check_quote_validity_days(self):
        for kpa in self:
            if not 1 <= kpa.quote_validity_days <= 366:
                raise ValidationError(_(
                    "A quote of %s must stay valid between 1 and 366 "
                    "days.") % kpa.name)

    def _kpa_ensure_quote_sequence(self):
        """Give each KPA of ``self`` its quote numbering
        (``DEV-CODE/YYYY/NNNN``, restarting each year) if it has none.
        Done as superuser, like the journal."""
        for kpa in self.sudo().filtered(lambda k: not k.quote_sequence_id):
            sequence = self.env["ir.sequence"].sudo().create({
                "name": _("Quotes %s") % kpa.name,
                "implementation": "no_gap",
                "prefix": "DEV-%s/%%(range_year)s/" % kpa.code,
                "padding": 4,
                "use_date_range": True,
                "company_id": kpa.company_id.id,
            })
            kpa.write({"quote_sequence_id": sequence.id})

    def _kpa_next_quote_number(self, date=None):
        """The next quote number of the KPA, in the year of ``date``."""
        self.ensure_one()
        kpa = self.sudo()
        if not kpa.quote_sequence_id:
            kpa._kpa_ensure_quote_sequence()
        day = str(date or fields.Datetime.now())[:10]
        return kpa.quote_sequence_id.with_context(
            ir_sequence_date=day).next_by_id()
