# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.kpa_cooperative.tests.common import KpaCase


class CapeCase(KpaCase):
    """KpaCase plus a minor of KPA Alpha and a helper to write CAPEs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contract = cls.env["hr.contract"].with_context(
            default_kpa_is_cape=True)
        cls.rsa = cls.env.ref("kpa_cape.kpa_cape_benefit_rsa")
        cls.are = cls.env.ref("kpa_cape.kpa_cape_benefit_are")
        cls.minor = cls.env["res.partner"].create({
            "name": "Mineure Alpha", "kpa_birthdate": "2009-03-01",
            "kpa_gender": "female", "kpa_qpv_resident": True})
        cls.env["kpa.membership"].create({
            "partner_id": cls.minor.id, "kpa_id": cls.kpa_a.id,
            "date_join": "2026-01-05"})
        cls.partner_a.write({"kpa_gender": "male", "kpa_qpv_resident": True})

    @classmethod
    def cape(cls, partner=None, kpa=None, user=None, **values):
        """A draft CAPE written by ``user`` (coordinator A by default)."""
        vals = {
            "kpa_is_cape": True,
            "kpa_partner_id": (partner or cls.partner_a).id,
            "kpa_id": (kpa or cls.kpa_a).id,
            "date_start": "2026-03-01",
            "kpa_activity": "Traiteur pour événements",
        }
        vals.update(values)
        return cls.Contract.sudo(user or cls.coordinator_a).create(vals)
