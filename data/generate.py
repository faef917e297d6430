"""Fill a database with a realistic volume, for benchmarks.

    .venv/bin/python -m data.generate DATABASE --kpas 15 --members 40 --weeks 260

Creates KPAs (codes G001...), places, members with skills spread over the
weeks, clients, and one paid customer invoice per KPA and week (the pot's
history). Deterministic (seeded), and additive: a second run with larger
numbers only adds what is missing. Each module adds its own step to STEPS.
"""
import argparse
import datetime
import random
import time

from .odoo_env import ensure, odoo_env, demo_today

FIRST_NAMES = ["Samir", "Inès", "Fatou", "Kevin", "Yasmine", "Rachid", "Julie",
               "Mamadou", "Sophie", "Karim", "Aminata", "Lucas", "Nora",
               "Hugo", "Leïla", "Moussa", "Camille", "Bilal", "Emma", "Sarah"]
LAST_NAMES = ["Haddad", "Moreau", "Ndiaye", "Dubois", "Bensaïd", "Amrani",
              "Lambert", "Diallo", "Leroy", "Belkacem", "Traoré", "Petit",
              "Kaci", "Martin", "Bernard", "Roux", "Fontaine", "Chevalier"]
SERVICES = ["Buffet", "Sérigraphie", "Menuiserie", "Couture", "Jardinage",
            "Livraison", "Impression 3D", "Événement"]


def make_kpas(env, ctx):
    count = ctx["kpas"]
    kpas = []
    for index in range(1, count + 1):
        kpas.append(ensure(env, "gen_kpa_%03d" % index, "kpa.cooperative", {
            "name": "KPA générée %03d" % index,
            "code": "G%03d" % index,
            "contribution_rate": 0.10,
            "reserve_rate": 0.05,
            "place_ids": [(0, 0, {"name": "Lieu %03d" % index,
                                  "city": "Roubaix"})],
        }))
    ctx["kpa_records"] = kpas


def make_members(env, ctx):
    rng = random.Random(42)
    skills = env["kpa.skill"].search([])
    start = ctx["start"]
    for kpa_index, kpa in enumerate(ctx["kpa_records"], 1):
        for index in range(1, ctx["members"] + 1):
            key = "gen_member_%03d_%03d" % (kpa_index, index)
            name = "%s %s %03d-%03d" % (
                rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES),
                kpa_index, index)
            partner = ensure(env, key, "res.partner", {
                "name": name,
                "email": "%s@gen.example" % key,
                "kpa_birthdate": "%d-%02d-15" % (
                    rng.randint(1960, 2006), rng.randint(1, 12)),
                "kpa_qpv_resident": rng.random() < 0.7,
                "kpa_skill_ids": [(6, 0, rng.sample(skills.ids, 2))],
            })
            joined = start + datetime.timedelta(
                days=rng.randint(0, max(ctx["weeks"] * 7 - 1, 0)))
            ensure(env, key + "_membership", "kpa.membership", {
                "partner_id": partner.id, "kpa_id": kpa.id,
                "state": "member", "date_join": joined.isoformat(),
            })


def fake_siret(index):
    """A SIRET that passes the checksum (an e-invoice needs the client's
    SIREN): SIREN 9xxxxxxxC, establishment 00010 adjusted."""
    from stdnum import luhn
    siren = "9%07d" % index
    siren += luhn.calc_check_digit(siren)
    nic = "0001"
    return siren + nic + luhn.calc_check_digit(siren + nic)


def make_invoices(env, ctx):
    """One customer invoice per KPA and week, paid in full."""
    rng = random.Random(7)
    account = env["account.account"].search([
        ("code", "=like", "706%"), ("company_id", "=", env.user.company_id.id)],
        limit=1)
    bank = env["account.journal"].search([("type", "=", "bank")], limit=1)
    method = env.ref("account.account_payment_method_manual_in")
    for kpa_index, kpa in enumerate(ctx["kpa_records"], 1):
        client = ensure(env, "gen_client_%03d" % kpa_index, "res.partner", {
            "name": "Client %03d" % kpa_index, "customer": True,
            "is_company": True, "country_id": env.ref("base.fr").id,
            "city": "Lille", "siret": fake_siret(kpa_index)})
        for week in range(ctx["weeks"]):
            key = "gen_invoice_%03d_%04d" % (kpa_index, week)
            if env.ref("kpa_demo.%s" % key, raise_if_not_found=False):
                continue
            day = ctx["start"] + datetime.timedelta(days=week * 7 + 2)
            amount = rng.choice([150, 300, 450, 600, 900, 1200])
            invoice = ensure(env, key, "account.invoice", {
                "type": "out_invoice",
                "partner_id": client.id,
                "account_id": client.property_account_receivable_id.id,
                "kpa_id": kpa.id,
                "date_invoice": day.isoformat(),
                "invoice_line_ids": [(0, 0, {
                    "name": rng.choice(SERVICES),
                    "account_id": account.id,
                    "account_analytic_id": kpa.analytic_account_id.id,
                    "quantity": 1,
                    "price_unit": amount,
                })],
            })
            invoice.action_invoice_open()
            payment = env["account.payment"].create({
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": client.id,
                "amount": invoice.amount_total,
                "journal_id": bank.id,
                "payment_date": (day + datetime.timedelta(days=3)).isoformat(),
                "payment_method_id": method.id,
                "invoice_ids": [(6, 0, invoice.ids)],
            })
            payment.post()
        env.cr.commit()


STEPS = [make_kpas, make_members, make_invoices]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--kpas", type=int, default=3)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--no-invoices", action="store_true")
    args = parser.parse_args()
    today = demo_today()
    monday = today - datetime.timedelta(days=today.weekday())
    ctx = {
        "kpas": args.kpas, "members": args.members, "weeks": args.weeks,
        "start": monday - datetime.timedelta(weeks=args.weeks),
    }
    started = time.time()
    with odoo_env(args.database) as env:
        env = env(context=dict(env.context, tracking_disable=True,
                               mail_create_nosubscribe=True,
                               mail_notrack=True))
        for step in STEPS:
            if args.no_invoices and step is make_invoices:
                continue
            step(env, ctx)
            env.cr.commit()
            print("%s done (%.0fs)" % (step.__name__, time.time() - started))


if __name__ == "__main__":
    main()
