# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import html as html_lib
import re

from odoo import fields

from odoo.addons.kpa_cooperative.services.trust import trusted

from .common import CapeCase


class TestCapeReports(CapeCase):
    """The written contract, the amendment, reminders, the yearly report."""

    def render(self, xmlid, records):
        report = self.env.ref(xmlid).with_context(lang="fr_FR")
        # In test mode Odoo renders the "PDF" as HTML.
        content, _format = report.render_qweb_pdf(records.ids)
        return content.decode() if isinstance(content, bytes) else content

    def text(self, xmlid, records):
        """The rendered report as a reader sees it: no tags, one space."""
        content = re.sub(r"<[^>]+>", " ", self.render(xmlid, records))
        content = html_lib.unescape(content).replace("\u202f", " ") \
            .replace("\xa0", " ")
        content = re.sub(r"\s+", " ", content)
        return re.sub(r" ([,.)])", r"\1", content)

    def test_agreement_carries_the_r127_1_content(self):
        cape = self.cape(kpa_benefit_ids=[(6, 0, (self.rsa | self.are).ids)],
                         kpa_fee=50.0)
        cape.action_kpa_sign()
        html = self.render("kpa_cape.hr_contract_report_cape", cape)
        for expected in (cape.name, "Membre Alpha", "KPA Alpha",
                         "Traiteur pour événements", "L127-1",
                         cape.kpa_programme, cape.kpa_means,
                         cape.kpa_commitments_before,
                         cape.kpa_commitments_after,
                         cape.kpa_third_party_nature,
                         cape.kpa_reporting_terms,
                         cape.kpa_termination_terms,
                         cape.kpa_remuneration_terms,
                         cape.kpa_contribution_terms, "RSA"):
            self.assertIn(expected.split("'")[0][:40], html)
        # Dates as the French write them.
        self.assertIn("01/03/2026", html)
        self.assertIn("28/02/2027", html)

    def test_agreement_of_a_minor_names_the_guardian(self):
        cape = self.cape(partner=self.minor, kpa_parental_consent=True,
                         kpa_guardian_name="Parent Alpha",
                         kpa_guardian_quality="Mère",
                         kpa_parental_consent_date="2026-02-20")
        html = self.render("kpa_cape.hr_contract_report_cape", cape)
        self.assertIn("Parent Alpha", html)
        self.assertIn("20/02/2026", html)

    def test_agreement_as_the_law_writes_it(self):
        """Every clause of issue 14 in the French PDF: who signs for the
        CAE, the KPA as a place only, the fee from the KPA's rates, L127-3,
        L5142-1 instead of a salary, the activity start, L127-1."""
        self.company.write({"kpa_cape_signatory_name": "Camille Gérante",
                            "kpa_cape_signatory_quality": "Gérante"})
        self.kpa_a.write({"contribution_rate": 0.125, "reserve_rate": 0.05})
        cape = self.cape(kpa_fee=30.0, kpa_activity_start="2026-04-15",
                         kpa_other_job=True, kpa_other_job_hours=12.5,
                         kpa_eligibility_note="Formation du soir")
        cape.action_kpa_sign()
        html = self.text("kpa_cape.hr_contract_report_cape", cape)
        for expected in (
                "représentée par", "Camille Gérante", "Gérante",
                "sans personnalité juridique", "KPA Alpha",
                "12,5 %", "5 %", "30,00 €",
                "L127-3", "immatriculation",
                "n'est pas un contrat de travail", "L5142-1",
                "régime général", "15/04/2026",
                "L127-1", "12 h 30", "Formation du soir",
                "trente-six mois"):
            self.assertIn(expected, html)
        for wrong in ("sous forme de salaire", "agissant par",
                      "Borne by", "as a salary"):
            self.assertNotIn(wrong, html)

    def test_agreement_of_a_minor_has_the_representative_signature(self):
        cape = self.cape(partner=self.minor, kpa_parental_consent=True,
                         kpa_guardian_name="Parent Alpha",
                         kpa_guardian_quality="Père",
                         kpa_parental_consent_date="2026-02-20")
        cape.action_kpa_sign()
        html = self.text("kpa_cape.hr_contract_report_cape", cape)
        self.assertIn("Signature du représentant légal", html)
        self.assertIn("Parent Alpha, Père", html)
        # Without a signatory on the company: a line to write the name on.
        self.assertIn("........", html)

    def test_renewal_amendment(self):
        cape = self.cape()
        cape.action_kpa_sign()
        cape.action_kpa_renew()
        term = cape.kpa_term_ids.filtered(lambda t: t.number == 1)
        action = term.action_print_amendment()
        self.assertEqual(action["report_name"], "kpa_cape.report_cape_amendment")
        html = self.render("kpa_cape.kpa_cape_term_report_amendment", term)
        self.assertIn(cape.name, html)
        self.assertIn("01/03/2027", html)
        self.assertIn("29/02/2028", html)

    def test_reminders_60_and_30_days_once_each(self):
        today = datetime.date.today()
        cape = self.cape(
            date_start=fields.Date.to_string(today - datetime.timedelta(
                days=300)),
            date_end=fields.Date.to_string(today + datetime.timedelta(
                days=50)))
        cape.action_kpa_sign()
        Contract = self.env["hr.contract"]

        def reminders():
            return self.env["mail.activity"].search([
                ("res_model", "=", "hr.contract"), ("res_id", "=", cape.id)])
        Contract._cron_kpa_cape_reminders()
        Contract._cron_kpa_cape_reminders()
        self.assertEqual(len(reminders()), 1)
        self.assertEqual(reminders().user_id, self.coordinator_a)
        self.assertEqual(reminders().date_deadline, cape.date_end)
        self.assertEqual(cape.kpa_reminder_level, 60)
        self.assertEqual(cape.state, "open")
        # Twenty days later: the 30-day reminder, once, and "To renew".
        trusted(cape).write({
            "date_end": fields.Date.to_string(
                today + datetime.timedelta(days=30))})
        Contract._cron_kpa_cape_reminders()
        Contract._cron_kpa_cape_reminders()
        self.assertEqual(len(reminders()), 2)
        self.assertEqual(cape.state, "pending")
        # A renewal starts the count again for the new term.
        cape.action_kpa_renew()
        self.assertEqual(cape.kpa_reminder_level, 0)
        self.assertEqual(cape.state, "open")
        Contract._cron_kpa_cape_reminders()
        self.assertEqual(len(reminders()), 2)

    def test_yearly_activity_report(self):
        adult = self.cape(date_start="2026-01-01", date_end="2026-06-30",
                          kpa_benefit_ids=[(6, 0, self.rsa.ids)])
        adult.action_kpa_sign()
        self.env["kpa.cape.exit.wizard"].create({
            "contract_id": adult.id, "outcome": "company",
            "date_exit": "2026-06-30"}).action_confirm()
        minor = self.cape(partner=self.minor, date_start="2026-09-01",
                          kpa_parental_consent=True,
                          kpa_guardian_name="Parent Alpha",
                          kpa_guardian_quality="Mère",
                          kpa_parental_consent_date="2026-02-20")
        minor.action_kpa_sign()
        self.cape(partner=self.partner_b, kpa=self.kpa_b,
                  user=self.coordinator_b).action_kpa_sign()
        wizard = self.env["kpa.cape.activity.wizard"].sudo(
            self.coordinator_a).create({"kpa_id": self.kpa_a.id,
                                        "year": "2026"})
        figures = wizard.get_figures()
        self.assertEqual(figures["people"], 2)
        self.assertEqual(figures["started"], 2)
        self.assertEqual(figures["ended"], 1)
        self.assertEqual(figures["minors"], 1)
        self.assertEqual(figures["qpv"], 2)
        self.assertEqual(dict(figures["benefits"])[self.rsa.name], 1)
        self.assertEqual(sum(c for _l, c in figures["outcomes"]), 1)
        self.assertEqual(wizard.action_print()["report_name"],
                         "kpa_cape.report_cape_activity")
        html = self.render("kpa_cape.kpa_cape_activity_report", wizard)
        self.assertIn("KPA Alpha", html)
        self.assertIn("2026", html)
