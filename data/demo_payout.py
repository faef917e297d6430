"""Demo part of kpa_payout: an IBAN for every current member, the CAE's
own IBAN on its bank journal, and last week's net pay paid by a SEPA
credit transfer made, sent and booked (see data/demo.py)."""
import datetime

from .odoo_env import demo_today, ensure

BANK_CODE, BRANCH = "30006", "00001"  # a French bank code for the demo


def french_iban(number):
    """A valid French IBAN whose account number is ``number`` (11 digits):
    the RIB key, then the IBAN check digits."""
    from stdnum import iban
    account = "%011d" % number
    key = 97 - (89 * int(BANK_CODE) + 15 * int(BRANCH)
                + 3 * int(account)) % 97
    bban = "%s%s%s%02d" % (BANK_CODE, BRANCH, account, key)
    return iban.format("FR%s%s" % (iban.calc_check_digits(
        "FR00" + bban), bban))


def load_banks(env, ctx):
    company = env.ref("base.main_company")
    bank = ensure(env, "bank_cae_credit", "res.bank", {
        "name": "Crédit Coopératif (démo)", "bic": "CCOPFRPPXXX"})
    cae_account = ensure(env, "bank_account_cae", "res.partner.bank", {
        "partner_id": company.partner_id.id, "company_id": company.id,
        "acc_number": french_iban(12345678901), "bank_id": bank.id,
        "acc_holder_name": company.name})
    journal = env["account.journal"].search([
        ("type", "=", "bank"), ("company_id", "=", company.id)], limit=1)
    if not journal.bank_account_id:
        journal.bank_account_id = cae_account
    env["res.company"]._kpa_setup_payout()
    mode = company.kpa_payout_mode_id
    if journal not in mode.variable_journal_ids:
        mode.variable_journal_ids = [(4, journal.id)]
    partners = env["kpa.membership"]._kpa_current().mapped("partner_id")
    for partner in partners.sorted("id"):
        if partner.kpa_bank_id:
            continue
        account = ensure(env, "bank_account_partner_%d" % partner.id,
                         "res.partner.bank", {
                             "partner_id": partner.id,
                             "acc_number": french_iban(40000000000
                                                       + partner.id),
                             "acc_holder_name": partner.name})
        partner.kpa_bank_id = account
    ctx["payout_journal"] = journal


def load_payout(env, ctx):
    """Last week's net pay: the order made, confirmed, its file made and
    marked sent (the 421 lines are paid off)."""
    if env.ref("kpa_demo.payout_last_week", raise_if_not_found=False):
        return
    today = demo_today()
    monday = today - datetime.timedelta(days=today.weekday() + 7)
    wizard = env["kpa.payout.wizard"].create({
        "date_from": str(monday),
        "date_to": str(monday + datetime.timedelta(days=6)),
        "journal_id": ctx["payout_journal"].id,
    })
    order = env["account.payment.order"].browse(
        wizard.action_create_order()["res_id"])
    order.draft2open()
    order.open2generated()
    order.generated2uploaded()
    env["ir.model.data"].create({
        "module": "kpa_demo", "name": "payout_last_week",
        "model": "account.payment.order", "res_id": order.id,
        "noupdate": True})


STEPS = [
    ("banks", load_banks),
    ("payout", load_payout),
]
