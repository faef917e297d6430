# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class KpaCase(SavepointCase):
    """Shared fixtures: two KPAs of one CAE, their coordinators, members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(
            cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.company = cls.env.ref("base.main_company")
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        coordinator = cls.env.ref("kpa_cooperative.group_kpa_coordinator")
        manager = cls.env.ref("kpa_cooperative.group_kpa_manager")
        cls.coordinator_a = Users.create({
            "name": "Coordinatrice A", "login": "coord_a@example.org",
            "email": "coord_a@example.org",
            "groups_id": [(6, 0, [coordinator.id])]})
        cls.coordinator_b = Users.create({
            "name": "Coordinateur B", "login": "coord_b@example.org",
            "email": "coord_b@example.org",
            "groups_id": [(6, 0, [coordinator.id])]})
        cls.manager = Users.create({
            "name": "CAE manager", "login": "cae_manager@example.org",
            "groups_id": [(6, 0, [manager.id])]})
        cls.kpa_a = cls.env["kpa.cooperative"].create({
            "name": "KPA Alpha", "code": "ALPH",
            "coordinator_ids": [(6, 0, cls.coordinator_a.ids)]})
        cls.kpa_b = cls.env["kpa.cooperative"].create({
            "name": "KPA Beta", "code": "BETA",
            "coordinator_ids": [(6, 0, cls.coordinator_b.ids)]})
        cls.partner_a, cls.member_user_a = cls._portal_member(
            "Membre Alpha", cls.kpa_a, "membre_a@example.org",
            kpa_birthdate="1990-05-01")
        cls.partner_b, cls.member_user_b = cls._portal_member(
            "Membre Beta", cls.kpa_b, "membre_b@example.org",
            kpa_birthdate="1985-02-10")
        cls.membership_a = cls.partner_a.kpa_membership_ids
        cls.membership_b = cls.partner_b.kpa_membership_ids

    @classmethod
    def _portal_member(cls, name, kpa, email, state="member",
                       date_join="2026-01-05", **partner_values):
        """A person in ``kpa`` with a portal login (login = email):
        (partner, user)."""
        partner = cls.env["res.partner"].create(
            dict(partner_values, name=name, email=email))
        cls.env["kpa.membership"].create({
            "partner_id": partner.id, "kpa_id": kpa.id, "state": state,
            "date_join": date_join})
        user = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": name, "login": email, "partner_id": partner.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)]})
        return partner, user


class KpaInvoiceCase(KpaCase):
    """Adds a client, a prestation per KPA, and helpers to invoice and pay."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        france = cls.env.ref("base.fr")
        # What every invoice of the CAE carries (an e-invoice needs them).
        cls.company.write({"country_id": france.id, "vat": "FR36481234565",
                           "siret": "48123456510001"})
        cls.client = cls.env["res.partner"].create({
            "name": "Centre social Client", "customer": True,
            "is_company": True, "lang": "fr_FR", "country_id": france.id,
            "street": "3 rue de l'Épeule", "zip": "59100", "city": "Roubaix",
            "siret": "775 678 907 00012"})
        # The KPA activities (kpa_cooperative/data/product_data.xml).
        ref = cls.env.ref
        cls.service = ref("kpa_cooperative.product_kpa_service")
        cls.onsite = ref("kpa_cooperative.product_kpa_catering_onsite")
        cls.takeaway = ref("kpa_cooperative.product_kpa_takeaway")
        cls.goods = ref("kpa_cooperative.product_kpa_goods")
        cls.bank = cls.env["account.journal"].search([
            ("type", "=", "bank"), ("company_id", "=", cls.company.id)],
            limit=1)
        cls.vat_20 = cls.env["account.tax"].search([
            ("type_tax_use", "=", "sale"), ("amount", "=", 20.0),
            ("amount_type", "=", "percent"), ("price_include", "=", False),
            ("company_id", "=", cls.company.id)], limit=1)
        cls.env["ir.default"].set("product.template", "taxes_id",
                                  cls.vat_20.ids, company_id=cls.company.id)
        cls.task_a = cls.env["project.task"].create({
            "name": "Buffet du centre social",
            "project_id": cls.kpa_a.project_id.id,
            "partner_id": cls.client.id,
            "kpa_amount": 1000.0,
            "kpa_date_planned": "2026-03-12",
            "kpa_referent_ids": [(6, 0, cls.partner_a.ids)],
        })
        cls.task_b = cls.env["project.task"].create({
            "name": "Sérigraphie de tee-shirts",
            "project_id": cls.kpa_b.project_id.id,
            "partner_id": cls.client.id,
            "kpa_amount": 300.0,
        })

    @classmethod
    def _invoice(cls, task):
        action = task.action_kpa_invoice()
        return cls.env["account.invoice"].browse(action["res_id"])

    @classmethod
    def _pay(cls, invoice, amount=None, date="2026-03-20"):
        payment_type = "outbound" if invoice.type == "out_refund" \
            else "inbound"
        payment = cls.env["account.payment"].create({
            "payment_type": payment_type,
            "partner_type": "customer",
            "partner_id": invoice.partner_id.id,
            "amount": amount if amount is not None else invoice.residual,
            "journal_id": cls.bank.id,
            "payment_date": date,
            "payment_method_id": cls.env.ref(
                "account.account_payment_method_manual_%s" % (
                    "out" if payment_type == "outbound" else "in")).id,
            "invoice_ids": [(6, 0, invoice.ids)],
        })
        payment.post()
        return payment

    @classmethod
    def _open_bill(cls, amount, kpa=None, date_invoice=None):
        """An open vendor bill of ``amount`` (no tax) for a KPA."""
        expense = cls.env["account.account"].search([
            ("user_type_id", "=",
             cls.env.ref("account.data_account_type_expenses").id),
            ("company_id", "=", cls.company.id)], limit=1)
        bill = cls.env["account.invoice"].with_context(
            type="in_invoice").create({
                "type": "in_invoice", "partner_id": cls.client.id,
                "kpa_id": (kpa or cls.kpa_a).id,
                "date_invoice": date_invoice,
                "invoice_line_ids": [(0, 0, {
                    "name": "Farine", "account_id": expense.id,
                    "quantity": 1, "price_unit": amount,
                    "invoice_line_tax_ids": [(6, 0, [])]})]})
        bill.action_invoice_open()
        return bill

    @classmethod
    def _paid_bill(cls, amount, date="2026-03-21", kpa=None,
                   date_invoice=None):
        """A vendor bill of ``amount`` (no tax) for a KPA, paid in full."""
        bill = cls._open_bill(amount, kpa=kpa, date_invoice=date_invoice)
        cls.env["account.payment"].create({
            "payment_type": "outbound", "partner_type": "supplier",
            "partner_id": cls.client.id, "amount": bill.amount_total,
            "journal_id": cls.bank.id, "payment_date": date,
            "payment_method_id": cls.env.ref(
                "account.account_payment_method_manual_out").id,
            "invoice_ids": [(6, 0, bill.ids)]}).post()
        return bill

    @classmethod
    def _buffet(cls):
        """A prestation of KPA Alpha at three VAT rates: catering on site
        (10 %, a service), baskets to take away (5.5 %, goods), service
        (20 %); 1 300 € before VAT."""
        return cls.env["project.task"].create({
            "name": "Buffet et paniers",
            "project_id": cls.kpa_a.project_id.id,
            "partner_id": cls.client.id,
            "kpa_date_planned": "2026-03-12",
            "kpa_date_service": "2026-03-14",
            "kpa_client_ref": "BC-2026-117",
            "kpa_line_ids": [
                (0, 0, {"product_id": cls.onsite.id, "name": "Buffet",
                        "quantity": 80, "price_unit": 12.5}),
                (0, 0, {"product_id": cls.takeaway.id,
                        "name": "Paniers repas", "quantity": 20,
                        "price_unit": 10}),
                (0, 0, {"product_id": cls.service.id, "name": "Service",
                        "quantity": 1, "price_unit": 100}),
            ],
        })

    @classmethod
    def _belgian_business(cls):
        """A Belgian company under l10n_fr's intra-EU B2B position."""
        fpos = cls.env.ref("l10n_fr.%d_fiscal_position_template_intraeub2b"
                           % cls.company.id)
        return cls.env["res.partner"].create({
            "name": "Brasserie de Bruxelles", "is_company": True,
            "lang": "fr_FR", "country_id": cls.env.ref("base.be").id,
            "vat": "BE0477472701", "property_account_position_id": fpos.id})
