# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from odoo.addons.kpa_cooperative.models.kpa_membership import EXIT_OUTCOMES
from odoo.addons.kpa_cooperative.services.people import AGE_BANDS

from ..models.hr_contract_funder import (
    ENTRY_SITUATIONS, PRESCRIBERS, SITUATIONS_AFTER, STUDY_LEVELS)


def _contract_states(self):
    return self.env["hr.contract"]._fields["state"].selection


def _genders(self):
    return self.env["res.partner"]._fields["kpa_gender"].selection


class KpaCapeFunderReport(models.Model):
    """What funders ask about the people under CAPE: one row per CAPE with
    the person's age band at the start, gender, QPV, the social benefits
    they keep and the months under CAPE. A view over the contracts: the
    figures are always those of the CAPE and of its member today."""

    _name = "kpa.cape.funder.report"
    _description = "CAPE funder report"
    _auto = False
    _order = "date_start desc, id desc"
    _rec_name = "contract_id"

    contract_id = fields.Many2one("hr.contract", string="CAPE",
                                  readonly=True)
    kpa_id = fields.Many2one("kpa.cooperative", string="KPA", readonly=True)
    company_id = fields.Many2one("res.company", string="Company",
                                 readonly=True)
    partner_id = fields.Many2one("res.partner", string="Member",
                                 readonly=True)
    coach_id = fields.Many2one("res.users", string="Coach", readonly=True)
    state = fields.Selection(_contract_states, string="Status",
                             readonly=True)
    date_start = fields.Date(string="Start date", readonly=True)
    date_end = fields.Date(string="End date", readonly=True)
    renewal_count = fields.Integer(string="Renewals", readonly=True,
                                   group_operator="sum")
    months = fields.Float(string="Months under CAPE", readonly=True,
                          digits=(6, 1), group_operator="sum")
    exit_outcome = fields.Selection(EXIT_OUTCOMES, readonly=True)
    exit_date = fields.Date(string="Ended on", readonly=True)
    age_band = fields.Selection(
        [(label, label) for label, _low, _high in AGE_BANDS],
        readonly=True,
        help="Age at the start of the CAPE.")
    gender = fields.Selection(_genders, readonly=True)
    qpv_resident = fields.Boolean(string="QPV resident", readonly=True)
    benefit_names = fields.Char(string="Benefits", readonly=True)
    # The eligibility answers given at signature.
    other_job = fields.Boolean(readonly=True)
    other_job_hours = fields.Float(
        string="Hours per week in the other job", readonly=True,
        digits=(4, 1), group_operator="avg")
    keeps_are = fields.Boolean(string="Keeps ARE", readonly=True)
    keeps_rsa = fields.Boolean(string="Receives RSA", readonly=True)
    eligibility_note = fields.Char(string="Other situation", readonly=True)
    qpv_id = fields.Many2one("kpa.qpv", string="QPV", readonly=True)
    entry_situation = fields.Selection(
        ENTRY_SITUATIONS, string="Situation at entry", readonly=True)
    study_level = fields.Selection(STUDY_LEVELS, readonly=True)
    prescriber = fields.Selection(PRESCRIBERS, string="Sent by",
                                  readonly=True)
    situation_after = fields.Selection(
        SITUATIONS_AFTER, string="Situation 6 months after exit",
        readonly=True)
    benefit_ids = fields.Many2many(
        "kpa.cape.benefit", "hr_contract_kpa_cape_benefit_rel",
        "contract_id", "benefit_id", string="Social benefits kept",
        readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        bands = " ".join(
            "WHEN %d <= a.years AND a.years <= %d THEN '%s'" % (
                low, high, label) for label, low, high in AGE_BANDS)
        # Only constants of this file go into the query, no user input.
        query = """
            CREATE VIEW {table} AS (
                SELECT
                    c.id AS id,
                    c.id AS contract_id,
                    c.kpa_id AS kpa_id,
                    c.company_id AS company_id,
                    c.kpa_partner_id AS partner_id,
                    c.kpa_coach_id AS coach_id,
                    c.state AS state,
                    c.date_start AS date_start,
                    c.date_end AS date_end,
                    c.kpa_renewal_count AS renewal_count,
                    c.kpa_months AS months,
                    c.kpa_exit_outcome AS exit_outcome,
                    c.kpa_exit_date AS exit_date,
                    CASE {bands} END AS age_band,
                    p.kpa_gender AS gender,
                    (p.kpa_qpv_id IS NOT NULL
                     OR COALESCE(p.kpa_qpv_resident, FALSE)) AS qpv_resident,
                    p.kpa_qpv_id AS qpv_id,
                    c.kpa_entry_situation AS entry_situation,
                    c.kpa_study_level AS study_level,
                    c.kpa_prescriber AS prescriber,
                    c.kpa_situation_after AS situation_after,
                    (SELECT string_agg(b.code, ', '
                                       ORDER BY b.sequence, b.code)
                     FROM hr_contract_kpa_cape_benefit_rel rel
                     JOIN kpa_cape_benefit b ON b.id = rel.benefit_id
                     WHERE rel.contract_id = c.id) AS benefit_names,
                    COALESCE(c.kpa_other_job, FALSE) AS other_job,
                    c.kpa_other_job_hours AS other_job_hours,
                    EXISTS (SELECT 1 FROM hr_contract_kpa_cape_benefit_rel r
                            JOIN kpa_cape_benefit b ON b.id = r.benefit_id
                            WHERE r.contract_id = c.id AND b.code = 'ARE')
                        AS keeps_are,
                    EXISTS (SELECT 1 FROM hr_contract_kpa_cape_benefit_rel r
                            JOIN kpa_cape_benefit b ON b.id = r.benefit_id
                            WHERE r.contract_id = c.id AND b.code = 'RSA')
                        AS keeps_rsa,
                    c.kpa_eligibility_note AS eligibility_note
                FROM hr_contract c
                LEFT JOIN res_partner p ON p.id = c.kpa_partner_id
                LEFT JOIN LATERAL (
                    SELECT date_part('year', age(c.date_start,
                                                 p.kpa_birthdate)) AS years
                ) a ON TRUE
                WHERE c.kpa_is_cape
            )""".format(table=self._table, bands=bands)
        self.env.cr.execute(query)  # pylint: disable=sql-injection
