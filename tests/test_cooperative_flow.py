"""kpa_cooperative as a new user tries it, each step as the person who does
it: a coordinator creates a KPA, a member and a prestation and invoices it;
the accountant validates the invoice and registers the payment; the PDF
carries every mention the law asks for; the pot sees the money."""
from odoo.tests.common import SavepointCase


class TestCooperativeFlow(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.company = cls.env.ref("base.main_company")
        cls.company.write({
            "siret": "48123456510001", "ape": "7022Z",
            "vat": "FR36481234565", "country_id": cls.env.ref("base.fr").id})
        cls.coordinator = Users.create({
            "name": "Nadia", "login": "flow_nadia@example.org",
            "email": "flow_nadia@example.org",
            "groups_id": [(6, 0, [cls.env.ref(
                "kpa_cooperative.group_kpa_coordinator").id])]})
        cls.accountant = Users.create({
            "name": "Claire", "login": "flow_claire@example.org",
            "email": "flow_claire@example.org",
            "groups_id": [(6, 0, [cls.env.ref(
                "account.group_account_manager").id])]})

    def test_from_kpa_to_paid_invoice(self):
        env = self.env(user=self.coordinator)
        kpa = env["kpa.cooperative"].create({"name": "Flux", "code": "FLUX"})
        person = env["res.partner"].create({
            "name": "Aïcha", "email": "aicha@example.org",
            "kpa_birthdate": "1995-04-02"})
        membership = env["kpa.membership"].create({
            "partner_id": person.id, "kpa_id": kpa.id})
        membership.action_confirm()
        client = env["res.partner"].create({
            "name": "Mairie", "is_company": True, "customer": True,
            "country_id": self.env.ref("base.fr").id,
            "siret": "21590350100017"})
        task = env["project.task"].create({
            "name": "Buffet", "project_id": kpa.project_id.id,
            "partner_id": client.id, "kpa_amount": 1000.0,
            "kpa_referent_ids": [(6, 0, person.ids)]})
        invoice_id = task.action_kpa_invoice()["res_id"]

        accounting = self.env(user=self.accountant)
        invoice = accounting["account.invoice"].browse(invoice_id)
        self.assertEqual(invoice.journal_id, kpa.journal_id)
        invoice.action_invoice_open()
        self.assertRegex(invoice.number, r"^FLUX/\d{4}/0001$")
        bank = accounting["account.journal"].search(
            [("type", "=", "bank")], limit=1)
        payment = accounting["account.payment"].create({
            "payment_type": "inbound", "partner_type": "customer",
            "partner_id": client.id, "amount": invoice.amount_total,
            "journal_id": bank.id,
            "payment_method_id": self.env.ref(
                "account.account_payment_method_manual_in").id,
            "invoice_ids": [(6, 0, invoice.ids)]})
        payment.post()
        self.assertEqual(invoice.state, "paid")
        self.assertEqual(task.stage_id.kpa_stage, "invoiced")

        html = self.env.ref("account.account_invoices").sudo(
            self.accountant).render_qweb_html(invoice.ids)[0].decode()
        for mention in ("Flux", "48123456510001", "7022Z", "FR36481234565"):
            self.assertIn(mention, html)
        cashed = env["kpa.cashed.report"].search([("kpa_id", "=", kpa.id)])
        self.assertAlmostEqual(sum(cashed.mapped("amount_cashed")),
                               invoice.amount_untaxed)
