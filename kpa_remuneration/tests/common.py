# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.kpa_cooperative.tests.common import KpaInvoiceCase

MONDAY = "2026-03-16"
SUNDAY = "2026-03-22"


class RemunerationCase(KpaInvoiceCase):
    """Two KPAs with money, members with a running CAPE, a week."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"kpa_employee_rate": 0.22,
                           "kpa_employer_rate": 0.30})
        cls.partner_a2, cls.member_user_a2 = cls._portal_member(
            "Membre Alpha Deux", cls.kpa_a, "membre_a2@example.org",
            kpa_birthdate="1995-07-14")
        # A member of KPA Alpha without any CAPE.
        cls.partner_no_cape = cls.env["res.partner"].create({
            "name": "Membre Sans Cape", "kpa_birthdate": "1991-01-01"})
        cls.env["kpa.membership"].create({
            "partner_id": cls.partner_no_cape.id, "kpa_id": cls.kpa_a.id,
            "state": "member", "date_join": "2026-01-05"})
        cls.cape_a = cls._cape(cls.partner_a, cls.kpa_a, cls.coordinator_a)
        cls.cape_a2 = cls._cape(cls.partner_a2, cls.kpa_a, cls.coordinator_a)
        cls.cape_b = cls._cape(cls.partner_b, cls.kpa_b, cls.coordinator_b)
        cls.Period = cls.env["kpa.remuneration.period"]
        cls.Declaration = cls.env["kpa.remuneration.declaration"]
        cls.week_a = cls.Period.create({"kpa_id": cls.kpa_a.id,
                                        "date_start": MONDAY})
        cls.week_b = cls.Period.create({"kpa_id": cls.kpa_b.id,
                                        "date_start": MONDAY})

    @classmethod
    def _cape(cls, partner, kpa, coordinator, **values):
        vals = {
            "kpa_is_cape": True, "kpa_partner_id": partner.id,
            "kpa_id": kpa.id, "date_start": "2026-03-01",
            "kpa_activity": "Traiteur",
        }
        vals.update(values)
        cape = cls.env["hr.contract"].sudo(coordinator).create(vals)
        cape.action_kpa_sign()
        return cape

    @classmethod
    def _cash_a(cls, date="2026-03-20"):
        """A 1 000 € + 20 % VAT invoice of KPA Alpha, paid in full."""
        invoice = cls._invoice(cls.task_a)
        invoice.action_invoice_open()
        cls._pay(invoice, date=date)
        return invoice

    def declare(self, partner, net, period=None, user=None, **values):
        vals = {"period_id": (period or self.week_a).id,
                "partner_id": partner.id, "amount_net": net}
        vals.update(values)
        Declaration = self.Declaration.sudo(user) if user \
            else self.Declaration
        return Declaration.create(vals)
