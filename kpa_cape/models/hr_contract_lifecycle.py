# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The life cycle of a CAPE: sign, renew, cancel, end (the exit), print,
and the daily reminders to the coach before the end."""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kpa_cooperative.services.trust import trusted

from ..services import cape_rules as rules
from .hr_contract import LIVE_STATES, _date, _fmt


class HrContract(models.Model):
    _inherit = "hr.contract"

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
            refusal = contract._kpa_signature_refusal()
            if refusal:
                raise UserError(refusal)
            trusted(contract).write(dict(
                contract._kpa_signature_values(), state="open"))
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
            refusal = contract._kpa_renewal_refusal(end)
            if refusal:
                raise UserError(refusal)
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
