# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from ..models.kpa_cape_template import CLAUSE_FIELDS
from .common import CapeCase


def new_form(model, view_xmlid):
    """The values a new form of ``view_xmlid`` shows, as the web client
    gets them: defaults, then every onchange."""
    view = model.fields_view_get(
        view_id=model.env.ref(view_xmlid).id, view_type="form")
    values = dict.fromkeys(view["fields"], False)
    values.update(model.default_get(list(view["fields"])))
    result = model.onchange(values, [], model._onchange_spec(view))
    values.update(result.get("value", {}))
    return {name: value[0] if isinstance(value, tuple) else value
            for name, value in values.items()}


class TestCapeTemplate(CapeCase):
    """The clauses come from a template the CAE edits; a CAPE keeps the
    copy it was written with."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env.ref("kpa_cape.kpa_cape_template_main")

    def test_the_company_has_a_default_template(self):
        Template = self.env["kpa.cape.template"]
        self.assertEqual(Template._default_for_company(self.company),
                         self.template)
        self.assertEqual(self.template.third_party_max, 1500.0)
        self.assertEqual(self.template.reporting_frequency, "weekly")
        # In French through i18n/fr.po, as the CAE reads it.
        self.assertIn("Rendez-vous individuels", self.template.with_context(
            lang="fr_FR").programme)

    def test_a_new_company_gets_its_own_template(self):
        Template = self.env["kpa.cape.template"]
        other = self.env["res.company"].create({"name": "Autre CAE"})
        template = Template.search([("company_id", "=", other.id)])
        self.assertEqual(len(template), 1)
        self.assertEqual(Template._default_for_company(other), template)
        for name in CLAUSE_FIELDS:
            self.assertEqual(template[name], self.template[name], name)
        self.assertEqual(
            template.with_context(lang="fr_FR").programme,
            self.template.with_context(lang="fr_FR").programme)
        # Each company edits its own: the other one does not move.
        template.programme = "Programme de l'autre CAE"
        self.assertNotEqual(self.template.programme, template.programme)
        self.assertEqual(Template._default_for_company(self.company),
                         self.template)

    def test_a_cape_copies_the_clauses_of_its_template(self):
        cape = self.cape()
        self.assertEqual(cape.kpa_template_id, self.template)
        for name, contract_field in CLAUSE_FIELDS.items():
            self.assertEqual(cape[contract_field], self.template[name],
                             contract_field)
        self.assertTrue(cape.kpa_programme)
        self.assertEqual(cape.kpa_third_party_max, 1500.0)

    def test_the_writer_keeps_what_they_wrote(self):
        cape = self.cape(kpa_fee=50.0, kpa_means="Un atelier partagé")
        self.assertEqual(cape.kpa_fee, 50.0)
        self.assertEqual(cape.kpa_means, "Un atelier partagé")
        self.assertEqual(cape.kpa_termination_terms,
                         self.template.termination_terms)

    def test_the_clauses_are_copied_in_the_writers_language(self):
        cape = self.env["hr.contract"].with_context(
            default_kpa_is_cape=True, lang="fr_FR").sudo(
            self.coordinator_a).create({
                "kpa_is_cape": True, "kpa_id": self.kpa_a.id,
                "kpa_partner_id": self.partner_a.id,
                "date_start": "2026-03-01"})
        self.assertEqual(cape.kpa_programme, self.template.with_context(
            lang="fr_FR").programme)

    def test_another_template(self):
        other = self.env["kpa.cape.template"].sudo(self.manager).create({
            "name": "CAPE court", "programme": "Deux ateliers",
            "third_party_max": 300.0, "reporting_frequency": "monthly"})
        cape = self.cape(kpa_template_id=other.id)
        self.assertEqual(cape.kpa_programme, "Deux ateliers")
        self.assertEqual(cape.kpa_third_party_max, 300.0)
        self.assertEqual(cape.kpa_reporting_frequency, "monthly")
        self.assertFalse(cape.kpa_means)

    def test_the_form_fills_the_clauses(self):
        form = new_form(self.env["hr.contract"].sudo(
            self.coordinator_a).with_context(default_kpa_is_cape=True),
            "kpa_cape.hr_contract_view_form_cape")
        self.assertEqual(form["kpa_template_id"], self.template.id)
        self.assertEqual(form["kpa_programme"], self.template.programme)
        self.assertEqual(form["kpa_third_party_max"], 1500.0)
        self.assertEqual(form["kpa_coach_id"], self.coordinator_a.id)

    def test_editing_the_template_changes_no_signed_cape(self):
        cape = self.cape()
        cape.action_kpa_sign()
        signed = {field: cape[field] for field in CLAUSE_FIELDS.values()}
        self.template.sudo(self.manager).write({
            "programme": "Un autre programme", "fee": 99.0,
            "third_party_max": 10.0, "reporting_frequency": "quarterly",
            "termination_terms": "Autres conditions"})
        cape.invalidate_cache()
        self.assertEqual(
            {field: cape[field] for field in CLAUSE_FIELDS.values()}, signed)
        # The next CAPE takes the new clauses.
        other = self.cape(partner=self.minor, kpa_parental_consent=True,
                          kpa_guardian_name="Parent Alpha",
                          kpa_guardian_quality="Mère",
                          kpa_parental_consent_date="2026-02-20")
        self.assertEqual(other.kpa_programme, "Un autre programme")
        self.assertEqual(other.kpa_third_party_max, 10.0)
        # A signed CAPE changes template only through... nothing.
        with self.assertRaises(UserError), self.cr.savepoint():
            cape.sudo(self.coordinator_a).write(
                {"kpa_template_id": False})

    def test_a_plain_contract_gets_no_cape_default(self):
        employee = self.env["hr.employee"].create({"name": "Salariée CAE"})
        Contract = self.env["hr.contract"].sudo(self.manager)
        defaults = Contract.default_get(list(Contract._fields))
        for name in ("kpa_coach_id", "kpa_template_id", "kpa_fee",
                     "kpa_third_party_max", "kpa_third_party_bearer",
                     "kpa_reporting_frequency") + tuple(
                         CLAUSE_FIELDS.values()):
            self.assertFalse(defaults.get(name), name)
        contract = self.env["hr.contract"].create({
            "name": "CDI", "employee_id": employee.id, "wage": 2000.0,
            "date_start": "2026-01-01", "date_end": "2030-12-31"})
        self.assertFalse(contract.kpa_coach_id)
        self.assertFalse(contract.kpa_template_id)
        for name in CLAUSE_FIELDS.values():
            self.assertFalse(contract[name], name)
        self.assertFalse(contract.kpa_term_ids)
        self.assertNotEqual(contract.type_id,
                            self.env.ref("kpa_cape.hr_contract_type_cape"))
        # No CAPE check: five years, no KPA, no member, no guard.
        contract.write({"date_end": "2031-12-31", "state": "open"})
        self.assertEqual(contract.state, "open")
        # Even through the onchanges of the CAPE form, if it is no CAPE.
        form = new_form(self.env["hr.contract"].sudo(self.manager),
                        "kpa_cape.hr_contract_view_form_cape")
        self.assertFalse(form["kpa_is_cape"])
        for name in ("kpa_coach_id", "kpa_template_id",
                     "kpa_third_party_max", "kpa_programme"):
            self.assertFalse(form.get(name), name)

    def test_a_coordinator_reads_templates_and_cannot_edit_them(self):
        Template = self.env["kpa.cape.template"].sudo(self.coordinator_a)
        self.assertIn(self.template, Template.search([]))
        self.assertTrue(self.template.sudo(self.coordinator_a).programme)
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.template.sudo(self.coordinator_a).write(
                {"programme": "Réécrit"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            Template.create({"name": "Le mien"})
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.template.sudo(self.coordinator_a).unlink()
        self.assertNotEqual(self.template.programme, "Réécrit")

    def test_the_manager_edits_and_archives_templates(self):
        template = self.template.sudo(self.manager)
        template.write({"programme": "Nouveau programme"})
        self.assertEqual(self.template.programme, "Nouveau programme")
        other = template.copy({"name": "Copie"})
        template.toggle_active()
        self.assertEqual(
            self.env["kpa.cape.template"]._default_for_company(self.company),
            other)
