# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kpa_cooperative.models.kpa_membership import EXIT_OUTCOMES
from odoo.addons.kpa_cooperative.services.people import AGE_BANDS

from ..services.cape_rules import months_between


def _year_choices(_self=None):
    this_year = datetime.date.today().year
    return [(str(year), str(year))
            for year in range(this_year - 5, this_year + 2)]


class KpaCapeActivityWizard(models.TransientModel):
    """The yearly activity report of a KPA for its funders."""

    _name = "kpa.cape.activity.wizard"
    _description = "Yearly CAPE activity report"

    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", required=True)
    year = fields.Selection(
        _year_choices, required=True,
        default=lambda self: str(datetime.date.today().year))

    def _contracts(self):
        """The CAPEs of the KPA that ran for at least one day of the year,
        read with the user's rights."""
        start, end = "%s-01-01" % self.year, "%s-12-31" % self.year
        return self.env["hr.contract"].search([
            ("kpa_is_cape", "=", True),
            ("kpa_id", "=", self.kpa_id.id),
            ("state", "not in", ("draft", "cancel")),
            ("date_start", "<=", end),
            ("date_end", ">=", start),
        ])

    @api.multi
    def get_figures(self):
        """Every figure of the report, counted in Python from the CAPEs."""
        self.ensure_one()
        contracts = self._contracts()
        # The people's figures: the funder report's rows of these CAPEs.
        rows = self.env["kpa.cape.funder.report"].search(
            [("contract_id", "in", contracts.ids)])
        year_start = datetime.date(int(self.year), 1, 1)
        year_end = datetime.date(int(self.year), 12, 31)
        started = contracts.filtered(lambda c: c.date_start[:4] == self.year)
        ended = contracts.filtered(
            lambda c: c.state == "close" and c.kpa_exit_date
            and c.kpa_exit_date[:4] == self.year)
        months = 0.0
        for contract in contracts:
            first = max(fields.Date.from_string(contract.date_start),
                        year_start)
            last = min(fields.Date.from_string(
                contract.kpa_exit_date or contract.date_end), year_end,
                datetime.date.today() if contract.state != "close"
                else year_end)
            months += months_between(first, last)

        def count_by(key, choices):
            return [(label, len(rows.filtered(lambda r: key(r) == value)))
                    for value, label in choices]

        gender_field = self.env["res.partner"]._fields["kpa_gender"]
        outcome_field = self.env["hr.contract"]._fields["kpa_exit_outcome"]
        outcome_labels = dict(outcome_field._description_selection(self.env))
        benefits = self.env["kpa.cape.benefit"].search([])
        return {
            "people": len(contracts.mapped("kpa_partner_id")),
            "contracts": len(contracts),
            "started": len(started),
            "renewed": sum(len(c.kpa_term_ids.filtered(
                lambda t: t.kind == "renewal"
                and t.date_start[:4] == self.year)) for c in contracts),
            "ended": len(ended),
            "months": round(months, 1),
            "qpv": len(rows.filtered("qpv_resident")),
            "minors": len(rows.filtered(lambda r: r.age_band == "16-17")),
            "age_bands": count_by(
                lambda r: r.age_band,
                [(label, label) for label, _low, _high in AGE_BANDS]),
            "genders": count_by(
                lambda r: r.gender,
                gender_field._description_selection(self.env)),
            "benefits": [
                (benefit.name, len(rows.filtered(
                    lambda r, b=benefit: b in r.benefit_ids)))
                for benefit in benefits],
            "outcomes": [
                (outcome_labels[value], len(ended.filtered(
                    lambda c, v=value: c.kpa_exit_outcome == v)))
                for value, _label in EXIT_OUTCOMES],
        }

    @api.multi
    def action_print(self):
        self.ensure_one()
        if not self._contracts():
            raise UserError(_(
                "%s had no CAPE running in %s: nothing to report.") % (
                self.kpa_id.name, self.year))
        return self.env.ref("kpa_cape.kpa_cape_activity_report") \
            .report_action(self)
