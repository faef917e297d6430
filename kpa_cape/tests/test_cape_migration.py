# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import os

from .common import CapeCase

MIGRATIONS = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                          "migrations")


def load_migration(version, name):
    path = os.path.join(MIGRATIONS, version, name)
    spec = importlib.util.spec_from_file_location(
        "kpa_cape_migration_%s" % version.replace(".", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestCapeMigration(CapeCase):
    """11.0.2.0.0 links the CAPEs written before the templates to their
    company's default template and keeps the texts they carry."""

    def test_capes_without_template_get_the_default_one(self):
        template = self.env.ref("kpa_cape.kpa_cape_template_main")
        signed = self.cape(kpa_programme="Programme signé en 2025",
                           kpa_fee=20.0)
        signed.action_kpa_sign()
        draft = self.cape(partner=self.partner_b, kpa=self.kpa_b,
                          user=self.coordinator_b, kpa_means=False)
        employee = self.env["hr.employee"].create({"name": "Salariée CAE"})
        plain = self.env["hr.contract"].create({
            "name": "CDI", "employee_id": employee.id, "wage": 2000.0})
        capes = self.env["hr.contract"].browse((signed | draft).ids)
        signed, draft = capes
        # As a database of 11.0.1.0.0 has them: no template.
        self.env.cr.execute(
            "UPDATE hr_contract SET kpa_template_id = NULL WHERE id IN %s",
            (tuple((capes | plain).ids),))
        capes.invalidate_cache()
        before = capes.read()
        write_dates = capes.mapped("write_date")
        messages = capes.mapped("message_ids")
        module = load_migration("11.0.2.0.0", "post-migration.py")
        module.migrate(self.env.cr, "11.0.1.0.0")
        (capes | plain).invalidate_cache()
        self.assertEqual(signed.kpa_template_id, template)
        self.assertEqual(draft.kpa_template_id, template)
        self.assertFalse(plain.kpa_template_id)
        # Nothing else moved: the texts, the dates, no message.
        after = capes.read()
        for old, new in zip(before, after):
            old.pop("kpa_template_id")
            new.pop("kpa_template_id")
            self.assertEqual(old, new)
        self.assertEqual(signed.kpa_programme, "Programme signé en 2025")
        self.assertEqual(signed.kpa_fee, 20.0)
        self.assertFalse(draft.kpa_means)
        self.assertEqual(capes.mapped("write_date"), write_dates)
        self.assertEqual(capes.mapped("message_ids"), messages)
        # Run again: nothing to do.
        self.assertFalse(module.link_capes_to_templates(self.env))

    def test_a_new_database_is_no_migration(self):
        module = load_migration("11.0.2.0.0", "post-migration.py")
        cape = self.cape().sudo()
        self.env.cr.execute(
            "UPDATE hr_contract SET kpa_template_id = NULL WHERE id = %s",
            (cape.id,))
        module.migrate(self.env.cr, None)
        cape.invalidate_cache()
        self.assertFalse(cape.kpa_template_id)


class TestCapeLawMigration(CapeCase):
    """11.0.2.1.0 gives the CAPEs signed before an activity start, the
    KPA's rates and the CAE as bearer, and updates the shipped template's
    texts the CAE did not edit, in English and in French."""

    def test_signed_capes_and_shipped_texts(self):
        signed = self.cape()
        signed.action_kpa_sign()
        draft = self.cape(partner=self.partner_b, kpa=self.kpa_b,
                          user=self.coordinator_b)
        capes = self.env["hr.contract"].browse((signed | draft).ids)
        signed, draft = capes
        # As a database of 11.0.2.0.0 has them.
        self.env.cr.execute("""
            UPDATE hr_contract SET kpa_activity_start = NULL,
                   kpa_fee_contribution_rate = NULL,
                   kpa_fee_reserve_rate = NULL,
                   kpa_third_party_bearer = NULL
             WHERE id IN %s""", (tuple(capes.ids),))
        module = load_migration("11.0.2.1.0", "post-migration.py")
        template = self.env.ref("kpa_cape.kpa_cape_template_main")
        edited = template.copy({"name": "Modèle modifié"})
        for record in (template, edited):
            for name, (old_en, old_fr, _en, _fr) in module.TEXTS.items():
                # Only the names of the migration's own fields go in.
                query = "UPDATE kpa_cape_template SET %s = %%s " \
                        "WHERE id = %%s" % name
                self.env.cr.execute(  # pylint: disable=sql-injection
                    query, (old_en, record.id))
                self.env.cr.execute("""
                    UPDATE ir_translation SET src = %s, value = %s
                     WHERE name = %s AND res_id = %s AND lang = 'fr_FR'""", (
                    old_en, old_fr if record == template else "À nous",
                    "kpa.cape.template,%s" % name, record.id))
        module.migrate(self.env.cr, "11.0.2.0.0")
        capes.invalidate_cache()
        (template | edited).invalidate_cache()
        self.assertEqual(signed.kpa_activity_start, signed.date_start)
        self.assertFalse(draft.kpa_activity_start)
        self.assertEqual(signed.kpa_fee_contribution_rate,
                         self.kpa_a.contribution_rate)
        self.assertEqual(capes.mapped("kpa_third_party_bearer"),
                         ["cae", "cae"])
        new_en, new_fr = module.TEXTS["remuneration_terms"][2:]
        self.assertEqual(template.with_context(
            lang="en_US").remuneration_terms, new_en)
        self.assertEqual(template.with_context(
            lang="fr_FR").remuneration_terms, new_fr)
        # The CAE wrote its own French: that template stays as it was.
        self.assertNotEqual(edited.with_context(
            lang="en_US").remuneration_terms, new_en)
        self.assertEqual(edited.with_context(
            lang="fr_FR").remuneration_terms, "À nous")
