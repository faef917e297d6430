"""The demo network served by `make run`: the CAE Optéos and three KPAs.

    .venv/bin/python -m data.demo kpa_demo

Idempotent: records carry external ids in the ``kpa_demo`` namespace, and a
second run only adds what is missing. Each module adds its own part through
the functions of ``STEPS``.
"""
import argparse
import datetime
import importlib
import importlib.util

from .odoo_env import ensure, odoo_env, demo_today

DEMO_USERS = [
    # login, name, role, password (= login), KPAs coordinated
    ("admin", "Administrateur", "Administrator (everything)"),
    ("nadia", "Nadia Benali", "KPA coordinator (La Cape, Illicoop)"),
    ("thomas", "Thomas Lefebvre", "KPA coordinator (Moulins Coop)"),
    ("olivier", "Olivier Dupont", "CAE manager (every KPA)"),
    ("claire", "Claire Martin", "CAE accountant"),
    ("samir", "Samir Haddad", "Member of La Cape (portal)"),
    ("ines", "Inès Moreau", "Member of La Cape (portal)"),
]

KPAS = [
    # xmlid, name, code, city, coordinators, carrier, places
    ("kpa_la_cape", "La Cape", "CAPE", "Roubaix", ["nadia"],
     "Association Épeule Ensemble", [
         ("La Cape, tiers-lieu", "third_place", "12 rue de l'Épeule",
          "59100", "Roubaix", "Grande salle, atelier de sérigraphie, "
          "machines à coudre."),
         ("Fablab de l'Épeule", "fablab", "40 rue de l'Alma", "59100",
          "Roubaix", "Imprimantes 3D, découpe laser, établi de menuiserie."),
     ]),
    ("kpa_moulins_coop", "Moulins Coop", "MOUL", "Lille", ["thomas"],
     "Maison de quartier des Moulins", [
         ("Cuisine partagée des Moulins", "kitchen", "5 rue d'Arras",
          "59000", "Lille", "Cuisine professionnelle, chambre froide."),
     ]),
    ("kpa_illicoop", "Illicoop", "ILLI", "Mons-en-Barœul", ["nadia"],
     "Centre social du Nouveau Mons", [
         ("Centre social du Nouveau Mons", "social_centre",
          "2 avenue Robert Schuman", "59370", "Mons-en-Barœul",
          "Salle d'activité, jardin partagé."),
     ]),
]

# name, KPA, state, birthdate, QPV, skills, portal login
MEMBERS = [
    ("Samir Haddad", "kpa_la_cape", "member", "1994-03-12", True,
     ["catering", "delivery"], "samir"),
    ("Inès Moreau", "kpa_la_cape", "member", "2001-09-30", True,
     ["sewing", "screen_printing"], "ines"),
    ("Fatou Ndiaye", "kpa_la_cape", "member", "1988-11-02", True,
     ["catering", "events"], None),
    ("Kevin Dubois", "kpa_la_cape", "member", "1999-05-21", False,
     ["carpentry", "3d_printing"], None),
    ("Yasmine Bensaïd", "kpa_la_cape", "newcomer", "2009-04-15", True,
     ["sewing"], None),
    ("Rachid Amrani", "kpa_la_cape", "alumni", "1979-07-08", True,
     ["carpentry"], None),
    ("Julie Lambert", "kpa_moulins_coop", "member", "1992-01-17", False,
     ["catering"], None),
    ("Mamadou Diallo", "kpa_moulins_coop", "member", "1985-12-05", True,
     ["catering", "delivery"], None),
    ("Sophie Leroy", "kpa_moulins_coop", "member", "1976-06-28", True,
     ["events"], None),
    ("Karim Belkacem", "kpa_moulins_coop", "newcomer", "2003-02-11", True,
     ["gardening"], None),
    ("Aminata Traoré", "kpa_illicoop", "member", "1990-08-19", True,
     ["gardening", "catering"], None),
    ("Lucas Petit", "kpa_illicoop", "member", "1997-10-03", False,
     ["screen_printing", "events"], None),
    ("Nora Kaci", "kpa_illicoop", "newcomer", "1983-03-25", True,
     ["sewing"], None),
]


def xid(name):
    """An external id from a person's name (ascii, lower case)."""
    import unicodedata
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore")
    return "_".join(plain.decode().lower().split())


def load_company(env):
    """The CAE Optéos: legal identity, French chart already loaded."""
    company = env.ref("base.main_company")
    france = env.ref("base.fr")
    company.write({
        "name": "Optéos",
        "street": "51 rue de l'Alma",
        "zip": "59100",
        "city": "Roubaix",
        "country_id": france.id,
        "phone": "+33 3 20 00 00 00",
        "email": "contact@opteos.example",
        "website": "https://opteos.example",
        "vat": "FR36481234565",
        "siret": "48123456510001",
        "ape": "7022Z",
        "company_registry": "RCS Lille Métropole 481 234 565",
        "kpa_legal_form": "SCOP SA à capital variable",
        "kpa_share_capital": "capital variable",
    })
    company.partner_id.lang = "fr_FR"
    # Odoo's placeholder logo is replaced; a logo someone chose stays.
    if not company.logo or company.logo == company._get_logo():
        company.logo = _cae_logo()
    return company


def _cae_logo():
    """A plain word mark for the CAE (the portal and PDFs show it)."""
    import base64
    import io
    from PIL import Image, ImageDraw, ImageFont
    image = Image.new("RGB", (360, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 4, 356, 116), radius=20, fill=(37, 84, 140))
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 56)
        draw.text((180, 60), "Optéos", fill="white", font=font, anchor="mm")
    except OSError:  # no TrueType font on this machine
        draw.text((150, 55), "Optéos", fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue())


def load_users(env):
    """Demo logins; the password of each is its login."""
    users = {}
    groups = {
        "nadia": ["kpa_cooperative.group_kpa_coordinator"],
        "thomas": ["kpa_cooperative.group_kpa_coordinator"],
        "olivier": ["kpa_cooperative.group_kpa_manager",
                    "account.group_account_invoice"],
        # The accountant reads every KPA's money; governance is not hers.
        "claire": ["account.group_account_manager"],
    }
    admin = env.ref("base.user_root")
    admin.write({"lang": "fr_FR", "tz": "Europe/Paris",
                 "name": DEMO_USERS[0][1]})
    users["admin"] = admin
    for login, name, _role in DEMO_USERS:
        if login not in groups:
            continue
        wanted = [(6, 0, [env.ref("base.group_user").id] + [
            env.ref(group).id for group in groups[login]])]
        users[login] = ensure(env, "user_%s" % login, "res.users", {
            "name": name,
            "login": login,
            "password": login,
            "email": "%s@opteos.example" % login,
            "lang": "fr_FR",
            "tz": "Europe/Paris",
            "groups_id": wanted,
        })
        # The demo logins keep the role the README gives them, also in a
        # demo database made by an earlier version.
        users[login].write({"groups_id": wanted})
    return users


def load_network(env, users):
    """The three KPAs, their places and members."""
    skills = {key.split("kpa_skill_")[1]: env.ref(key) for key in [
        "kpa_cooperative.kpa_skill_%s" % s for s in (
            "catering", "screen_printing", "carpentry", "sewing", "events",
            "gardening", "delivery", "3d_printing")]}
    kpas = {}
    for key, name, code, city, coordinators, carrier, places in KPAS:
        carrier_partner = ensure(env, "%s_carrier" % key, "res.partner", {
            "name": carrier, "is_company": True, "city": city,
            "country_id": env.ref("base.fr").id, "lang": "fr_FR"})
        kpa = ensure(env, key, "kpa.cooperative", {
            "name": name,
            "code": code,
            "carrier_partner_id": carrier_partner.id,
            "coordinator_ids": [(6, 0, [users[c].id for c in coordinators])],
            "contribution_rate": 0.10,
            "reserve_rate": 0.05,
        })
        for index, (pname, kind, street, zipcode, pcity, equipment) in \
                enumerate(places):
            ensure(env, "%s_place_%d" % (key, index), "kpa.place", {
                "name": pname, "kpa_id": kpa.id, "kind": kind,
                "street": street, "zip": zipcode, "city": pcity,
                "equipment": equipment})
        kpas[key] = kpa
    today = demo_today()
    portal = env.ref("base.group_portal")
    for name, kpa_key, state, birthdate, qpv, skill_keys, login in MEMBERS:
        key = xid(name)
        partner = ensure(env, "partner_%s" % key, "res.partner", {
            "name": name,
            "email": "%s@example.org" % key.replace("_", "."),
            "mobile": "+33 6 %02d %02d %02d %02d" % tuple(
                (len(name) * k) % 100 for k in (3, 7, 11, 13)),
            "city": kpas[kpa_key].place_ids[:1].city,
            "country_id": env.ref("base.fr").id,
            "lang": "fr_FR",
            "kpa_birthdate": birthdate,
            "kpa_qpv_resident": qpv,
            "kpa_skill_ids": [(6, 0, [skills[s].id for s in skill_keys])],
        })
        joined = today - datetime.timedelta(
            days={"member": 300, "newcomer": 20, "alumni": 400}[state])
        membership = ensure(env, "membership_%s" % key, "kpa.membership", {
            "partner_id": partner.id,
            "kpa_id": kpas[kpa_key].id,
            "date_join": joined.isoformat(),
            "state": "newcomer" if state == "newcomer" else "member",
        })
        if state == "alumni" and membership.state != "alumni":
            membership.action_leave(
                "salaried",
                (today - datetime.timedelta(days=60)).isoformat())
        if login:
            user = ensure(env, "user_%s" % login, "res.users", {
                "name": name, "login": login, "password": login,
                "partner_id": partner.id, "lang": "fr_FR",
                "tz": "Europe/Paris",
                "groups_id": [(6, 0, [portal.id])],
            })
            users[login] = user
    return kpas


# The steps run in order and must be idempotent: each is a function of
# (env, ctx), ctx holding what earlier steps made ("company", "users" by
# login, "kpas" by external id). Each module brings its own part as
# data/demo_<part>.py with a STEPS list of the same shape.
STEPS = [
    ("company", lambda env, ctx: ctx.update(company=load_company(env))),
    ("users", lambda env, ctx: ctx.update(users=load_users(env))),
    ("network", lambda env, ctx: ctx.update(
        kpas=load_network(env, ctx["users"]))),
]
PARTS = (
    ("demo_cooperative", "kpa_cooperative"),
    ("demo_sales", "kpa_cooperative"),
    ("demo_cape", "kpa_cape"),
    ("demo_remuneration", "kpa_remuneration"),
    ("demo_governance", "kpa_governance"),
    ("demo_payout", "kpa_payout"),
)


def all_steps(env):
    """The core steps, then each part whose module is installed."""
    installed = set(env["ir.module.module"].search([
        ("state", "=", "installed")]).mapped("name"))
    steps = list(STEPS)
    for part, module in PARTS:
        if module in installed and importlib.util.find_spec("data.%s" % part):
            steps += importlib.import_module("data.%s" % part).STEPS
    return steps


def load(env):
    ctx = {}
    env = env(context=dict(env.context, tracking_disable=True,
                           mail_create_nosubscribe=True,
                           no_reset_password=True))
    for _name, step in all_steps(env):
        step(env, ctx)
    return ctx


def print_logins(url):
    print("\nKPA-Cité demo: %s  (database kpa_demo)\n" % url)
    print("  %-9s %-9s %s" % ("login", "password", "who"))
    for login, name, role in DEMO_USERS:
        print("  %-9s %-9s %s, %s" % (login, login, name, role))
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--print-logins", metavar="URL")
    parser.add_argument("--log-level", default="warn")
    args = parser.parse_args()
    if args.print_logins:
        print_logins(args.print_logins)
        return
    with odoo_env(args.database, log_level=args.log_level) as env:
        load(env)


if __name__ == "__main__":
    main()
